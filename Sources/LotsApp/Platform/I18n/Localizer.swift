import Foundation

/// Looks up UI text in the catalogs. In pseudo mode (tests) every text is wrapped in ⟦ ⟧ so a test can
/// find any text on a page that did not come from a catalog.
struct Localizer: Sendable {
    private let catalogs: [UILanguage: [String: String]]
    var pseudo = false

    init(catalogs: [UILanguage: [String: String]], pseudo: Bool = false) {
        self.catalogs = catalogs
        self.pseudo = pseudo
    }

    /// Reads `<directory>/<code>.json` for every language.
    static func load(directory: String) throws -> Localizer {
        var catalogs: [UILanguage: [String: String]] = [:]
        for language in UILanguage.allCases {
            let path = (directory as NSString).appendingPathComponent("\(language.rawValue).json")
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            catalogs[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Localizer(catalogs: catalogs)
    }

    func keys(of language: UILanguage) -> Set<String> { Set(catalogs[language]?.keys ?? [:].keys) }

    func text(_ key: String, in language: UILanguage, _ arguments: [String: String] = [:]) -> String {
        let template = catalogs[language]?[key] ?? catalogs[UILanguage.fallback]?[key] ?? key
        let result = arguments.isEmpty ? template : Self.fill(template, arguments)
        return pseudo ? "⟦\(result)⟧" : result
    }

    /// The template with every `{name}` that names an argument replaced by its value, in one pass; other
    /// braces stay as they are. (A value is never searched again, so one holding `{name}` stays literal.)
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count + 16)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let value = arguments[String(rest[afterOpen..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        result += rest
        return result
    }
}

/// The lookup views use: `t(HomeText.title)`.
struct Texts: Sendable {
    var language: UILanguage
    var localizer: Localizer

    func callAsFunction<Key: TextKey>(_ key: Key, _ arguments: [String: String] = [:]) -> String {
        localizer.text(key.rawValue, in: language, arguments)
    }
}
