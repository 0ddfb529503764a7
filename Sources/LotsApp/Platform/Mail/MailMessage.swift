import Foundation

/// One e-mail: a text body and, optionally, an HTML alternative. Nothing is checked until it is
/// encoded, so a message can be built up field by field.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    /// Receive the message but are never named in its headers.
    public var bcc: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var textBody: String
    public var htmlBody: String?
    /// Without angle brackets, e.g. `3F2A…@lots.example.org`.
    public var messageID: String
    public var date: Date
    /// Written after the standard headers, in this order. Names the encoder writes itself are refused.
    public var extraHeaders: [(name: String, value: String)]

    public init(
        from: MailAddress,
        to: [MailAddress],
        cc: [MailAddress] = [],
        bcc: [MailAddress] = [],
        replyTo: MailAddress? = nil,
        subject: String,
        textBody: String,
        htmlBody: String? = nil,
        messageID: String? = nil,
        date: Date = Date(),
        extraHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.messageID = messageID ?? Self.makeMessageID(domain: from.address)
        self.date = date
        self.extraHeaders = extraHeaders
    }

    /// Everyone the server is asked to deliver to, first mention kept, duplicates dropped.
    public var envelopeRecipients: [MailAddress] {
        var seen = Set<String>()
        return (to + cc + bcc).filter { seen.insert($0.address.lowercased()).inserted }
    }

    /// The sender's domain keeps IDs unique across hosts without needing the machine's own name.
    /// Message-IDs must be ASCII, so an internationalised or literal domain is not used.
    static func makeMessageID(domain address: String) -> String {
        let domain = address.split(separator: "@").last.map(String.init) ?? ""
        let usable = !domain.isEmpty && domain.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return "\(UUID().uuidString.lowercased())@\(usable ? domain : "localhost")"
    }
}
