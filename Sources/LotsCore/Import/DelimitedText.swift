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
    public static func parse(_ data: Data) throws(Failure) -> (delimiter: Character, records: [Record]) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else { throw .notUTF8 }
        let delimiter = detectDelimiter(text)
        let delimiterScalar = delimiter.unicodeScalars.first!
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteStartLine = 1
        var fieldWasQuoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty:
                field = ""
                inQuotes = true
                fieldWasQuoted = true
                quoteStartLine = line
            case delimiterScalar:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteStartLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        guard !records.isEmpty else { throw .empty }
        return (delimiter, records)
    }

    /// The header line decides: Swedish Excel writes semicolons (the comma is the decimal separator).
    static func detectDelimiter(_ text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r" }
        let semicolons = header.filter { $0 == ";" }.count
        let commas = header.filter { $0 == "," }.count
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
