import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct APIClientTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func withOrganisation(_ body: (Application, UUID, FixedClock) async throws -> Void) async throws {
        try await withLotsApp { app in
            let clock = FixedClock(start)
            app.clock = clock
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "exempelmissionen").first())
            try await body(app, try organisation.requireID(), clock)
        }
    }

    func whoami(_ app: Application, token: String?) async throws -> (HTTPResponseStatus, String, HTTPHeaders) {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var result: (HTTPResponseStatus, String, HTTPHeaders)?
        try await app.testing().test(.GET, "/api/v1/whoami", headers: headers) { result = ($0.status, $0.body.string, $0.headers) }
        return result!
    }

    @Test func tokenOpensTheAPIAndEveryCallIsAudited() async throws {
        try await withOrganisation { app, organisationID, _ in
            let service = APIClientService(clock: app.clock, audit: app.auditLog)
            let (token, client) = try await service.create(organisationID: organisationID, name: "AF-import", scopes: [.importsWrite],
                                                           days: 30, createdBy: nil, on: app.db)
            let (status, body, _) = try await whoami(app, token: token)
            #expect(status == .ok)
            #expect(body.contains("\"organisation\":\"exempelmissionen\""))
            #expect(body.contains("imports:write"))
            let calls = try await app.db.sql.raw("SELECT * FROM audit_events WHERE action = 'api_access'").all().map(AuditVerifier.entry)
            #expect(calls.count == 1)
            #expect(calls.first?.query == "GET /api/v1/whoami")
            #expect(calls.first?.subject == "api_client:\(try client.requireID().uuidString.lowercased())")
            // Only the hash is kept.
            let stored = try await app.db.sql.raw("SELECT token_hash, token_prefix FROM api_clients").all()
            #expect(stored.count == 1)
            #expect(try stored[0].decode(column: "token_hash", as: String.self) != token)
            #expect(token.hasPrefix(try stored[0].decode(column: "token_prefix", as: String.self)))
        }
    }

    @Test func missingUnknownRevokedAndExpiredTokensAreRefused() async throws {
        try await withOrganisation { app, organisationID, clock in
            #expect(try await whoami(app, token: nil).0 == .unauthorized)
            let (status, _, headers) = try await whoami(app, token: "lots_not-a-real-token")
            #expect(status == .unauthorized)
            #expect(headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)

            let service = APIClientService(clock: app.clock, audit: app.auditLog)
            let (revoked, client) = try await service.create(organisationID: organisationID, name: "old", scopes: [.warehouseRead],
                                                             days: 30, createdBy: nil, on: app.db)
            try await service.revoke(try client.requireID(), organisationID: organisationID, by: nil, on: app.db)
            #expect(try await whoami(app, token: revoked).0 == .unauthorized)

            let (expiring, _) = try await service.create(organisationID: organisationID, name: "short", scopes: [.warehouseRead],
                                                         days: 1, createdBy: nil, on: app.db)
            #expect(try await whoami(app, token: expiring).0 == .ok)
            clock.advance(by: 86_401)
            #expect(try await whoami(app, token: expiring).0 == .unauthorized)
        }
    }

    @Test func scopesAreEnforced() async throws {
        try await withOrganisation { app, organisationID, _ in
            let request = Request(application: app, on: app.eventLoopGroup.next())
            request.apiClient = AuthenticatedAPIClient(id: UUID(), organisationID: organisationID, name: "export", scopes: [.warehouseRead],
                                                       expiresAt: start.addingTimeInterval(86_400))
            try Authorization.check(.apiClient(.warehouseRead), request)
            #expect(throws: (any Error).self) { try Authorization.check(.apiClient(.importsWrite), request) }
            request.apiClient = nil
            #expect(throws: (any Error).self) { try Authorization.check(.apiClient(nil), request) }
        }
    }

    @Test func badInputIsExplained() throws {
        #expect(throws: APIClientService.Failure.unknownScope("imports:read")) { try APIClientService.parseScopes("imports:write,imports:read") }
        #expect(throws: APIClientService.Failure.noScopes) { try APIClientService.parseScopes(" , ") }
        #expect(try APIClientService.parseScopes("warehouse:read, warehouse:read") == [.warehouseRead])
    }

    @Test func administratorCreatesSeesOnceAndRevokes() async throws {
        try await withOrganisation { app, _, _ in
            let admin = try await TestBrowser.signedIn(as: "Saga Systemsson", in: app)
            let token = try #require(try await admin.get("/admin/api-clients").csrfToken)
            let created = try await admin.post("/admin/api-clients", form: ["_csrf": token, "name": "AF-import", "scopes[]": "imports:write", "days": "30"])
            #expect(created.status == .ok)
            let range = try #require(created.body.range(of: "<code id=\"new-token\" translate=\"no\">"))
            let secret = String(created.body[range.upperBound...].prefix { $0 != "<" })
            #expect(secret.hasPrefix("lots_"))
            #expect(try await whoami(app, token: secret).0 == .ok)

            let list = try await admin.get("/admin/api-clients")
            #expect(!list.body.contains(secret), "the token is shown only once")
            #expect(list.body.contains(String(secret.prefix(12)) + "…"))

            let refused = try await admin.post("/admin/api-clients", form: ["_csrf": token, "name": "nothing", "days": "30"])
            #expect(refused.status == .unprocessableEntity)

            let client = try #require(try await APIClient.query(on: app.db).filter(\.$name == "AF-import").first())
            let otherAdmin = try await TestBrowser.signedIn(as: "Aino Ylläpitäjä", in: app)
            let aino = try await StaffAccount.query(on: app.db).filter(\.$displayName == "Aino Ylläpitäjä").first()!
            try await StaffRoleAssignment.query(on: app.db).filter(\.$staffAccount.$id == (try aino.requireID())).set(\.$role, to: .systemAdministrator).update()
            let otherToken = try #require(try await otherAdmin.get("/admin/api-clients").csrfToken)
            let foreign = try await otherAdmin.post("/admin/api-clients/\(try client.requireID().uuidString)/revoke", form: ["_csrf": otherToken])
            #expect(foreign.status == .notFound, "another organisation's administrator cannot touch the token")

            let revoked = try await admin.post("/admin/api-clients/\(try client.requireID().uuidString)/revoke", form: ["_csrf": token])
            #expect(revoked.status == .seeOther)
            #expect(try await whoami(app, token: secret).0 == .unauthorized)
        }
    }
}
