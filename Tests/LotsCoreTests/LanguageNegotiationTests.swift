import Testing
import LotsCore

@Suite struct LanguageNegotiationTests {
    let supported = ["sv", "en", "fi"]

    @Test(arguments: [
        ("sv-SE,sv;q=0.9,en;q=0.8", "sv"),
        ("en-US,en;q=0.9", "en"),
        ("fi", "fi"),
        ("de-DE,de;q=0.9,en;q=0.5,fi;q=0.7", "fi"),
        ("nb-NO", "sv"),
        ("FI-fi", "fi"),
        ("*", nil),
        ("de, fr;q=0.5", nil),
        ("en;q=0, sv;q=0.1", "sv"),
        ("en;q=abc, fi;q=0.2", "fi"),
        ("", nil),
    ] as [(String, String?)])
    func picksTheBestSupportedLanguage(header: String, expected: String?) {
        #expect(LanguageNegotiation.preferred(acceptLanguage: header, supported: supported) == expected)
    }
}
