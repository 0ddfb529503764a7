import Fluent
import Vapor

/// `lots serve [--hostname H] [--port P] [--demo]`: migrates, seeds demo data when asked, starts the job
/// runner and then Vapor's HTTP server.
struct LotsServeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "Address to listen on (default LOTS_HOSTNAME or 127.0.0.1).")
        var hostname: String?

        @Option(name: "port", short: "p", help: "Port to listen on (default LOTS_PORT or 8080).")
        var port: Int?

        @Flag(name: "demo", help: "Run with made-up demo organisations, staff and participants; mail goes to the dev mailbox.")
        var demo: Bool

        @Flag(name: "unaudited-reads-for-benchmark",
              help: "Benchmark only, with --demo: participant reads skip the audit trail, to measure what auditing costs.")
        var unauditedReads: Bool
    }

    var help: String { "Serves Lots over HTTP." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.unauditedReads {
            guard app.config.demo else {
                throw AppConfigError(problems: [.init(setting: "--unaudited-reads-for-benchmark",
                                                      message: "refused without --demo: real data is always audited")])
            }
            app.unauditedReadsForBenchmark = true
            context.console.warning("Participant reads are NOT audited in this process (benchmark comparison run).")
        }
        try await app.migrateAndTune()
        if app.config.demo {
            let seeded = try await app.demoSeeder.seedIfEmpty(on: app.db)
            if seeded { context.console.info("Seeded the demo organisations and staff.") }
        }
        if app.config.runJobsInProcess {
            app.jobs.start(on: app, pollInterval: app.config.jobPollInterval)
        }
        let hostname = signature.hostname ?? app.config.hostname
        let port = signature.port ?? app.config.port
        // Lots calls its own BankID test server in demo mode, so it must know where it listens.
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        if app.config.demo {
            context.console.output(DemoSeeder.instructions(url: "http://\(hostname):\(port)").consoleText())
        }
        var serveContext = CommandContext(console: context.console, input: CommandInput(arguments: ["lots", "--hostname", hostname, "--port", String(port)]))
        serveContext.application = app
        try await app.servers.asyncCommand.run(using: &serveContext)
    }
}

extension Application {
    /// Applies pending migrations; on SQLite also switches the file to write-ahead logging.
    func migrateAndTune() async throws {
        try await DatabaseSetup.tune(self)
        try await autoMigrate()
        try await DatabaseSetup.analyse(db)
    }
}
