import Crypto
import Fluent
import Foundation
import LotsCore
import Testing
@testable import LotsApp

@Suite struct CryptoShreddingTests {
    @Test func erasedSubjectStaysUnreadableEvenAfterRestoringABackup() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let organisationID = try #require(try await Organisation.query(on: app.db).first()?.requireID())
            let kek = SymmetricKey(size: .bits256)
            let listFile = NSTemporaryDirectory() + "shredded-\(UUID().uuidString).txt"
            let ring = KeyRing(kek: kek, shredded: try ShreddedSubjects(file: listFile))

            let subject = UUID()
            let key = try await ring.subjectKey(subject, organisationID: organisationID, create: true, on: app.db)
            let place = FieldCipher.Location(table: "participants", column: "name", rowID: subject.uuidString)
            let sealed = try FieldCipher.seal("Åsa Öberg", key: key, at: place)
            let again = try await ring.subjectKey(subject, organisationID: organisationID, on: app.db)
            #expect(try FieldCipher.open(sealed, key: again, at: place) == "Åsa Öberg")

            // A backup taken before the erasure holds the wrapped key.
            let backup = try #require(try await SubjectKey.find(subject, on: app.db)).wrappedKey

            try await ring.shred(subject, on: app.db)
            #expect(try await SubjectKey.find(subject, on: app.db) == nil)
            await #expect(throws: SubjectKeyError.shredded) { try await ring.subjectKey(subject, organisationID: organisationID, on: app.db) }
            await #expect(throws: SubjectKeyError.shredded, "no new key for an erased person") {
                try await ring.subjectKey(subject, organisationID: organisationID, create: true, on: app.db)
            }

            // The backup is restored, and Lots restarts: the list outside the database still refuses the key.
            try await SubjectKey(subjectID: subject, organisationID: organisationID, wrappedKey: backup, kekFingerprint: ring.fingerprint).create(on: app.db)
            let restarted = KeyRing(kek: kek, shredded: try ShreddedSubjects(file: listFile))
            await #expect(throws: SubjectKeyError.shredded) { try await restarted.subjectKey(subject, organisationID: organisationID, on: app.db) }

            // What protects the backup is that list, kept with the key-encryption key: without it the restored
            // key would open again. Operators must back the list up with the keys, never with the database.
            let withoutList = KeyRing(kek: kek, shredded: try ShreddedSubjects(file: NSTemporaryDirectory() + "empty-\(UUID().uuidString).txt"))
            let resurrected = try await withoutList.subjectKey(subject, organisationID: organisationID, on: app.db)
            #expect(try FieldCipher.open(sealed, key: resurrected, at: place) == "Åsa Öberg")
        }
    }

    @Test func otherSubjectsAreUntouched() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let organisationID = try #require(try await Organisation.query(on: app.db).first()?.requireID())
            let (erased, kept) = (UUID(), UUID())
            _ = try await app.keyRing.subjectKey(erased, organisationID: organisationID, create: true, on: app.db)
            let keptKey = try await app.keyRing.subjectKey(kept, organisationID: organisationID, create: true, on: app.db)
            try await app.keyRing.shred(erased, on: app.db)
            #expect(try await app.keyRing.subjectKey(kept, organisationID: organisationID, on: app.db) == keptKey)
            // A key belongs to one organisation: asking for it under another finds nothing.
            let other = try #require(try await Organisation.query(on: app.db).filter(\.$id != organisationID).first()?.requireID())
            await #expect(throws: SubjectKeyError.missing) { try await app.keyRing.subjectKey(kept, organisationID: other, on: app.db) }
        }
    }
}
