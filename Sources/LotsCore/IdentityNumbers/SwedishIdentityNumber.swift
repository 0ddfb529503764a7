import Foundation

/// A Swedish personnummer or samordningsnummer, validated and kept as the 12 digits Skatteverket stores
/// (YYYYMMDDNNNC). Samordningsnummer carry the birth day plus 60.
public struct SwedishIdentityNumber: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case personnummer, samordningsnummer
    }

    /// The twelve digits, century included.
    public let digits: String
    public let kind: Kind
    public let birthDate: CivilDate

    /// Parses the 10-digit forms (YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC) and the 12-digit forms
    /// (YYYYMMDDNNNC, YYYYMMDD-NNNC). A 10-digit number gets the century that puts the birth date within
    /// the last hundred years before `today`; '+' marks someone who has turned 100.
    public init(parsing input: String, today: CivilDate) throws(IdentityNumberError) {
        let text = input.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw .empty }
        var separator: Character?
        var digitsBeforeSeparator = 0
        var numerals: [Int] = []
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                numerals.append(digit)
            } else if character == "-" || character == "+" {
                guard separator == nil else { throw .invalidSeparator }
                separator = character
                digitsBeforeSeparator = numerals.count
            } else {
                throw .invalidCharacters
            }
        }
        guard numerals.count == 10 || numerals.count == 12 else { throw .invalidLength }
        // The separator, when present, stands before the last four digits.
        if separator != nil, digitsBeforeSeparator != numerals.count - 4 { throw .invalidSeparator }
        let century: Int
        switch numerals.count {
        case 12:
            guard separator != "+" else { throw .invalidSeparator }
            century = numerals[0] * 10 + numerals[1]
            numerals.removeFirst(2)
        case 10:
            century = try Self.century(yy: numerals[0] * 10 + numerals[1], monthDay: (numerals[2] * 10 + numerals[3], numerals[4] * 10 + numerals[5]),
                                       centenarian: separator == "+", today: today)
        default:
            throw .invalidLength
        }
        guard [18, 19, 20].contains(century) else { throw .invalidDate }
        let year = century * 100 + numerals[0] * 10 + numerals[1]
        let month = numerals[2] * 10 + numerals[3]
        var day = numerals[4] * 10 + numerals[5]
        var kind = Kind.personnummer
        if day > 60 {
            day -= 60
            kind = .samordningsnummer
        }
        guard let date = CivilDate(year: year, month: month, day: day) else { throw .invalidDate }
        guard date <= today else { throw .dateInFuture }
        guard numerals[6...8] != [0, 0, 0] else { throw .invalidIndividualNumber }
        guard Luhn.checkDigit(for: Array(numerals[0..<9])) == numerals[9] else { throw .invalidChecksum }
        self.digits = Self.text(ofDigits: [century / 10, century % 10] + numerals)
        self.kind = kind
        self.birthDate = date
    }

    /// Builds the number for a birth date and birth number, computing the check digit (for generators).
    public init(birthDate: CivilDate, birthNumber: Int, kind: Kind = .personnummer) {
        precondition((1...999).contains(birthNumber) && (1800...2099).contains(birthDate.year))
        let day = birthDate.day + (kind == .samordningsnummer ? 60 : 0)
        let yy = birthDate.year % 100
        let nine = [yy / 10, yy % 10, birthDate.month / 10, birthDate.month % 10, day / 10, day % 10,
                    birthNumber / 100, birthNumber / 10 % 10, birthNumber % 10]
        let century = birthDate.year / 100
        self.digits = Self.text(ofDigits: [century / 10, century % 10] + nine + [Luhn.checkDigit(for: nine)])
        self.kind = kind
        self.birthDate = birthDate
    }

    private static func text(ofDigits digits: [Int]) -> String {
        String(decoding: digits.map { UInt8(ascii: "0") + UInt8($0) }, as: UTF8.self)
    }

    /// The century for a two-digit year: the latest one that is not in the future, one earlier for '+'.
    private static func century(yy: Int, monthDay: (Int, Int), centenarian: Bool, today: CivilDate) throws(IdentityNumberError) -> Int {
        let day = monthDay.1 > 60 ? monthDay.1 - 60 : monthDay.1
        var year = (today.year / 100) * 100 + yy
        let birthdayThisYear = (monthDay.0, day)
        if year > today.year || (year == today.year && birthdayThisYear > (today.month, today.day)) { year -= 100 }
        if centenarian { year -= 100 }
        return year / 100
    }

    /// YYYYMMDD-NNNC: the form to show staff.
    public var formatted: String {
        "\(digits.prefix(8))-\(digits.suffix(4))"
    }

    /// YYMMDD-NNNC, with '+' from the year the person turns 100.
    public func shortForm(today: CivilDate) -> String {
        let separator = today.year - birthDate.year >= 100 ? "+" : "-"
        return "\(digits.dropFirst(2).prefix(6))\(separator)\(digits.suffix(4))"
    }

    /// Odd birth numbers were assigned to men, even to women (the legal sex at assignment).
    public var birthNumberIsOdd: Bool {
        (digits.dropFirst(10).first?.wholeNumberValue ?? 0) % 2 == 1
    }

    /// Deliberately not the number itself: descriptions end up in logs and error messages.
    public var description: String { "SwedishIdentityNumber(\(kind.rawValue), redacted)" }
}
