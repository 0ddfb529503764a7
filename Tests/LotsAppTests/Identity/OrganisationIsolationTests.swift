import Fluent
import Foundation
import NIOCore
import Testing
import VaporTesting
@testable import LotsApp

/// A user of one organisation can never see or change another organisation's data: every registered
/// route is called by the partnership platform's staff with the ids of Exempelmissionen's rows, and no
/// response may contain Exempelmissionen's names or succeed in changing anything.
@Suite struct OrganisationIsolationTests {
    static let outsiders = ["Aino Ylläpitäjä", "Tuomas Tietosuoja", "Pekka Pääkäyttäjä"]

    @Test func everyRouteKeepsOrganisationsApart() async throws {
        // Not in demo mode: there the public start page lists every demo organisation's staff on purpose.
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            try await check(app)
        }
    }

    func check(_ app: Application) async throws {
        let home = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.caseManagement.slug).first())
        let homeID = try home.requireID()
        let hanna = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hanna Handledarsson").first())
        let amira = try await ParticipantFixture.id(of: "Amira", in: app)
        // What must never show: Exempelmissionen's staff, units and participants.
        // (Karin Konsult works for both organisations, so her name may show in either.)
        var secrets = DemoData.caseManagementStaff.map(\.name).filter { $0 != DemoData.karin.name } + DemoData.caseManagementUnits
        secrets += DemoParticipants.seeds.map { "\($0.givenName) \($0.familyName)" }
        let ids: [String: String] = [
            "participantID": amira.uuidString.lowercased(), "accountID": try hanna.requireID().uuidString.lowercased(),
        ]
        let rolesBefore = try await StaffRoleAssignment.query(on: app.db).filter(\.$organisation.$id == homeID).all().map(\.role)
        var checked = 0
        for name in Self.outsiders {
            let browser = try await TestBrowser.signedIn(as: name, in: app)
            let token = try #require(try await browser.get("/start").csrfToken)
            for route in app.routes.all {
                guard let permission = route.permission, permission != .developmentOnly else { continue }
                if case .apiClient = permission { continue } // tokens are bound to one organisation: APIClientTests
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return ids[name] ?? UUID().uuidString.lowercased() }
                    return component.description
                }.joined(separator: "/")
                var headers = HTTPHeaders()
                headers.add(name: CSRFMiddleware.headerName, value: token)
                let page: TestBrowser.Page
                if route.method == .GET {
                    page = try await browser.get(path + "?q=\(DemoParticipants.identityNumber(0).formatted)&purpose=casework&subject=participant:\(ids["participantID"]!)",
                                                 headers: headers)
                } else {
                    page = try await browser.post(path, form: ["_csrf": token, "active": "false", "role": "handledare", "reason": "handover"], headers: headers)
                }
                let leaked = secrets.filter { page.body.contains($0) }
                #expect(leaked.isEmpty, "\(route.method) \(path) as \(name) shows \(leaked)")
                // A changing request about another organisation's row must fail (public routes such as cancelling
                // one's own sign-in concern only the caller's browser).
                if route.path.contains(where: { if case .parameter = $0 { true } else { false } }), route.method == .POST, permission != .public {
                    #expect(page.status.code >= 400, "\(route.method) \(path) as \(name) was accepted: \(page.status)")
                }
                checked += 1
            }
        }
        #expect(checked > 30)
        #expect(try await StaffAccount.find(hanna.requireID(), on: app.db)?.active == true)
        let rolesAfter = try await StaffRoleAssignment.query(on: app.db).filter(\.$organisation.$id == homeID).all().map(\.role)
        #expect(rolesAfter.map(\.rawValue).sorted() == rolesBefore.map(\.rawValue).sorted())
        #expect(try await ParticipantAccessGrant.query(on: app.db).count() == 0)
    }
}
