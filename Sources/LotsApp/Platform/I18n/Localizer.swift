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
        var result = template
        for (name, value) in arguments {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return pseudo ? "⟦\(result)⟧" : result
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
