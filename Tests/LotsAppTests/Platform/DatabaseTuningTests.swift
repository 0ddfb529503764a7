import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import LotsApp

/// SQLite settings are per connection: every connection of the pool gets them, not just the first.
@Suite struct DatabaseTuningTests {
    @Test func everySQLiteConnectionIsTuned() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lots-tune-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withLotsApp(configure: { $0.database = .sqliteFile(path: directory.appendingPathComponent("lots.sqlite").path) }) { app in
            try await app.migrateAndTune()
            var loops = 0
            for eventLoop in app.eventLoopGroup.makeIterator() {
                let database = try #require(app.databases.database(logger: app.logger, on: eventLoop))
                let synchronous = try await database.sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
                let timeout = try await database.sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
                #expect(synchronous == 1, "NORMAL")
                #expect(timeout == 5000)
                loops += 1
            }
            #expect(loops >= 1)
        }
    }
}
