import Fluent
import Foundation
import NIOCore
import Testing
import VaporTesting
@testable import LotsApp

/// Runs every registered route as a visitor and as each staff role, and compares who gets past the
/// permission check with what the route declares and the permission matrix grants.
@Suite struct RouteMatrixTests {
    /// One demo person per role (each demo person has exactly one role).
    static let people: [StaffRole: String] = [
        .systemAdministrator: "Saga Systemsson", .administrator: "Adam Administratör", .handledare: "Hanna Handledarsson",
        .unitManager: "Eva Enhetschef", .dataProtectionOfficer: "Doris Dataskydd",
    ]

    func expectedAllowed(_ permission: Permission, role: StaffRole?) -> Bool {
        switch permission {
        case .public, .developmentOnly: true
        case .signedIn: role != nil
        case .member: false // staff are not members; MemberTests sign members in
        case .participant: false // staff are not participants; LoginFlowTests sign a participant in
        case .capability(let capability): role.map { PermissionMatrix.capabilities(of: $0).contains(capability) } ?? false
        case .anyCapability(let capabilities):
            role.map { role in capabilities.contains { PermissionMatrix.capabilities(of: role).contains($0) } } ?? false
        case .apiClient: false // people's sessions never reach the API; tokens are tested in APIClientTests
        }
    }

    @Test func everyRouteAsEveryRole() async throws {
        try await withLotsApp(configure: { $0.demo = true }) { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            // Starting a BankID sign-in calls the BankID test server over loopback HTTP.
            try await withRunningServer(app) { try await checkEveryRoute(app) }
        }
    }

    func checkEveryRoute(_ app: Application) async throws {
        do {
            let roles: [StaffRole?] = [nil] + StaffRole.allCases.map { $0 }
            var checked = 0
            for route in app.routes.all {
                let permission = try #require(route.permission)
                let path = "/" + route.path.map { component -> String in
                    if case .parameter = component { return UUID().uuidString.lowercased() }
                    return component.description
                }.joined(separator: "/")
                for role in roles {
                    var browser = TestBrowser(app)
                    if let role { browser = try await TestBrowser.signedIn(as: Self.people[role]!, in: app) }
                    // A page with a form gives the token: the sign-in page for visitors, the start page for staff.
                    let page = try await browser.get(role == nil ? "/login" : "/start")
                    var headers = HTTPHeaders()
                    headers.add(name: "Accept", value: "text/html")
                    if let token = page.csrfToken { headers.add(name: CSRFMiddleware.headerName, value: token) }
                    let status: HTTPResponseStatus
                    let location: String?
                    if route.method == .GET {
                        let response = try await browser.get(path, headers: headers)
                        (status, location) = (response.status, response.location)
                    } else {
                        let response = try await browser.post(path, form: [:], headers: headers)
                        (status, location) = (response.status, response.location)
                    }
                    let refused = status == .forbidden || status == .unauthorized || location == "/login"
                    let expected = expectedAllowed(permission, role: role)
                    #expect(refused != expected, "\(route.method) \(path) as \(role?.rawValue ?? "visitor"): \(status)")
                    if !expected, role != nil, permission.isCapabilityBased {
                        #expect(status == .forbidden, "\(route.method) \(path): signed-in staff without the right get 403")
                    }
                    checked += 1
                }
            }
            #expect(checked >= app.routes.all.count * roles.count)
        }
    }
}

extension Permission {
    var isCapabilityBased: Bool {
        switch self {
        case .capability, .anyCapability, .member: true
        default: false
        }
    }
}
