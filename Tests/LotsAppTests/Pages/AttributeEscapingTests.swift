import Foundation
import Testing
import Vapor
@testable import LotsApp

/// What a person typed and sees again in a form field cannot break out of the attribute it is in.
@Suite struct AttributeEscapingTests {
    static let attack = "\"><img src=x onerror=alert(1)>'"

    @Test func escapesEveryCharacterThatEndsAnAttribute() {
        #expect(HTMLEscape.attribute("Anna-Lena 19900101-1234") == "Anna-Lena 19900101-1234")
        #expect(HTMLEscape.attribute(Self.attack) == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;")
        #expect(HTMLEscape.attribute("a & b") == "a &amp; b")
    }

    @Test func searchTermsAndRefusedFormsComeBackEscaped() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let query = Self.attack.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let search = try await hanna.get("/participants/search?q=\(query)&purpose=casework")
            #expect(!search.body.contains("<img src=x") && search.body.contains("&quot;&gt;&lt;img src=x"))

            let adam = try await TestBrowser.signedIn(as: "Adam Administratör", in: app)
            let token = try #require(try await adam.get("/participants/new").csrfToken)
            let refused = try await adam.post("/participants/new", form: ["_csrf": token, "efternamn": Self.attack])
            #expect(refused.status == .unprocessableEntity)
            #expect(!refused.body.contains("<img src=x") && refused.body.contains("&quot;&gt;&lt;img src=x"))
        }
    }
}
