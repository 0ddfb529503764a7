import Fluent
import Foundation
import LotsCore
import SQLKit
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct ParticipantEncryptionTests {
    /// What must never be readable in the database file: names, identity numbers, contact details,
    /// interpreter language and case numbers of the demo participants.
    static func plaintexts() -> [String] {
        DemoParticipants.seeds.enumerated().flatMap { index, seed in
            [seed.givenName, seed.familyName, DemoParticipants.identityNumber(index).digits, DemoParticipants.phone(index),
             "Exempelgatan", DemoParticipants.caseNumber(index, placement: 0)] + (seed.interpreter.map { [$0] } ?? [])
        }
    }

    @Test func theDatabaseFileHoldsNoParticipantDataInClear() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lots-enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lots.sqlite").path
        try await withLotsApp(configure: { $0.database = .sqliteFile(path: file) }) { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            _ = try await hanna.get("/participants/search?q=\(DemoParticipants.identityNumber(0).formatted)&purpose=casework")
            _ = try await hanna.get("/participants")
            try await app.db.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: file + "-wal")) { bytes.append(wal) }
        #expect(bytes.count > 10_000)
        #expect(bytes.range(of: Data("Hanna Handledarsson".utf8)) != nil, "the scan reads what is stored in clear (staff names are)")
        for text in Self.plaintexts() {
            #expect(bytes.range(of: Data(text.utf8)) == nil, "\(text.prefix(3))… is stored in clear")
        }
    }

    @Test func erasingAParticipantMakesTheirDataUnreadableEvenFromAnEarlierCopy() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            // The "backup": the participant's ciphertext as it was before the erasure.
            let backup = try #require(try await Participant.find(amira, on: app.db))
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(try await hanna.get("/participants/\(amira.uuidString.lowercased())").status == .ok)

            try await app.keyRing.shred(amira, on: app.db)

            #expect(try await hanna.get("/participants/\(amira.uuidString.lowercased())").status == .notFound)
            #expect(!(try await hanna.get("/participants").body.contains("Amira")))
            await #expect(throws: SubjectKeyError.shredded) {
                try await app.keyRing.subjectKey(amira, organisationID: backup.organisationID, on: app.db)
            }
            // Even with the old wrapped key restored from a backup, the shredded list keeps it from being used.
            #expect(try await app.keyRing.subjectKeys([amira], organisationID: backup.organisationID, on: app.db).isEmpty)
        }
    }
}
