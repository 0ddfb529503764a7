import Foundation
import Testing
@testable import LotsApp

@Suite struct MIMEEncoderTests {
    let alice = try! MailAddress("alice@example.org", name: "Alice")
    let bob = try! MailAddress("bob@example.org")

    func message(subject: String = "Hello", text: String = "Hi", html: String? = nil) -> MailMessage {
        MailMessage(from: alice, to: [bob], subject: subject, textBody: text, htmlBody: html,
                    messageID: "fixed@example.org", date: Date(timeIntervalSince1970: 0))
    }

    // MARK: Quoted-printable

    @Test func quotedPrintableSoftBreaksStayWithin76() throws {
        let text = String(repeating: "abcdefghij", count: 30) + "\n" + String(repeating: "åäö🎉 ", count: 40) + "\nend = done  "
        let encoded = MIMEQuotedPrintable.encode(text)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            // Every physical line decodes on its own: no =XX triplets of one character split across lines.
            let content = line.hasSuffix("=") ? String(line.dropLast()) : line
            #expect(throws: Never.self) { try MIMETestDecoding.decodeQuotedPrintable(content) }
        }
        #expect(encoded.contains("=\r\n"))
        #expect(encoded.contains("end =3D done =20"))  // "=" escaped, trailing space encoded
        #expect(try MIMETestDecoding.decodeQuotedPrintable(encoded) == text)
    }

    @Test func quotedPrintableNormalisesLineEnds() throws {
        let encoded = MIMEQuotedPrintable.encode("a\nb\rc\r\nd")
        #expect(encoded == "a\r\nb\r\nc\r\nd")
    }

    @Test func quotedPrintableTerminatedEndsWithSoftBreakWithinLimit() throws {
        let text = String(repeating: "x", count: 76)
        let encoded = MIMEQuotedPrintable.encode(text, terminated: true)
        #expect(encoded.hasSuffix("=\r\n"))
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(try MIMETestDecoding.decodeQuotedPrintable(encoded) == text)
        #expect(MIMEQuotedPrintable.encode("line\n", terminated: true) == "line\r\n")
    }

    // MARK: Headers

    @Test func nonASCIISubjectRoundTripsThroughEncodedWords() throws {
        let subject = "Grüße från Malmö 🎉 — en lång rubrik som måste delas upp i flera kodade ord, 👨‍👩‍👧‍👦 också"
        let wire = try MIMEEncoder.encode(message(subject: subject))
        let head = wire.components(separatedBy: "\r\n\r\n")[0]
        let subjectLines = head.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }
            .prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subjectLines.count > 1)
        for line in subjectLines {
            #expect(line.utf8.count <= 76)
            for word in line.split(separator: " ") where word.hasPrefix("=?") { #expect(word.count <= 75) }
        }
        let value = try #require(MIMETestDecoding.header("Subject", in: wire))
        #expect(try MIMETestDecoding.decodeWords(value) == subject)
    }

    @Test func asciiSubjectStaysReadableAndFolds() throws {
        let subject = "A plain subject that is long enough to need folding across more than one header line, really"
        let wire = try MIMEEncoder.encode(message(subject: subject))
        #expect(!wire.contains("=?UTF-8"))
        #expect(wire.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(MIMETestDecoding.header("Subject", in: wire) == subject)
        // Text that looks like an encoded word is encoded, so readers do not decode it.
        let tricky = try MIMEEncoder.encode(message(subject: "=?UTF-8?B?aGk=?="))
        #expect(try MIMETestDecoding.decodeWords(MIMETestDecoding.header("Subject", in: tricky)!) == "=?UTF-8?B?aGk=?=")
    }

    @Test func standardHeadersAndNoBcc() throws {
        var mail = message()
        mail.cc = [try MailAddress("carol@example.org", name: "Smith, Carol")]
        mail.bcc = [try MailAddress("secret@example.org")]
        mail.replyTo = try MailAddress("reply@example.org", name: "Åsa Öberg")
        mail.extraHeaders = [("List-Unsubscribe", "<https://lots.example.org/unsubscribe/" + String(repeating: "a", count: 80) + ">")]
        let wire = try MIMEEncoder.encode(mail)
        #expect(wire.hasPrefix("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
        #expect(MIMETestDecoding.header("From", in: wire) == "Alice <alice@example.org>")
        #expect(MIMETestDecoding.header("To", in: wire) == "bob@example.org")
        #expect(MIMETestDecoding.header("Cc", in: wire) == "\"Smith, Carol\" <carol@example.org>")
        #expect(try MIMETestDecoding.decodeWords(MIMETestDecoding.header("Reply-To", in: wire)!) == "Åsa Öberg <reply@example.org>")
        #expect(MIMETestDecoding.header("Message-ID", in: wire) == "<fixed@example.org>")
        #expect(MIMETestDecoding.header("MIME-Version", in: wire) == "1.0")
        #expect(MIMETestDecoding.header("List-Unsubscribe", in: wire)?.hasSuffix(String(repeating: "a", count: 80) + ">") == true)
        #expect(!wire.lowercased().contains("bcc"))
        #expect(!wire.contains("secret@example.org"))
        #expect(mail.envelopeRecipients.map(\.address) == ["bob@example.org", "carol@example.org", "secret@example.org"])
    }

    @Test func longAddressListsFoldBetweenAddresses() throws {
        var mail = message()
        mail.to = try (1...8).map { try MailAddress("person\($0)@example.org", name: "Person Number \($0)") }
        let wire = try MIMEEncoder.encode(mail)
        #expect(wire.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        let to = try #require(MIMETestDecoding.header("To", in: wire))
        #expect(to == mail.to.map(\.formatted).joined(separator: ", "))
    }

    // MARK: Injection and validation

    @Test func headerInjectionIsRejected() throws {
        #expect(throws: MailFormatError.headerInjection(field: "Subject")) {
            try MIMEEncoder.encode(message(subject: "Hi\r\nBcc: victim@example.org"))
        }
        #expect(throws: MailFormatError.headerInjection(field: "Subject")) { try MIMEEncoder.encode(message(subject: "Hi\nthere")) }
        #expect(throws: MailFormatError.headerInjection(field: "display name")) { try MailAddress("a@example.org", name: "Eve\r\nBcc: x@y.z") }
        var mail = message()
        mail.extraHeaders = [("X-Tag", "a\rb")]
        #expect(throws: MailFormatError.headerInjection(field: "X-Tag")) { try MIMEEncoder.encode(mail) }
        mail.extraHeaders = [("Bcc", "x@example.org")]
        #expect(throws: MailFormatError.reservedHeader("Bcc")) { try MIMEEncoder.encode(mail) }
        mail.extraHeaders = [("Bad Name", "x")]
        #expect(throws: MailFormatError.invalidHeaderName("Bad Name")) { try MIMEEncoder.encode(mail) }
        // Fields are vars: the encoder checks them again.
        mail = message()
        mail.to[0].address = "bob@example.org>\r\nRCPT TO:<evil@example.org"
        #expect(throws: MailFormatError.self) { try MIMEEncoder.encode(mail) }
        mail = message()
        mail.messageID = "id@x>\r\nBcc: y"
        #expect(throws: MailFormatError.invalidMessageID) { try MIMEEncoder.encode(mail) }
        mail = message()
        mail.to = []
        #expect(throws: MailFormatError.noRecipients) { try MIMEEncoder.encode(mail) }
    }

    @Test(arguments: [
        "", "plain", "a b@example.org", "a@b@example.org", "a@", "@example.org", ".a@example.org", "a..b@example.org",
        "a@example..org", "a@-example.org", "a\r\n@example.org", "a@exa\nmple.org", "<a@example.org>", "a\"b@example.org",
        "a,b@example.org", "a@example.org\u{0}", "a@exam ple.org", String(repeating: "a", count: 65) + "@example.org",
    ])
    func invalidAddressesAreRejected(_ address: String) {
        #expect(throws: MailFormatError.self) { try MailAddress(address) }
    }

    @Test(arguments: ["a@example.org", "first.last+tag@sub.example.org", "no-reply@localhost", "o'brien@example.ie", "x@[127.0.0.1]", "jörg@exämple.org"])
    func validAddressesAreAccepted(_ address: String) throws {
        #expect(try MailAddress(address).address == address)
    }

    @Test func displayNamesAreQuotedOrEncoded() throws {
        #expect(try MailAddress("a@example.org", name: "Lots").formatted == "Lots <a@example.org>")
        #expect(try MailAddress("a@example.org", name: "Jane Q. Doe").formatted == "\"Jane Q. Doe\" <a@example.org>")
        #expect(try MailAddress("a@example.org", name: "Say \"hi\"").formatted == "\"Say \\\"hi\\\"\" <a@example.org>")
        let encoded = try MailAddress("a@example.org", name: "Åsa").formatted
        #expect(encoded.hasPrefix("=?UTF-8?B?"))
        #expect(try MIMETestDecoding.decodeWords(encoded) == "Åsa <a@example.org>")
    }

    @Test func addressesParse() throws {
        #expect(try MailAddress(parsing: "lots@example.org") == MailAddress("lots@example.org"))
        #expect(try MailAddress(parsing: "Lots <lots@example.org>") == MailAddress("lots@example.org", name: "Lots"))
        #expect(try MailAddress(parsing: " \"Smith, J\" <j@example.org> ") == MailAddress("j@example.org", name: "Smith, J"))
        #expect(try MailAddress(parsing: "<j@example.org>") == MailAddress("j@example.org"))
        #expect(throws: MailFormatError.self) { try MailAddress(parsing: "Lots <not an address>") }
    }

    // MARK: Body structure

    @Test func singlePartBodyDecodesExactly() throws {
        let text = "Hej!\nÅäö 🎉\n.leading dot\nno newline at end"
        let wire = try MIMEEncoder.encode(message(text: text))
        #expect(MIMETestDecoding.header("Content-Type", in: wire) == "text/plain; charset=utf-8")
        #expect(MIMETestDecoding.header("Content-Transfer-Encoding", in: wire) == "quoted-printable")
        #expect(wire.hasSuffix("\r\n"))
        #expect(!wire.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!wire.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(wire.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(try MIMETestDecoding.decodeQuotedPrintable(MIMETestDecoding.split(wire).body) == text)
    }

    @Test func multipartAlternativeStructure() throws {
        let text = "Plain åäö\n", html = "<p>HTML åäö</p>"
        let wire = try MIMEEncoder.encode(message(text: text, html: html))
        let contentType = try #require(MIMETestDecoding.header("Content-Type", in: wire))
        #expect(contentType.hasPrefix("multipart/alternative; boundary=\""))
        let boundary = String(contentType.split(separator: "\"")[1])
        let body = MIMETestDecoding.split(wire).body
        #expect(body.hasPrefix("--\(boundary)\r\n"))
        #expect(body.hasSuffix("\r\n--\(boundary)--\r\n"))
        let parts = body.components(separatedBy: "--\(boundary)")
        #expect(parts.count == 4)  // "", text, html, "--\r\n"
        // By scalars: "\r\n" is a single Character.
        func inner(_ part: String) -> String { String(String.UnicodeScalarView(part.unicodeScalars.dropFirst(2).dropLast(2))) }
        let textPart = MIMETestDecoding.split(inner(parts[1]))
        let htmlPart = MIMETestDecoding.split(inner(parts[2]))
        #expect(textPart.headers.first?.value == "text/plain; charset=utf-8")
        #expect(htmlPart.headers.first?.value == "text/html; charset=utf-8")
        #expect(try MIMETestDecoding.decodeQuotedPrintable(textPart.body) == text)
        #expect(try MIMETestDecoding.decodeQuotedPrintable(htmlPart.body) == html)
        #expect(MIMEEncoder.makeBoundary(avoiding: []) != MIMEEncoder.makeBoundary(avoiding: []))
    }

    // MARK: Dot-stuffing

    @Test func dotStuffing() {
        func stuffed(_ text: String) -> String { String(decoding: SMTPDotStuffing.stuff(Array(text.utf8)), as: UTF8.self) }
        #expect(stuffed(".a\r\nb\r\n..c\r\n") == "..a\r\nb\r\n...c\r\n.\r\n")
        #expect(stuffed("x\r\n.\r\ny") == "x\r\n..\r\ny\r\n.\r\n")
        #expect(stuffed("a.b\r\n") == "a.b\r\n.\r\n")
        #expect(stuffed("") == ".\r\n")
        #expect(stuffed("a\n.b\rc") == "a\r\n..b\r\nc\r\n.\r\n")
    }

    @Test func messageIDsAreGeneratedASCII() throws {
        let plain = MailMessage(from: alice, to: [bob], subject: "s", textBody: "t")
        #expect(plain.messageID.hasSuffix("@example.org"))
        let international = MailMessage(from: try MailAddress("jörg@exämple.org"), to: [bob], subject: "s", textBody: "t")
        #expect(international.messageID.hasSuffix("@localhost"))
        let wire = try MIMEEncoder.encode(international)
        #expect(MIMETestDecoding.header("Message-ID", in: wire) == "<\(international.messageID)>")
    }

    @Test func dateIsRFC5322() {
        #expect(MIMEHeaderEncoder.date(Date(timeIntervalSince1970: 1_700_000_000)) == "Tue, 14 Nov 2023 22:13:20 +0000")
    }
}
