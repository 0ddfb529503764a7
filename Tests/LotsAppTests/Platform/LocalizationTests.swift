import Foundation
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct LocalizationTests {
    let localizer = try! Localizer.load(directory: repositoryRoot + "/Resources/Localization")

    @Test(arguments: UILanguage.allCases)
    func everyKeyIsTranslated(language: UILanguage) {
        let catalog = localizer.keys(of: language)
        let used = Set(TextKeyRegistry.allKeys)
        let missing = used.subtracting(catalog).sorted()
        let unused = catalog.subtracting(used).sorted()
        #expect(missing.isEmpty, "\(language.rawValue).json lacks \(missing)")
        #expect(unused.isEmpty, "\(language.rawValue).json has keys no code uses: \(unused)")
        for key in used {
            #expect(!localizer.text(key, in: language).trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty in \(language)")
        }
    }

    @Test func keysAreUnique() {
        let keys = TextKeyRegistry.allKeys
        #expect(Set(keys).count == keys.count)
    }

    /// Role texts are found by naming rule; every role must have both.
    @Test func everyRoleHasANameAndADescription() {
        for role in StaffRole.allCases {
            #expect(RoleText(rawValue: "role.\(role.rawValue)") != nil, "no role.\(role.rawValue)")
            #expect(StartText(rawValue: "start.role_\(role.rawValue)") != nil, "no start.role_\(role.rawValue)")
        }
    }

    @Test func placeholdersAreFilled() {
        let text = localizer.text(ErrorText.statusCode.rawValue, in: .en, ["status": "404"])
        #expect(text == "Error code 404")
    }

    @Test func placeholdersAreFilledInOnePass() {
        #expect(Localizer.fill("{a} and {b}, {a}", ["a": "1", "b": "2"]) == "1 and 2, 1")
        // A brace that names no argument stays; a value is not searched again for placeholders.
        #expect(Localizer.fill("{x} {a} {", ["a": "{b}", "b": "no"]) == "{x} {b} {")
        #expect(Localizer.fill("{{a}}", ["a": "å"]) == "{å}")
        #expect(Localizer.fill("no placeholders", ["a": "1"]) == "no placeholders")
    }

    /// Renders the pages with every catalog text wrapped in ⟦ ⟧; any visible text left unwrapped came from
    /// a literal in a view. User data is exempt only inside elements marked `translate="no"`.
    @Test func viewsContainNoLiteralText() async throws {
        try await withLotsApp(configure: { $0.demo = true }) { app in
            var pseudo = app.localizer
            pseudo.pseudo = true
            app.localizer = pseudo
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            try await DevMailboxTransport(database: app.db).deliver(
                OutgoingMail(recipient: "a@example.org", subject: "Hej", textBody: "Text"),
                from: try MailAddress("lots@example.org"), messageID: "<1@x>", date: Date())
            let message = try #require(try await DevMailboxMessage.query(on: app.db).first())
            let paths = ["/", "/privacy", "/dev/mailbox", "/dev/mailbox/\(try message.requireID().uuidString.lowercased())", "/missing"]
            for path in paths {
                let (_, body) = try await app.get(path, headers: ["Accept": "text/html"])
                let leaks = UnlocalizedText.find(in: body)
                #expect(leaks.isEmpty, "\(path) shows text that is not from the catalogs: \(leaks)")
            }
        }
    }
}

/// A deliberately small HTML scanner: enough for the markup Lots renders.
enum UnlocalizedText {
    static func find(in html: String) -> [String] {
        var leaks: [String] = []
        var excludedDepth: [String] = []   // element names whose content is exempt
        var index = html.startIndex
        while index < html.endIndex {
            if html[index] == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                let tag = String(html[html.index(after: index)..<close])
                let isClosing = tag.hasPrefix("/")
                let name = String(tag.drop(while: { $0 == "/" }).prefix(while: { !$0.isWhitespace && $0 != "/" })).lowercased()
                if isClosing {
                    if excludedDepth.last == name { excludedDepth.removeLast() }
                } else if !tag.hasPrefix("!") {
                    let voids: Set = ["meta", "link", "br", "hr", "img", "input"]
                    if (tag.contains("translate=\"no\"") || ["script", "style", "title", "pre", "time"].contains(name)), !voids.contains(name) {
                        excludedDepth.append(name)
                    } else if !excludedDepth.isEmpty, excludedDepth.last == name {
                        excludedDepth.append(name)
                    }
                    for attribute in ["aria-label", "placeholder", "alt", "title"] {
                        if let value = attributeValue(attribute, in: tag), !isWrapped(value) { leaks.append("\(attribute)=\(value)") }
                    }
                }
                index = html.index(after: close)
            } else {
                let next = html[index...].firstIndex(of: "<") ?? html.endIndex
                let text = String(html[index..<next])
                if excludedDepth.isEmpty { leaks.append(contentsOf: unwrappedWords(in: text)) }
                index = next
            }
        }
        return leaks
    }

    static func isWrapped(_ value: String) -> Bool {
        unwrappedWords(in: value).isEmpty
    }

    /// Letters outside ⟦…⟧; punctuation, digits and separators are not language.
    static func unwrappedWords(in text: String) -> [String] {
        var outside = ""
        var depth = 0
        for character in text {
            if character == "⟦" { depth += 1 } else if character == "⟧" { depth -= 1 } else if depth == 0 { outside.append(character) }
        }
        let decoded = outside.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&nbsp;", with: " ")
        let words = decoded.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count > 0 }
        return words
    }

    static func attributeValue(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
