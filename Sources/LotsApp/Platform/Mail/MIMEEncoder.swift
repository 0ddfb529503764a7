import Foundation

/// Turns a `MailMessage` into RFC 5322 / MIME text with CRLF line ends, ready for SMTP's DATA.
///
/// Bodies are always quoted-printable UTF-8, so the output is 7-bit ASCII (apart from
/// internationalised addresses) and any server can take it without 8BITMIME.
public enum MIMEEncoder {
    static let reservedHeaders: Set<String> = [
        "date", "from", "to", "cc", "bcc", "reply-to", "subject", "message-id",
        "mime-version", "content-type", "content-transfer-encoding",
    ]

    public static func encode(_ message: MailMessage) throws -> String {
        guard !message.envelopeRecipients.isEmpty else { throw MailFormatError.noRecipients }
        var head = try headers(of: message)
        var body: String
        if let html = message.htmlBody {
            let text = MIMEQuotedPrintable.encode(message.textBody)
            let htmlText = MIMEQuotedPrintable.encode(html)
            let boundary = makeBoundary(avoiding: [text, htmlText])
            head += "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n"
            // The CRLF before each delimiter belongs to the delimiter, so parts decode to exactly their text.
            body = "--\(boundary)\r\n" + part("text/plain", text)
                + "\r\n--\(boundary)\r\n" + part("text/html", htmlText)
                + "\r\n--\(boundary)--\r\n"
        } else {
            head += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            // A final soft break ends the data with CRLF (as SMTP needs) without adding a line break to the text.
            body = MIMEQuotedPrintable.encode(message.textBody, terminated: true)
        }
        return head + "\r\n" + body
    }

    private static func headers(of message: MailMessage) throws -> String {
        let from = try message.from.validated()
        let to = try message.to.map { try $0.validated() }
        let cc = try message.cc.map { try $0.validated() }
        _ = try message.bcc.map { try $0.validated() }
        try MIMEHeaderEncoder.rejectLineBreaks(message.subject, field: "Subject")

        var head = "Date: \(MIMEHeaderEncoder.date(message.date))\r\n"
        head += MIMEHeaderEncoder.fold(name: "From", tokens: from.headerTokens())
        if !to.isEmpty { head += MIMEHeaderEncoder.fold(name: "To", tokens: MIMEHeaderEncoder.addressListTokens(to)) }
        if !cc.isEmpty { head += MIMEHeaderEncoder.fold(name: "Cc", tokens: MIMEHeaderEncoder.addressListTokens(cc)) }
        if let replyTo = try message.replyTo?.validated() {
            head += MIMEHeaderEncoder.fold(name: "Reply-To", tokens: replyTo.headerTokens())
        }
        head += MIMEHeaderEncoder.fold(name: "Subject", tokens: MIMEHeaderEncoder.unstructuredTokens(message.subject))
        head += "Message-ID: <\(try messageID(message.messageID))>\r\n"
        head += "MIME-Version: 1.0\r\n"
        for (name, value) in message.extraHeaders {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != ":" }) else {
                throw MailFormatError.invalidHeaderName(name)
            }
            guard !reservedHeaders.contains(name.lowercased()) else { throw MailFormatError.reservedHeader(name) }
            try MIMEHeaderEncoder.rejectLineBreaks(value, field: name)
            head += MIMEHeaderEncoder.fold(name: name, tokens: MIMEHeaderEncoder.unstructuredTokens(value, encodeLongWords: false))
        }
        return head
    }

    private static func messageID(_ raw: String) throws -> String {
        var id = Substring(raw)
        if id.hasPrefix("<"), id.hasSuffix(">") { id = id.dropFirst().dropLast() }
        guard id.contains("@"), id.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "<" && $0 != ">" }) else {
            throw MailFormatError.invalidMessageID
        }
        return String(id)
    }

    private static func part(_ type: String, _ encoded: String) -> String {
        "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + encoded
    }

    /// "=_" cannot occur in quoted-printable output, so the check below is belt and braces.
    static func makeBoundary(avoiding contents: [String]) -> String {
        while true {
            var generator = SystemRandomNumberGenerator()
            let random = (0..<3).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
            let boundary = "=_lots_\(random)"
            if !contents.contains(where: { $0.contains(boundary) }) { return boundary }
        }
    }
}
