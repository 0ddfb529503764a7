/// A Finnish personal identity code (henkilötunnus, DDMMYYCZZZQ), with every century sign in use
/// since 2023. Individual numbers 900–999 are temporary codes given outside the population register.
public struct FinnishIdentityCode: Sendable, Hashable, CustomStringConvertible {
    /// The code in canonical upper case, 11 characters.
    public let code: String
    public let birthDate: CivilDate
    public let isTemporary: Bool

    static let checkCharacters = Array("0123456789ABCDEFHJKLMNPRSTUVWXY")
    static let centuries: [Character: Int] = [
        "+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
        "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000,
    ]

    public init(parsing input: String, today: CivilDate) throws(IdentityNumberError) {
        let text = Array(input.trimmingCharacters(in: .whitespaces).uppercased())
        guard !text.isEmpty else { throw .empty }
        guard text.count == 11 else { throw .invalidLength }
        let numerals = (text[0..<6] + text[7..<10]).map { $0.isASCII ? $0.wholeNumberValue : nil }
        guard numerals.allSatisfy({ $0 != nil }) else { throw .invalidCharacters }
        let digits = numerals.map { $0! }
        guard let century = Self.centuries[text[6]] else { throw .invalidSeparator }
        let year = century + digits[4] * 10 + digits[5]
        guard let date = CivilDate(year: year, month: digits[2] * 10 + digits[3], day: digits[0] * 10 + digits[1]) else { throw .invalidDate }
        guard date <= today else { throw .dateInFuture }
        let individual = digits[6] * 100 + digits[7] * 10 + digits[8]
        guard individual >= 2 else { throw .invalidIndividualNumber }
        let number = digits.reduce(0) { $0 * 10 + $1 }
        guard Self.checkCharacters[number % 31] == text[10] else { throw .invalidChecksum }
        code = String(text)
        birthDate = date
        isTemporary = individual >= 900
    }

    public var description: String { "FinnishIdentityCode(\(isTemporary ? "temporary" : "permanent"), redacted)" }
}
