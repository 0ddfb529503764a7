import Fluent
import Vapor

/// `lots migrate`: applies every pending migration, without asking (safe for deploy scripts and CI).
struct LotsMigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Applies pending database migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.migrateAndTune()
        context.console.info("The \(app.config.database.kindName) database is up to date.")
    }
}

/// `lots demo`: migrates and seeds the demo organisations (only into an empty database).
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Seeds made-up demo organisations, staff and participants into an empty database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.migrateAndTune()
        if try await app.demoSeeder.seedIfEmpty(on: app.db) {
            context.console.info("Seeded the demo data.")
        } else {
            context.console.warning("The database already holds organisations; nothing was seeded.")
        }
    }
}
