import Foundation

/// Reads a delimited text file as spreadsheets write it (RFC 4180 with the habits of Swedish Excel):
/// UTF-8 with or without a byte-order mark, comma or semicolon between fields (whichever the header line
/// uses), fields in double quotes with `""` for a quote inside and line breaks allowed inside, CRLF or LF.
public enum DelimitedText {
    public struct Record: Sendable, Equatable {
        /// The line in the file where the record starts (1 = the header).
        public var line: Int
        public var fields: [String]
    }

    public enum Failure: Error, Sendable, Equatable {
        case notUTF8
        case empty
        /// A quoted field that never ends, starting on this line.
        case unterminatedQuote(line: Int)
    }

    /// The records (the header first), with the delimiter that was used. Blank lines are skipped.
    ///
    /// The file is read as UTF-8 bytes: every character that structures it (quote, delimiter, CR, LF) is
    /// ASCII, and in UTF-8 an ASCII byte never occurs inside another character, so the bytes between them are
    /// whole characters. Each field is checked as UTF-8 when it ends.
    public static func parse(_ data: Data) throws(Failure) -> (delimiter: Character, records: [Record]) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let delimiter = detectDelimiter(bytes)
        let delimiterByte = delimiter == ";" ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteStartLine = 1
        var fieldWasQuoted = false
        var malformed = false

        func endField() {
            if let text = String(validating: field, as: UTF8.self) { fields.append(text) } else { malformed = true }
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            let blank = fields.isEmpty && !fieldWasQuoted && isBlank(field)
            endField()
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            fields.reserveCapacity(records.last?.fields.count ?? 0)
            fieldWasQuoted = false
        }

        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < count, bytes[index] == quote { field.append(quote); index += 1 } else { inQuotes = false }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where isBlank(field):
                field.removeAll(keepingCapacity: true)
                inQuotes = true
                fieldWasQuoted = true
                quoteStartLine = line
            case delimiterByte:
                endField()
                fieldWasQuoted = false
            case cr:
                if index < count, bytes[index] == lf { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            case lf:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            // A file that is not UTF-8 is reported as such, even where a quote is left open too.
            if malformed || String(validating: field, as: UTF8.self) == nil { throw .notUTF8 }
            throw .unterminatedQuote(line: quoteStartLine)
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        if malformed { throw .notUTF8 }
        guard !records.isEmpty else { throw .empty }
        return (delimiter, records)
    }

    /// Whether a field's bytes are only white space (spaces, tabs, or the Unicode spaces a spreadsheet may leave).
    private static func isBlank(_ field: [UInt8]) -> Bool {
        if field.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
        guard field.contains(where: { $0 >= 0x80 }), let text = String(validating: field, as: UTF8.self) else { return false }
        return text.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The header line decides: Swedish Excel writes semicolons (the comma is the decimal separator).
    static func detectDelimiter(_ bytes: [UInt8]) -> Character {
        var semicolons = 0, commas = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if byte == UInt8(ascii: ";") { semicolons += 1 } else if byte == UInt8(ascii: ",") { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}

extension CivilDate {
    /// A date as AF's files write it: `2026-01-15` or `20260115`; nil for anything else or an impossible date.
    public init?(parsing text: String) {
        var digits: [Int] = []
        digits.reserveCapacity(8)
        var dashes: [Int] = []
        var position = 0
        let isDigit = { (byte: UInt8?) in byte.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
        // Trimming (any Unicode space, as a spreadsheet may leave) only when the text does not already start and end with a digit.
        let trimmed = isDigit(text.utf8.first) && isDigit(text.utf8.last) ? text : text.trimmingCharacters(in: .whitespaces)
        for byte in trimmed.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(Int(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "-"): dashes.append(position)
            default: return nil
            }
            position += 1
        }
        // `YYYY-MM-DD` (dashes at 4 and 7) or `YYYYMMDD`.
        guard digits.count == 8, dashes == [4, 7] || dashes.isEmpty else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }
}
