import Testing
import LotsCore

@Suite struct SwedishIdentityNumberTests {
    let today = CivilDate(year: 2026, month: 11, day: 23)!

    @Test(arguments: [
        // The published examples (Skatteverket's structure; check digits recomputed in the reference).
        ("640823-3234", "196408233234", SwedishIdentityNumber.Kind.personnummer),
        ("811218-9876", "198112189876", .personnummer),
        ("701063-2391", "197010632391", .samordningsnummer),
        ("6408233234", "196408233234", .personnummer),
        ("196408233234", "196408233234", .personnummer),
        ("19640823-3234", "196408233234", .personnummer),
        (" 640823-3234 ", "196408233234", .personnummer),
        // '+' marks someone who has turned 100: the same digits, a century earlier.
        ("121212+1212", "191212121212", .personnummer),
        ("121212-1212", "201212121212", .personnummer),
    ])
    func acceptsValidNumbers(input: String, digits: String, kind: SwedishIdentityNumber.Kind) throws {
        let number = try SwedishIdentityNumber(parsing: input, today: today)
        #expect(number.digits == digits)
        #expect(number.kind == kind)
    }

    @Test(arguments: [
        ("", IdentityNumberError.empty),
        ("640823-3235", .invalidChecksum),
        ("640823-323", .invalidLength),
        ("6408233-234", .invalidSeparator),
        ("640823/3234", .invalidCharacters),
        ("64O823-3234", .invalidCharacters),
        ("640832-3234", .invalidDate),
        ("650229-1234", .invalidDate),
        ("701093-2391", .invalidDate),
        ("640823-0004", .invalidIndividualNumber),
        ("20640823-3234", .dateInFuture),
        ("21640823-3234", .invalidDate),
        ("19640823+3234", .invalidSeparator),
        ("٦٤٠٨٢٣-٣٢٣٤", .invalidCharacters),
    ])
    func refusesInvalidNumbers(input: String, error: IdentityNumberError) {
        #expect(throws: error) { try SwedishIdentityNumber(parsing: input, today: today) }
    }

    @Test func leapDaysAndCenturies() throws {
        let leap = try SwedishIdentityNumber(parsing: "000229-0021", today: today)
        #expect(leap.birthDate == CivilDate(year: 2000, month: 2, day: 29))
        // 31 December 2026 has not come yet on 23 November 2026, so "26" means 1926.
        let december = try SwedishIdentityNumber(parsing: "261231-0025", today: today)
        #expect(december.birthDate == CivilDate(year: 1926, month: 12, day: 31))
        let onTheDay = try SwedishIdentityNumber(parsing: "261231-0025", today: CivilDate(year: 2026, month: 12, day: 31)!)
        #expect(onTheDay.birthDate.year == 2026)
    }

    @Test func formatsAndNeverDescribesItsDigits() throws {
        let number = try SwedishIdentityNumber(parsing: "640823-3234", today: today)
        #expect(number.formatted == "19640823-3234")
        #expect(number.shortForm(today: today) == "640823-3234")
        #expect(!"\(number)".contains("3234"))
        let old = try SwedishIdentityNumber(parsing: "121212+1212", today: today)
        #expect(old.shortForm(today: today) == "121212+1212")
    }

    @Test func luhnMatchesKnownCheckDigits() {
        #expect(Luhn.checkDigit(for: [6, 4, 0, 8, 2, 3, 3, 2, 3]) == 4)
        #expect(Luhn.checkDigit(for: [8, 1, 1, 2, 1, 8, 9, 8, 7]) == 6)
        #expect(Luhn.checkDigit(for: [7, 0, 1, 0, 6, 3, 2, 3, 9]) == 1)
    }

}
@Suite struct FinnishIdentityCodeTests {
    let today = CivilDate(year: 2026, month: 11, day: 23)!

    @Test(arguments: [
        ("131052-308T", 1952, false),
        ("311280-999J", 1980, true),
        ("131052-308t", 1952, false),
    ])
    func acceptsPublishedExamples(input: String, year: Int, temporary: Bool) throws {
        let code = try FinnishIdentityCode(parsing: input, today: today)
        #expect(code.birthDate.year == year)
        #expect(code.isTemporary == temporary)
        #expect(code.code == input.uppercased())
    }

    @Test func everyCenturySignIsRead() throws {
        // Same digits, other signs: the check character depends only on the digits.
        for (sign, year) in [("+", 1852), ("-", 1952), ("Y", 1952), ("X", 1952), ("W", 1952), ("V", 1952), ("U", 1952)] {
            #expect(try FinnishIdentityCode(parsing: "131052\(sign)308T", today: today).birthDate.year == year)
        }
        for sign in ["A", "B", "C", "D", "E", "F"] {
            #expect(try FinnishIdentityCode(parsing: "010120\(sign)302B", today: today).birthDate == CivilDate(year: 2020, month: 1, day: 1))
        }
        #expect(throws: IdentityNumberError.dateInFuture) { try FinnishIdentityCode(parsing: "131052A308T", today: today) }
    }

    @Test(arguments: [
        ("131052-308U", IdentityNumberError.invalidChecksum),
        ("131052G308T", .invalidSeparator),
        ("311352-308T", .invalidDate),
        ("131052-001T", .invalidIndividualNumber),
        ("131052-308", .invalidLength),
        ("13105X-308T", .invalidCharacters),
    ])
    func refusesInvalidCodes(input: String, error: IdentityNumberError) {
        #expect(throws: error) { try FinnishIdentityCode(parsing: input, today: today) }
    }
}
