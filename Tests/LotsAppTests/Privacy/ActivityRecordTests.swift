import Fluent
import Foundation
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct ActivityRecordTests {
    /// Section 4 of the ROM2 notice: each row's activity, legal basis and retention, in the notice's order.
    static let section4: [(name: String, basis: String, retention: String)] = [
        ("Placering och registrering i stödsystemet för dokumentering och uppföljning", "Allmänt intresse", "8 månader efter placeringens avslut"),
        ("Dokumentation av insatsen", "Allmänt intresse", "8 månader efter placeringens avslut"),
        ("Utskick av information", "Allmänt intresse", "8 månader efter placeringens avslut"),
        ("Ansökningshandlingar", "Allmänt intresse", "8 månader efter placeringens avslut"),
        ("Deltagarlistor", "Allmänt intresse", "senast en vecka efter genomförd aktivitet"),
        ("Rapportering till AF", "Rättslig förpliktelse", "Lagring sker i Arbetsförmedlingens system"),
        ("Signal om arbete/utbildning; resultatredovisning", "Allmänt intresse", "8 månader efter placeringens avslut"),
        ("Begäran om resultatersättning", "Rättslig förpliktelse", "Lagring sker i Arbetsförmedlingens system"),
        ("Slutredovisning till AF", "Rättslig förpliktelse", "8 månader efter placeringens avslut"),
        ("Statistik", "Rättslig förpliktelse; Allmänt intresse", "8 månader efter placeringens avslut"),
        ("Tillgodose den registrerades rättigheter", "Rättslig förpliktelse", "Raderas direkt efter att återkoppling skett"),
    ]

    @Test func theROM2RecordMatchesSection4OfTheNotice() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let dpo = try await TestBrowser.signedIn(as: "Doris Dataskydd", in: app)
            let page = try await dpo.get("/privacy/activities")
            #expect(page.status == .ok)

            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.caseManagement.slug).first())
            let rows = try await ActivityRecord.rows(organisationID: try organisation.requireID(), language: "sv", on: app.db)
            #expect(rows.count == Self.section4.count)
            for (row, expected) in zip(rows, Self.section4) {
                #expect(row.name == expected.name)
                #expect(ActivityRecordPage.bases(row, Texts(language: .sv, localizer: app.localizer)) == expected.basis, "\(row.name)")
                #expect(row.retention.contains(expected.retention), "\(row.name)")
                #expect(page.body.contains(expected.name.replacingOccurrences(of: "/", with: "/")))
            }
            #expect(rows.allSatisfy { !$0.thirdCountryTransfers }, "the notice: nothing leaves the EU/EEA")
            let registration = try #require(rows.first)
            #expect(registration.retentionTrigger == "placement_ended" && registration.retentionPeriod == "P8M")
            #expect(registration.storedIn.contains("participants.personal_number"), "the record points at the tagged columns")
            #expect(registration.rights.contains("objection"), "public interest: the right to object applies")
            #expect(!rows[5].rights.contains("erasure"), "legal obligation: no erasure (Art. 17(3)(b))")
            #expect(rows[1].needsSpecialCategoryBasis, "health data is documented without a stated Art. 9 exception: flagged")
            #expect(page.body.contains("Komplettera registret"))
        }
    }

    @Test func exportsAsCSVAndJSON() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let dpo = try await TestBrowser.signedIn(as: "Doris Dataskydd", in: app)
            let csv = try await dpo.get("/privacy/activities.csv")
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            #expect(csv.body.hasPrefix(ActivityRecord.csvHeader.joined(separator: ",") + "\r\n"))
            #expect(csv.body.contains("rom2.registration") && csv.body.contains("P8M"))

            let json = try await dpo.get("/privacy/activities.json", headers: ["Accept-Language": "en"])
            #expect(json.status == .ok)
            let decoded = try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: Any]]
            #expect(decoded?.count == 11)
            #expect(decoded?.first?["name"] as? String == "Placement and registration in the documentation and follow-up system")
            #expect((decoded?.first?["legal_basis"] as? [String]) == ["public_interest"])
        }
    }

    @Test func partnershipRecordAndAccess() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let tuomas = try await TestBrowser.signedIn(as: "Tuomas Tietosuoja", in: app)
            let page = try await tuomas.get("/privacy/activities", headers: ["Accept-Language": "fi"])
            #expect(page.body.contains("Käyttäjätilit ja yhteistyö alustalla"))
            #expect(!page.body.contains("Deltagarlistor"), "each organisation sees its own record")
            let handledare = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(try await handledare.get("/privacy/activities").status == .forbidden)
            #expect(try await handledare.get("/privacy/activities.json").status == .forbidden)
        }
    }
}
