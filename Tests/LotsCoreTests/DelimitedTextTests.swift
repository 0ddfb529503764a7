import Foundation
import LotsCore
import Testing

@Suite struct DelimitedTextTests {
    func parse(_ text: String, bom: Bool = false) throws -> (Character, [DelimitedText.Record]) {
        let data = (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
        let result = try DelimitedText.parse(data)
        return (result.delimiter, result.records)
    }

    @Test func swedishExcelWritesSemicolonsAndABOM() throws {
        let (delimiter, records) = try parse("Personnummer;Förnamn;Ort\r\n19121212-1212;Tolvan;\"Stockholm; city\"\r\n", bom: true)
        #expect(delimiter == ";")
        #expect(records.map(\.fields) == [["Personnummer", "Förnamn", "Ort"], ["19121212-1212", "Tolvan", "Stockholm; city"]])
        #expect(records[0].fields[0] == "Personnummer", "the byte-order mark is not part of the first header")
    }

    @Test func commasQuotesLineBreaksAndBlankLines() throws {
        let (delimiter, records) = try parse("a,b,c\n1,\"say \"\"hi\"\"\",\"two\nlines\"\n\n2,,x\n3,y,z")
        #expect(delimiter == ",")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "say \"hi\"", "two\nlines"], ["2", "", "x"], ["3", "y", "z"]])
        #expect(records.map(\.line) == [1, 2, 5, 6], "line numbers count the line break inside the quoted field and the blank line")
    }

    @Test func brokenFilesAreNamed() {
        #expect(throws: DelimitedText.Failure.notUTF8) { try DelimitedText.parse(Data([0x50, 0xE5, 0x0A])) }
        #expect(throws: DelimitedText.Failure.empty) { try DelimitedText.parse(Data("\n\n".utf8)) }
        #expect(throws: DelimitedText.Failure.unterminatedQuote(line: 2)) { try DelimitedText.parse(Data("a;b\n\"open;x\n".utf8)) }
    }

    @Test func theHeaderLineAloneDecidesTheDelimiter() throws {
        // CRLF ends the header: the semicolons further down do not outvote its commas.
        let (delimiter, records) = try parse("a,b\r\nx;y;z;w,1\r\n")
        #expect(delimiter == ",")
        #expect(records.map(\.fields) == [["a", "b"], ["x;y;z;w", "1"]])
    }

    @Test func unicodeTextAndSpacesAroundQuotes() throws {
        // A quote after white space (here a no-break space) opens a quoted field; after other text it is a character.
        let (_, records) = try parse("namn;ort\nÅsa Öberg;\u{00A0}\"Malmö; syd\"\nJosé \"J\" Nuñez;x\n\u{3000}\n")
        #expect(records.map(\.fields) == [["namn", "ort"], ["Åsa Öberg", "Malmö; syd"], ["José \"J\" Nuñez", "x"]],
                "a line of only an ideographic space is blank")
    }

    @Test func invalidUTF8AnywhereIsNamed() {
        #expect(throws: DelimitedText.Failure.notUTF8) { try DelimitedText.parse(Data("a;b\n\"x".utf8) + Data([0xC3]) + Data("\";y\n".utf8)) }
        #expect(throws: DelimitedText.Failure.notUTF8, "invalid bytes in an unterminated quote") {
            try DelimitedText.parse(Data("a;b\n\"x".utf8) + Data([0xFF, 0x0A]))
        }
        #expect(throws: DelimitedText.Failure.notUTF8, "a character cut before the delimiter") {
            try DelimitedText.parse(Data("a;b\n".utf8) + Data([0xE2, 0x82]) + Data(";y\n".utf8))
        }
    }

    /// Random records written as a spreadsheet would (quoted where needed, CRLF or LF) read back unchanged.
    @Test func whatASpreadsheetWritesReadsBack() throws {
        var generator = SplitMix64(seed: 6)  // fixed, so a failing case can be repeated
        let alphabet: [String] = ["a", "Z", "7", " ", "å", "é", "€", "😀", ";", ",", "\"", "\n", "\r\n", "-"]
        for round in 0..<300 {
            let delimiter = round % 2 == 0 ? ";" : ","
            let columns = Int.random(in: 1...5, using: &generator)
            var header = (0..<columns).map { "h\($0)" }
            if columns == 1 { header = ["only"] }
            var expected = [header]
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                expected.append((0..<columns).map { _ in
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
                })
            }
            // A record whose only field is empty or white space is a blank line, which the reader skips; keep them out.
            expected = expected.filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }
            let newline = round % 3 == 0 ? "\r\n" : "\n"
            let text = expected.map { record in
                record.map { field in
                    field.unicodeScalars.contains(where: { "\";,\r\n".unicodeScalars.contains($0) }) || field.first?.isWhitespace == true
                        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: delimiter)
            }.joined(separator: newline) + newline
            let result = try DelimitedText.parse(Data(text.utf8))
            #expect(result.records.map(\.fields) == expected, "\(text.debugDescription)")
        }
    }

    @Test func trimmingAgreesWithFoundation() {
        for text in ["", " ", "abc", " abc", "abc\t", "\u{00A0}Åsa\u{2003}", "Åsa", "ö", "a b", "\nx\r\n", "x\u{0085}", "\u{7F}", "~!", "😀 "] {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    @Test func datesAsAFWritesThem() {
        #expect(CivilDate(parsing: "2026-01-15") == CivilDate(year: 2026, month: 1, day: 15))
        #expect(CivilDate(parsing: " 20260115 ") == CivilDate(year: 2026, month: 1, day: 15))
        #expect(CivilDate(parsing: "\u{00A0}2024-02-29\t") == CivilDate(year: 2024, month: 2, day: 29))
        for bad in ["2026-02-30", "15/01/2026", "2026-1-15", "", "20261315", "2026-01-15T00:00", "2026--0115", "2026011", "-20260115", "２０２６０１１５"] {
            #expect(CivilDate(parsing: bad) == nil, "\(bad)")
        }
    }
}
