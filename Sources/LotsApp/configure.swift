import Fluent
import Vapor

/// Builds the application from a validated configuration. `main.swift` and the tests both call this.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.config = config
    let catalogDirectory = (config.resourcesDirectory as NSString).appendingPathComponent("Localization")
    do { app.localizer = try Localizer.load(directory: catalogDirectory) } catch {
        throw AppConfigError(problems: [.init(setting: "LOTS_RESOURCES_DIR", message: "the localisation catalogs in \(catalogDirectory) cannot be read: \(error)")])
    }
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    // Uploads are limited per route; this is the ceiling for any request body.
    app.routes.defaultMaxBodySize = "1mb"

    app.keyRing = KeyRing(kek: try KeyEncryptionKeyLoader.load(config: config, logger: app.logger),
                          previous: try KeyEncryptionKeyLoader.loadPrevious(config: config),
                          shredded: try ShreddedSubjects(file: config.shreddedKeysFile))
    app.auditSigningKey = try KeyEncryptionKeyLoader.loadAuditSigningKey(config: config, logger: app.logger)
    try DatabaseSetup.configure(app, setting: config.database)
    MigrationRegistry.register(on: app)

    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(LotsErrorMiddleware())
    app.middleware.use(SecurityHeadersMiddleware(behindTLS: config.behindTLS))
    let publicDirectory = ((config.resourcesDirectory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Public/")
    app.middleware.use(FileMiddleware(publicDirectory: publicDirectory))
    app.middleware.use(SessionMiddleware())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(APIAuthenticationMiddleware())

    app.sessionStore = SessionStore()
    app.auditLog = AuditLog(clock: app.clock, database: { [unowned app] in app.db })
    try await app.configureLiveBankID()
    if app.bankIDTestServerEnabled {
        app.bankIDTestOrders = BankIDTestOrders(now: { [unowned app] in app.clock.now() })
    }
    app.oidcProviderCache = OIDCProviderCache()
    if app.oidcTestProviderEnabled {
        app.oidcTestProvider = OIDCTestProvider(now: { [unowned app] in app.clock.now() })
    }

    app.jobs.register(MailDeliveryJob())
    app.jobs.register(OutboxPurgeJob())
    app.jobs.schedule(OutboxPurgeJob(), every: 3600)
    app.jobs.register(AuditCheckpointJob())
    app.jobs.register(NoticeAnnouncementJob())
    app.jobs.register(SignInHousekeepingJob())
    app.jobs.register(ImportUploadPurgeJob())
    app.jobs.register(ParticipantListPurgeJob())
    app.jobs.schedule(ParticipantListPurgeJob(), every: 3600)
    app.jobs.schedule(ImportUploadPurgeJob(), every: 3600)
    app.jobs.schedule(SignInHousekeepingJob(), every: 3600)
    app.jobs.schedule(AuditCheckpointJob(), every: 600)
    app.lifecycle.use(JobRunnerLifecycle())

    app.asyncCommands.use(LotsServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(LotsMigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(JobsCommand(), as: "jobs")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    app.asyncCommands.use(KeysCommand(), as: "keys")

    try routes(app)
}
