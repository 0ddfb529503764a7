import Foundation
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct LanguageTests {
    @Test func swedishByDefault() async throws {
        try await withLotsApp { app in
            let (_, body) = try await app.get("/")
            #expect(body.contains("<html lang=\"sv\">"))
            #expect(body.contains("Välkommen till Lots"))
        }
    }

    @Test func acceptLanguageIsHonoured() async throws {
        try await withLotsApp { app in
            let (_, english) = try await app.get("/", headers: ["Accept-Language": "de-DE, en-GB;q=0.8, sv;q=0.5"])
            #expect(english.contains("<html lang=\"en\">"))
            #expect(english.contains("Welcome to Lots"))
            let (_, finnish) = try await app.get("/", headers: ["Accept-Language": "fi-FI"])
            #expect(finnish.contains("<html lang=\"fi\">"))
            #expect(finnish.contains("Tervetuloa Lotsiin"))
        }
    }

    @Test func chosenLanguageWinsOverTheBrowser() async throws {
        try await withLotsApp { app in
            var cookie: String?
            try await app.testing().test(.GET, "/language/fi?return=/privacy") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/privacy")
                cookie = response.headers.setCookie?[LanguageMiddleware.cookieName]?.string
                #expect(response.headers.setCookie?[LanguageMiddleware.cookieName]?.isHTTPOnly == true)
            }
            #expect(cookie == "fi")
            let (_, body) = try await app.get("/privacy", headers: ["Cookie": "lots_lang=fi", "Accept-Language": "en"])
            #expect(body.contains("<html lang=\"fi\">"))
        }
    }

    @Test func languageSwitchRefusesOpenRedirects() async throws {
        for target in ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"] {
            #expect(LanguageController.safeReturnPath(target) == "/")
        }
        #expect(LanguageController.safeReturnPath("/privacy") == "/privacy")
        try await withLotsApp { app in
            let (response, _) = try await app.get("/language/de")
            #expect(response.status == .notFound)
        }
    }
}
