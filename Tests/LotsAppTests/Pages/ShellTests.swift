import Foundation
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct ShellTests {
    @Test func healthNamesTheDatabase() async throws {
        try await withLotsApp { app in
            let (response, body) = try await app.get("/health")
            #expect(response.status == .ok)
            let json = try JSONDecoder().decode([String: String].self, from: Data(body.utf8))
            #expect(json == ["status": "ok", "database": TestPostgres.url == nil ? "sqlite" : "postgres"])
        }
    }

    @Test func pagesCarrySecurityHeaders() async throws {
        try await withLotsApp { app in
            let (response, body) = try await app.get("/")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "html")
            let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
            #expect(csp.contains("script-src 'self'"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            #expect(response.headers.first(name: "Cache-Control") == "no-store")
            #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
            #expect(!body.contains("<script>"), "no inline script")
            #expect(!body.contains("style=\""), "no inline styles (CSP)")
        }
    }

    @Test func hstsWhenBehindTLS() async throws {
        try await withLotsApp(configure: { $0.behindTLS = true }) { app in
            let (response, _) = try await app.get("/")
            #expect(response.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
        }
    }

    @Test func layoutHasLandmarksSkipLinkAndFooterNotice() async throws {
        try await withLotsApp { app in
            let (_, body) = try await app.get("/")
            #expect(body.contains("<html lang=\"sv\">"))
            #expect(body.contains("<a class=\"skip-link\" href=\"#main\">"))
            #expect(body.contains("<main id=\"main\""))
            #expect(body.contains("<footer"))
            #expect(body.contains("href=\"/privacy\""))
            #expect(body.contains("data-lang=\"en\""))
            #expect(body.contains("data-lang=\"fi\""))
        }
    }

    @Test func browsersGetAnHTMLNotFoundPage() async throws {
        try await withLotsApp { app in
            let (response, body) = try await app.get("/no/such/page", headers: ["Accept": "text/html"])
            #expect(response.status == .notFound)
            #expect(body.contains("data-error-status=\"404\""))
            #expect(body.contains("Sidan finns inte"))
        }
    }

    @Test func apiErrorsAreJSON() async throws {
        try await withLotsApp { app in
            let (response, body) = try await app.get("/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.headers.contentType == .json)
            let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: [String: Any]]
            #expect(json?["error"]?["status"] as? Int == 404)
        }
    }

    @Test func staticAssetsAreServed() async throws {
        try await withLotsApp { app in
            let (css, body) = try await app.get("/css/lots.css")
            #expect(css.status == .ok)
            #expect(css.headers.first(name: .cacheControl) == "no-cache", "stylesheets are revalidated, not refetched")
            #expect(body.contains(".skip-link"))
            let (icon, _) = try await app.get("/favicon.svg")
            #expect(icon.status == .ok)
        }
    }

    @Test func privacyPageListsControllers() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let (response, body) = try await app.get("/privacy")
            #expect(response.status == .ok)
            #expect(body.contains("Exempelmissionen (demo)"))
            #expect(body.contains("802000-0000"))
            #expect(body.contains("Integritetsskyddsmyndigheten (IMY)"))
        }
    }

    @Test func demoStaffAreListedOnlyInDemoMode() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let (_, body) = try await app.get("/")
            #expect(!body.contains("Hanna Handledarsson"), "staff names must not be public outside demo mode")
        }
        try await withLotsApp(configure: { $0.demo = true }) { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let (_, body) = try await app.get("/")
            #expect(body.contains("Hanna Handledarsson"))
            #expect(body.contains("Dataskyddsombud"))
            #expect(body.contains("class=\"demo-banner\""))
        }
    }
}
