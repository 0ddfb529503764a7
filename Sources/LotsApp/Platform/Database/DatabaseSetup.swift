import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

enum DatabaseSetup {
    /// Registers the configured database as the default one.
    static func configure(_ app: Application, setting: AppConfig.DatabaseSetting) throws {
        switch setting {
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
        case .sqliteFile(let path):
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url, let searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = searchPath
            app.databases.use(.postgres(configuration: configuration, sqlLogLevel: .trace), as: .psql)
        }
    }

    /// Tunes every connection: the driver keeps one SQLite connection per event loop, and all but the
    /// journal mode are settings of a connection, not of the file. (Tuning only one left the others
    /// syncing the disk on every commit and failing at once when busy.)
    static func tune(_ app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let database = app.databases.database(logger: app.logger, on: eventLoop) else { continue }
            try await tune(database)
        }
    }

    /// SQLite's defaults suit a single process; WAL lets readers run beside the one writer and the busy
    /// timeout makes a second writer wait instead of failing. Foreign keys are on per connection by the driver.
    /// Every commit on one connection (an audit event, on nearly every page) empties the page cache of the
    /// others, which then read each page again with a system call and a copy: measured as half of a busy
    /// caseload page. Mapping the file into memory turns those reads into memory accesses of the OS's cache.
    static func tune(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        try await sql.raw("PRAGMA busy_timeout = 5000").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        try await sql.raw("PRAGMA mmap_size = 4294967296").run()
        try await sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(cacheKiB))").run()
        try await sql.raw("PRAGMA temp_store = MEMORY").run()
    }
}

extension DatabaseSetup {
    /// Each SQLite connection's page cache, in KiB.
    static let cacheKiB = 32_768
    /// The cache of a connection doing one large write (an import's transaction).
    static let largeWriteCacheKiB = 524_288

    /// Runs a large write with a larger page cache on its SQLite connection, so the pages it changes stay in
    /// memory until it commits instead of being spilled to the log and written again (a tenth of a
    /// hundred-thousand-row import at the default size). The cache is only as large as the pages it holds.
    static func withLargeCache<T>(_ db: any Database, _ body: () async throws -> T) async throws -> T {
        guard !db.isPostgres else { return try await body() }
        try await db.sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(largeWriteCacheKiB))").run()
        let result: T
        do { result = try await body() } catch {
            try? await db.sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(cacheKiB))").run()
            throw error
        }
        try await db.sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(cacheKiB))").run()
        return result
    }

    /// Lets SQLite refresh the statistics its query planner chooses indexes by (PostgreSQL's autovacuum does
    /// this on its own). Cheap when nothing changed much; run whenever Lots starts.
    static func analyse(_ database: any Database) async throws {
        guard database.sql.dialect.name == "sqlite" else { return }
        try await database.sql.raw("PRAGMA optimize").run()
    }
}

extension Database {
    var sql: any SQLDatabase {
        // Every driver Lots uses is SQL-backed; failing here means a programming error, not bad input.
        guard let sql = self as? any SQLDatabase else { fatalError("Lots needs an SQL database") }
        return sql
    }

    var isPostgres: Bool { sql.dialect.name == "postgresql" }
}
