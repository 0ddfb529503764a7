import Fluent
import Foundation
import Testing
import VaporTesting
@testable import LotsApp

/// The repository root, found from this file's path so tests run from any working directory.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// Builds a migrated Lots application for one test, on its own database: a fresh in-memory SQLite
/// database, or — when LOTS_TEST_POSTGRES_URL is set — a fresh schema in that PostgreSQL database,
/// dropped afterwards. Tests can therefore run in parallel.
func withLotsApp(
    configure customize: (inout AppConfig) throws -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    var config = AppConfig.testing(resourcesDirectory: repositoryRoot + "/Resources")
    var schema: String?
    if let url = TestPostgres.url {
        try TestPostgres.requireLocal(url)
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        schema = name
        config.database = .postgres(url: url, searchPath: [name])
    }
    try customize(&config)
    // A test may insist on SQLite (e.g. to read the database file); it then gets no PostgreSQL schema.
    if case .postgres = config.database {} else { schema = nil }
    if schema != nil { await TestPostgres.gate.acquire() }
    defer { if schema != nil { Task { await TestPostgres.gate.release() } } }
    let app = try await Application.make(.testing)
    // Migrations and requests log at info; keep test output to what failed.
    app.logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
    do {
        try await configure(app, config: config)
        if let schema { try await app.db.sql.raw("CREATE SCHEMA \(ident: schema)").run() }
        try await app.autoMigrate()
        try await body(app)
        if let schema { try await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
    } catch {
        // PostgreSQL errors describe themselves generically; the test log needs the server's message.
        if TestPostgres.url != nil { app.logger.error("test failed: \(String(reflecting: error))") }
        if let schema { try? await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        try await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Limits how many tests hold PostgreSQL connections at once: every test app has its own pool, and
/// the parallel suite would otherwise exceed the server's connection limit (100 by default).
actor TestGate {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { available += 1 } else { waiting.removeFirst().resume() }
    }
}

enum TestPostgres {
    static let gate = TestGate(limit: 12)

    static var url: String? {
        guard let value = ProcessInfo.processInfo.environment["LOTS_TEST_POSTGRES_URL"], !value.isEmpty else { return nil }
        return value
    }

    struct NonLocalDatabase: Error, CustomStringConvertible {
        var host: String
        var description: String { "LOTS_TEST_POSTGRES_URL points at \(host); tests only run against a database on this machine" }
    }

    /// Tests create and drop schemas: never let them near a shared or production server.
    static func requireLocal(_ url: String) throws {
        let host = URLComponents(string: url)?.host ?? ""
        guard ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host) else { throw NonLocalDatabase(host: host) }
    }
}

extension Application {
    /// The body of a GET as text, with the response for further checks.
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> (TestingHTTPResponse, String) {
        var result: (TestingHTTPResponse, String)?
        try await testing().test(.GET, path, headers: headers) { response in
            result = (response, response.body.string)
        }
        return result!
    }
}

@Suite struct TestFixtureTests {
    /// The PostgreSQL fixture creates and drops schemas, so it must refuse any server but this machine's.
    @Test func postgresFixtureRefusesRemoteHosts() throws {
        #expect(throws: TestPostgres.NonLocalDatabase.self) { try TestPostgres.requireLocal("postgres://u:p@db.example.org/lots") }
        #expect(throws: TestPostgres.NonLocalDatabase.self) { try TestPostgres.requireLocal("postgres://u:p@10.0.0.5/lots") }
        try TestPostgres.requireLocal("postgres://u:p@127.0.0.1:5432/lots_test")
        try TestPostgres.requireLocal("postgres://u:p@localhost/lots_test")
    }
}

/// Runs `body` while the app's HTTP server listens on a loopback port: some routes call Lots itself
/// over HTTP (the BankID client talks to the BankID test server).
func withRunningServer(_ app: Application, _ body: () async throws -> Void) async throws {
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    do { try await body() } catch {
        await app.server.shutdown()
        throw error
    }
    await app.server.shutdown()
}
