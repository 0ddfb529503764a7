import Foundation
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct RouteContractTests {
    /// Deny by default: a route registered without a declared permission is a defect.
    @Test func everyRouteDeclaresAPermission() async throws {
        try await withLotsApp(configure: { $0.demo = true }) { app in
            #expect(!app.routes.all.isEmpty)
            let undeclared = app.routes.all.filter { $0.permission == nil }.map { "\($0.method) /\($0.path.string)" }
            #expect(undeclared.isEmpty, "routes without a permission: \(undeclared)")
        }
    }

    @Test func devMailboxExistsOnlyWhereMailIsKept() async throws {
        try await withLotsApp { app in
            #expect(app.routes.all.contains { $0.path.string == "dev/mailbox" })
        }
        try await withLotsApp(configure: { config in
            config.mail = .smtp(try SMTPConfiguration(url: "smtp://127.0.0.1:2525?starttls=off"))
        }) { app in
            #expect(!app.routes.all.contains { $0.path.string.hasPrefix("dev/") })
            let (response, _) = try await app.get("/dev/mailbox")
            #expect(response.status == .notFound)
        }
    }

    /// The committed OpenAPI document and the registered `/api` routes (plus `/health`) must agree both ways.
    @Test func openAPIDocumentMatchesRoutes() async throws {
        try await withLotsApp { app in
            let (response, body) = try await app.get("/api/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            let registered = Set(app.routes.all.filter { route in
                let path = route.path.string
                return path.hasPrefix("api/") || path == "health"
            }.map { route in
                let path = route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return "\(route.method.rawValue) /\(path)"
            })
            #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered))")
            #expect(registered.subtracting(documented).isEmpty, "served but not documented: \(registered.subtracting(documented))")
        }
    }
}
