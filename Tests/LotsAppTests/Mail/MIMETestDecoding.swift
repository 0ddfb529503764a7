import Foundation

/// Small decoders written independently of the encoder, to check its output by round trip.
enum MIMETestDecoding {
    struct DecodingError: Error {}

    /// Splits wire text into unfolded headers (in order) and the body.
    static func split(_ message: String) -> (headers: [(name: String, value: String)], body: String) {
        let parts = message.components(separatedBy: "\r\n\r\n")
        let head = parts[0], body = parts.dropFirst().joined(separator: "\r\n\r\n")
        var headers: [(name: String, value: String)] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                headers[headers.count - 1].value += line  // unfolding removes only the CRLF
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
            }
        }
        return (headers, body)
    }

    static func header(_ name: String, in message: String) -> String? {
        split(message).headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// RFC 2047 B-encoded words; whitespace between adjacent encoded words is dropped. Each word
    /// must decode to valid UTF-8 on its own (RFC 2047 §5: no character split across words).
    static func decodeWords(_ value: String) throws -> String {
        var result = ""
        var pendingSpace = ""
        var previousWasEncoded = false
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if token.hasPrefix("=?UTF-8?B?"), token.hasSuffix("?="), token.count <= 75 {
                let payload = token.dropFirst(10).dropLast(2)
                guard let data = Data(base64Encoded: String(payload)),
                      let text = String(validating: data, as: UTF8.self) else { throw DecodingError() }
                result += (previousWasEncoded ? "" : pendingSpace) + text
                previousWasEncoded = true
            } else {
                result += pendingSpace + token
                previousWasEncoded = false
            }
            pendingSpace = " "
        }
        return result
    }

    /// Quoted-printable to text; CRLF line ends become "\n".
    static func decodeQuotedPrintable(_ text: String) throws -> String {
        var bytes: [UInt8] = []
        let input = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "=") {
                guard index + 2 < input.count, let byte = UInt8(String(decoding: input[index + 1...index + 2], as: UTF8.self), radix: 16)
                else { throw DecodingError() }
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw DecodingError() }
        return decoded.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
