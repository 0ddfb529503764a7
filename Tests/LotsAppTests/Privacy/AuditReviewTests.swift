import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct AuditReviewTests {
    @Test func dataProtectionOfficerReviewsOwnOrganisationAndIsAuditedForIt() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let admin = try await TestBrowser.signedIn(as: "Saga Systemsson", in: app)
            let token = try #require(try await admin.get("/admin/accounts").csrfToken)
            _ = try await admin.post("/admin/accounts", form: ["_csrf": token, "name": "Nils Nyman",
                                                                "personalNumber": DemoData.identityNumber(60).formatted, "role": "handledare", "unit": ""])
            let saga = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Saga Systemsson").first())

            let dpo = try await TestBrowser.signedIn(as: "Doris Dataskydd", in: app)
            let page = try await dpo.get("/privacy/audit?actor=\(try saga.requireID().uuidString)")
            #expect(page.status == .ok)
            #expect(page.body.contains("create role=handledare"))
            #expect(page.body.contains("Saga Systemsson"))
            #expect(!page.body.contains("demo_seed"), "filtered to the chosen user")

            let all = try await dpo.get("/privacy/audit")
            #expect(!all.body.contains("Aino"), "another organisation's events are not shown")

            let csv = try await dpo.get("/privacy/audit.csv?actor=\(try saga.requireID().uuidString)")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.hasPrefix("sequence,occurred_at,actor,actor_role,action,subject,purpose,result_count,details\r\n"))
            #expect(csv.body.contains("Saga Systemsson,system_administrator,admin_change"))

            let reviews = try await app.db.sql.raw("SELECT * FROM audit_events WHERE subject = 'audit_trail'").all().map(AuditVerifier.entry)
            #expect(reviews.map(\.action).sorted() == ["export", "view", "view"])
            #expect(reviews.allSatisfy { $0.purpose == "data_protection_review" })
        }
    }

    @Test func othersCannotReview() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let handledare = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(try await handledare.get("/privacy/audit").status == .forbidden)
            #expect(try await handledare.get("/privacy/audit.csv").status == .forbidden)
            #expect(try await TestBrowser(app).get("/privacy/audit").status == .seeOther)
        }
    }

    @Test func csvCellsCannotBecomeFormulas() {
        #expect(AuditReview.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AuditReview.cell("plain") == "plain")
        #expect(AuditReview.cell("a,b") == "\"a,b\"")
        #expect(AuditReview.cell("-1") == "'-1")
    }

    @Test func malformedDatesAreRefused() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let dpo = try await TestBrowser.signedIn(as: "Doris Dataskydd", in: app)
            #expect(try await dpo.get("/privacy/audit?from=yesterday").status == .badRequest)
            #expect(try await dpo.get("/privacy/audit?from=2026-01-01&to=2026-12-31").status == .ok)
        }
    }
}

@Suite struct UnitManagerAuditReviewTests {
    @Test func unitManagerReviewsOnlyTheStaffOfTheirUnits() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            for name in ["Hanna Handledarsson", "Hedda Handledarsson"] {
                _ = try await TestBrowser.signedIn(as: name, in: app).get("/participants")
            }
            let hanna = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hanna Handledarsson").first())
            let hedda = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hedda Handledarsson").first())
            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            let csv = try await eva.get("/privacy/audit.csv")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("Hanna Handledarsson,handledare,view"))
            #expect(!csv.body.contains("Hedda Handledarsson"), "Hedda works in another unit")
            #expect(!csv.body.contains("demo_seed"), "system events are not the unit's staff's")
            let page = try await eva.get("/privacy/audit?actor=\(try hedda.requireID().uuidString)")
            #expect(page.status == .ok && !page.body.contains("caseload"), "choosing another unit's person shows nothing")
            #expect(try await eva.get("/privacy/audit?actor=\(try hanna.requireID().uuidString)").body.contains("scope=caseload"))
            let reviews = try await ParticipantFixture.events(after: 0, in: app).filter { $0.subject == "audit_trail" }
            #expect(reviews.map(\.purpose) == ["unit_follow_up", "unit_follow_up", "unit_follow_up"])
        }
    }
}
