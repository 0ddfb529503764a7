/// The languages the user interface speaks. Swedish is the default.
enum UILanguage: String, CaseIterable, Sendable, Codable {
    case sv, en, fi

    static let fallback = UILanguage.sv
}
