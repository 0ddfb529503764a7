import Fluent
import Foundation
import LotsCore
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct AccountAdminTests {
    let newPerson = DemoData.identityNumber(40)

    func withAdmin(_ body: (Application, TestBrowser) async throws -> Void) async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            try await body(app, try await TestBrowser.signedIn(as: "Saga Systemsson", in: app))
        }
    }

    @Test func listsOnlyTheOwnOrganisation() async throws {
        try await withAdmin { _, admin in
            let page = try await admin.get("/admin/accounts")
            #expect(page.status == .ok)
            #expect(page.body.contains("Hanna Handledarsson"))
            #expect(!page.body.contains("Aino Ylläpitäjä"), "another organisation's staff are invisible")
        }
    }

    @Test func createdAccountCanSignIn() async throws {
        try await withAdmin { app, admin in
            let token = try #require(try await admin.get("/admin/accounts").csrfToken)
            let created = try await admin.post("/admin/accounts", form: [
                "_csrf": token, "name": "Nora Ny", "personalNumber": newPerson.formatted, "role": "handledare", "unit": "",
            ])
            #expect(created.status == .seeOther)
            let found = try await StaffDirectory.activeAccounts(for: newPerson, keyRing: app.keyRing, on: app.db)
            #expect(found.map(\.displayName) == ["Nora Ny"])
            let roles = try await StaffRoleAssignment.query(on: app.db).filter(\.$staffAccount.$id == (try found[0].requireID())).all()
            #expect(roles.map(\.role) == [.handledare])

            let again = try await admin.post("/admin/accounts", form: [
                "_csrf": token, "name": "Nora Igen", "personalNumber": newPerson.digits, "role": "handledare", "unit": "",
            ])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.contains("redan ett konto"))
        }
    }

    @Test(arguments: [
        ("19640823-3235", "Kontrollsiffran stämmer inte"),
        ("1964-08233234", "fel plats"),
        ("12345", "10 eller 12 siffror"),
        ("19640832-3234", "Födelsedatumet i personnumret finns inte"),
    ])
    func invalidPersonalNumbersAreExplainedAndChangeNothing(input: String, message: String) async throws {
        try await withAdmin { app, admin in
            let before = try await StaffAccount.query(on: app.db).count()
            let token = try #require(try await admin.get("/admin/accounts").csrfToken)
            let response = try await admin.post("/admin/accounts", form: [
                "_csrf": token, "name": "Nora Ny", "personalNumber": input, "role": "handledare", "unit": "",
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains(message))
            #expect(response.body.contains("value=\"Nora Ny\""), "what was typed is kept")
            #expect(try await StaffAccount.query(on: app.db).count() == before)
        }
    }

    @Test func deactivationEndsSessionsAndSignIn() async throws {
        try await withAdmin { app, admin in
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(try await hanna.get("/start").status == .ok)
            let account = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hanna Handledarsson").first())
            let token = try #require(try await admin.get("/admin/accounts").csrfToken)
            let done = try await admin.post("/admin/accounts/\(try account.requireID().uuidString)/active", form: ["_csrf": token, "active": "false"])
            #expect(done.status == .seeOther)
            #expect(try await hanna.get("/start").status == .seeOther, "her session ended at once")
            let seed = try #require(DemoData.caseManagementStaff.first { $0.name == "Hanna Handledarsson" })
            #expect(try await StaffDirectory.activeAccounts(for: seed.identityNumber, keyRing: app.keyRing, on: app.db).isEmpty)
        }
    }

    @Test func administratorsCannotLockThemselvesOut() async throws {
        try await withAdmin { app, admin in
            let own = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Saga Systemsson").first())
            let id = try own.requireID().uuidString
            let token = try #require(try await admin.get("/admin/accounts").csrfToken)
            #expect(try await admin.post("/admin/accounts/\(id)/active", form: ["_csrf": token, "active": "false"]).status == .unprocessableEntity)
            #expect(try await admin.post("/admin/accounts/\(id)/role", form: ["_csrf": token, "role": "handledare", "unit": ""]).status == .unprocessableEntity)
            #expect(try await admin.get("/admin/accounts").status == .ok)
        }
    }

    @Test func roleChangesTakeEffectAtOnce() async throws {
        try await withAdmin { app, admin in
            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            #expect(try await eva.get("/admin/accounts").status == .forbidden)
            let account = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Eva Enhetschef").first())
            let token = try #require(try await admin.get("/admin/accounts").csrfToken)
            let changed = try await admin.post("/admin/accounts/\(try account.requireID().uuidString)/role",
                                               form: ["_csrf": token, "role": "system_administrator", "unit": ""])
            #expect(changed.status == .seeOther)
            #expect(try await eva.get("/admin/accounts").status == .ok)
        }
    }

    @Test func accountsOfOtherOrganisationsCannotBeTouched() async throws {
        try await withAdmin { app, admin in
            let aino = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Aino Ylläpitäjä").first())
            let id = try aino.requireID().uuidString
            let token = try #require(try await admin.get("/admin/accounts").csrfToken)
            #expect(try await admin.post("/admin/accounts/\(id)/active", form: ["_csrf": token, "active": "false"]).status == .notFound)
            #expect(try await admin.post("/admin/accounts/\(id)/role", form: ["_csrf": token, "role": "handledare", "unit": ""]).status == .notFound)
            #expect(try await StaffAccount.find(try aino.requireID(), on: app.db)?.active == true)
            // A unit of another organisation is refused too.
            let foreignUnit = OrganisationUnit(organisationID: aino.$organisation.id, name: "Muu yksikkö")
            try await foreignUnit.create(on: app.db)
            let response = try await admin.post("/admin/accounts", form: [
                "_csrf": token, "name": "Nora Ny", "personalNumber": newPerson.formatted, "role": "handledare",
                "unit": try foreignUnit.requireID().uuidString,
            ])
            #expect(response.status == .unprocessableEntity)
        }
    }
}
