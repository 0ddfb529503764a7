/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text, with CRLF line ends.
enum MIMEQuotedPrintable {
    static let maxLineLength = 76

    /// Any mix of CRLF, LF and CR in `text` becomes CRLF. The result ends with CRLF when the text
    /// ends with a line break; with `terminated`, also otherwise, through a final soft break.
    static func encode(_ text: String, terminated: Bool = false) -> String {
        let lines = lines(of: text)
        let softEnd = terminated && !(lines.last?.isEmpty ?? true)
        var encoded = lines.enumerated().map { index, line in
            encodeLine(line, softBreakAfter: softEnd && index == lines.count - 1)
        }.joined(separator: "\r\n")
        if softEnd { encoded += "=\r\n" }
        return encoded
    }

    static func lines(of text: String) -> [Substring.UnicodeScalarView] {
        var lines: [Substring.UnicodeScalarView] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "\r" || scalar == "\n" else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(scalars[start..<index])
            var next = scalars.index(after: index)
            if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
            start = next
            index = next
        }
        lines.append(scalars[start...])
        return lines
    }

    /// One hard line, split with soft breaks ("=" at the end) so no line exceeds 76 characters.
    /// Each scalar's =XX triplets stay on one line, so a line-by-line decoder never sees half a
    /// UTF-8 sequence.
    private static func encodeLine(_ line: Substring.UnicodeScalarView, softBreakAfter: Bool) -> String {
        let scalars = Array(line)
        var output = ""
        var lineLength = 0
        for (index, scalar) in scalars.enumerated() {
            let isLast = index == scalars.count - 1
            let unit = encode(scalar, atLineEnd: isLast)
            // The last unit may use column 76; others must leave room for the soft break's "=".
            let limit = isLast && !softBreakAfter ? maxLineLength : maxLineLength - 1
            if lineLength + unit.utf8.count > limit {
                output += "=\r\n"
                lineLength = 0
            }
            output += unit
            lineLength += unit.utf8.count
        }
        return output
    }

    private static func encode(_ scalar: Unicode.Scalar, atLineEnd: Bool) -> String {
        switch scalar.value {
        case 0x21...0x3C, 0x3E...0x7E:
            return String(scalar)
        case 0x20 where !atLineEnd, 0x09 where !atLineEnd:
            // Trailing whitespace would be stripped by transports, so only inner spaces stay literal.
            return String(scalar)
        default:
            return String(scalar).utf8.map { byte in "=" + hex(byte) }.joined()
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
