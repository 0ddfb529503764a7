/// One reply from the server, possibly several lines long ("250-…" lines, then "250 …").
struct SMTPReply: Sendable, Hashable {
    var code: Int
    /// The text of each line after the code and separator.
    var lines: [String]
    /// Bytes the decoder still held, undecoded, when this reply was complete. Must be zero after
    /// the server agrees to STARTTLS.
    var trailingBytes: Int = 0

    var message: String { lines.joined(separator: "\n") }
    var isPositive: Bool { (200..<400).contains(code) }
}
