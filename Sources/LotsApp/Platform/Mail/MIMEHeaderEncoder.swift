import Foundation

/// Header values: RFC 2047 encoded words for anything that is not plain ASCII, and folding so
/// lines stay within 76 characters (the limit RFC 2047 sets for lines holding encoded words).
enum MIMEHeaderEncoder {
    static let lineLimit = 76
    /// 39 bytes make 52 base64 characters, a 64-character word: it fits after "Reply-To: " on the
    /// first line and well within RFC 2047's 75 everywhere else.
    static let bytesPerEncodedWord = 39

    /// "Name: value" with CRLF, folded between tokens only.
    static func fold(name: String, tokens: [String]) -> String {
        var result = name + ":"
        var lineLength = result.utf8.count
        var lineHasToken = false
        for token in tokens {
            // An empty token stands for a run of spaces; folding before it would leave a blank line.
            if lineHasToken, !token.isEmpty, lineLength + 1 + token.utf8.count > lineLimit {
                result += "\r\n "
                lineLength = 1
            } else {
                result += " "
                lineLength += 1
            }
            result += token
            lineLength += token.utf8.count
            lineHasToken = true
        }
        return result + "\r\n"
    }

    /// Tokens for free text such as the subject. Joined with single spaces they give the text back.
    /// Extra headers pass `encodeLongWords: false`: a long URL in List-Unsubscribe must stay readable.
    static func unstructuredTokens(_ text: String, encodeLongWords: Bool = true) -> [String] {
        if needsEncoding(text) { return encodedWords(text) }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // A word too long to fit a line cannot be folded; encoded words can be split anywhere.
        if encodeLongWords, words.contains(where: { $0.utf8.count > 70 }) { return encodedWords(text) }
        return words
    }

    /// Tokens for a display name: atoms as they are, specials in a quoted string, the rest encoded.
    static func phraseTokens(_ name: String) -> [String] {
        if needsEncoding(name) { return encodedWords(name) }
        let atext = Set("!#$%&'*+-/=?^_`{|}~")
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if words.allSatisfy({ !$0.isEmpty && $0.count <= 70 && $0.allSatisfy { $0.isLetter || $0.isNumber || atext.contains($0) } }) {
            return words.map(String.init)
        }
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return quoted.utf8.count <= 70 ? [quoted] : encodedWords(name)
    }

    /// Tokens for a list of addresses, commas attached so folding happens after them.
    static func addressListTokens(_ addresses: [MailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            var addressTokens = address.headerTokens()
            if index < addresses.count - 1 { addressTokens[addressTokens.count - 1] += "," }
            tokens += addressTokens
        }
        return tokens
    }

    /// Control characters and "=?" (which a reader would try to decode) are encoded too.
    static func needsEncoding(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.isASCII || ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }
            || text.contains("=?")
    }

    /// `=?UTF-8?B?…?=` words, each holding whole characters (whole scalars for oversized emoji
    /// sequences), as RFC 2047 requires: a word may not end inside a multi-byte sequence.
    static func encodedWords(_ text: String) -> [String] {
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []
        func append(_ bytes: some Collection<UInt8>) {
            if current.count + bytes.count > bytesPerEncodedWord, !current.isEmpty {
                chunks.append(current)
                current = []
            }
            current += bytes
        }
        for character in text {
            let bytes = Array(character.utf8)
            if bytes.count <= bytesPerEncodedWord {
                append(bytes)
            } else {
                for scalar in character.unicodeScalars { append(Array(String(scalar).utf8)) }
            }
        }
        if !current.isEmpty || chunks.isEmpty { chunks.append(current) }
        return chunks.map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }
    }

    static func rejectLineBreaks(_ value: String, field: String) throws {
        if value.contains(where: \.isNewline) { throw MailFormatError.headerInjection(field: field) }
    }

    /// RFC 5322 date in UTC, built by hand: DateFormatter depends on locale settings and is not Sendable.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(days[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
