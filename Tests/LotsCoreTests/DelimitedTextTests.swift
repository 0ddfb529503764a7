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

    @Test func datesAsAFWritesThem() {
        #expect(CivilDate(parsing: "2026-01-15") == CivilDate(year: 2026, month: 1, day: 15))
        #expect(CivilDate(parsing: " 20260115 ") == CivilDate(year: 2026, month: 1, day: 15))
        #expect(CivilDate(parsing: "\u{00A0}2024-02-29\t") == CivilDate(year: 2024, month: 2, day: 29))
        for bad in ["2026-02-30", "15/01/2026", "2026-1-15", "", "20261315", "2026-01-15T00:00", "2026--0115", "2026011", "-20260115", "２０２６０１１５"] {
            #expect(CivilDate(parsing: bad) == nil, "\(bad)")
        }
    }
}
