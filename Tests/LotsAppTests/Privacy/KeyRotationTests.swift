import Crypto
import Fluent
import Foundation
import LotsCore
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct KeyRotationTests {
    @Test func rotationRewrapsEveryKeySoTheOldKeyEncryptionKeyCanGo() async throws {
        try await withLotsApp { app in
            let old = SymmetricKey(size: .bits256)
            let new = SymmetricKey(size: .bits256)
            let shredded = app.keyRing.shredded
            app.keyRing = KeyRing(kek: old, shredded: shredded)
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let profile = "/participants/\(amira.uuidString.lowercased())"
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)

            // Restarted with a new key and the old one as previous: everything still opens.
            app.keyRing = KeyRing(kek: new, previous: [old], shredded: shredded)
            #expect(try await hanna.get(profile).body.contains("Amira Exempelsdotter"))
            // Without the old key nothing wrapped by it opens: the failure is an error, never wrong data.
            app.keyRing = KeyRing(kek: new, shredded: shredded)
            #expect(try await hanna.get(profile).status == .internalServerError)

            app.keyRing = KeyRing(kek: new, previous: [old], shredded: shredded)
            let report = try await KeyRotation(keyRing: app.keyRing, audit: app.auditLog, batchSize: 4).run(on: app.db)
            #expect(report.subjectKeys == DemoParticipants.seeds.count)
            #expect(report.organisationKeys >= 1)
            let fingerprints = Set(try await SubjectKey.query(on: app.db).all().map(\.kekFingerprint) + OrganisationKey.query(on: app.db).all().map(\.kekFingerprint))
            #expect(fingerprints == [KeyWrapping.fingerprint(of: new)])

            // Now the old key is not needed at all, and a second run has nothing to do.
            app.keyRing = KeyRing(kek: new, shredded: shredded)
            #expect(try await hanna.get(profile).body.contains("Amira Exempelsdotter"))
            let search = try await hanna.get("/participants/search?q=\(DemoParticipants.identityNumber(0).formatted)&purpose=casework")
            #expect(search.body.contains("Amira Exempelsdotter"), "blind indexes survive: the organisation key itself did not change")
            #expect(try await KeyRotation(keyRing: app.keyRing, audit: app.auditLog).run(on: app.db) == .init())
            let rotations = try await ParticipantFixture.events(after: 0, in: app).filter { $0.purpose == "key_rotation" }
            #expect(rotations.count == 2)
        }
    }
}
