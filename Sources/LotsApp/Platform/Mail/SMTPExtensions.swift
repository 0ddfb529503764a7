/// What the server offered in its EHLO reply. Empty after HELO and after STARTTLS (RFC 3207 §4.2:
/// everything learnt before TLS must be forgotten).
struct SMTPExtensions: Sendable, Hashable {
    var startTLS = false
    var authMechanisms: Set<String> = []
    var eightBitMIME = false
    var smtpUTF8 = false
    /// nil when SIZE is not offered; 0 when offered without a limit.
    var sizeLimit: Int?

    init() {}

    init(ehlo reply: SMTPReply) {
        // The first line is the server's greeting text; each further line is one extension.
        for line in reply.lines.dropFirst() {
            let words = line.split(whereSeparator: \.isWhitespace).map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            switch keyword {
            case "STARTTLS": startTLS = true
            case "AUTH": authMechanisms.formUnion(words.dropFirst())
            case "8BITMIME": eightBitMIME = true
            case "SMTPUTF8": smtpUTF8 = true
            case "SIZE": sizeLimit = words.count > 1 ? Int(words[1]) ?? 0 : 0
            default:
                // Pre-standard servers announce "AUTH=LOGIN PLAIN".
                if keyword.hasPrefix("AUTH=") {
                    authMechanisms.insert(String(keyword.dropFirst(5)))
                    authMechanisms.formUnion(words.dropFirst())
                }
            }
        }
    }
}
