import Testing
@testable import LotsApp

@Suite struct SMTPConfigurationTests {
    @Test func readsSMTPURLs() throws {
        let config = try SMTPConfiguration(url: "smtp://mailer:p%40ss%3Aword@mail.example.org:2525?starttls=optional&helo=lots.example.org&auth=login&timeout=5")
        #expect(config.host == "mail.example.org")
        #expect(config.port == 2525)
        #expect(config.security == .startTLSIfAvailable)
        #expect(config.username == "mailer")
        #expect(config.password == "p@ss:word")
        #expect(config.heloName == "lots.example.org")
        #expect(config.preferredAuth == .login)
        #expect(config.timeout == .seconds(5))
        #expect(!config.description.contains("p@ss"))

        let tls = try SMTPConfiguration(url: "smtps://mail.example.org")
        #expect(tls.security == .tls)
        #expect(tls.port == 465)
        #expect(tls.username == nil)
        let defaults = try SMTPConfiguration(url: "smtp://127.0.0.1")
        #expect(defaults.security == .startTLS)
        #expect(defaults.port == 587)
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1:1025?starttls=off").security == .plain)
    }

    @Test(arguments: [
        "http://mail.example.org", "smtp://", "not a url", "smtp://h?starttls=maybe", "smtps://h?starttls=required",
        "smtp://h?auth=cram-md5", "smtp://h?timeout=0", "smtp://h?colour=blue", "smtp://user@h",
    ])
    func refusesBadURLs(_ url: String) {
        #expect(throws: SMTPConfiguration.InvalidURL.self) { try SMTPConfiguration(url: url) }
    }

    @Test func errorsSayWhetherToRetry() {
        let rejection = { (code: Int) in
            SMTPSendResult.Rejection(recipient: try! MailAddress("a@example.org"), code: code, message: "")
        }
        #expect(SMTPError.unexpectedReply(command: "DATA", code: 451, message: "").isTransient)
        #expect(!SMTPError.unexpectedReply(command: "DATA", code: 554, message: "").isTransient)
        #expect(SMTPError.authenticationFailed(code: 454, message: "").isTransient)
        #expect(!SMTPError.authenticationFailed(code: 535, message: "").isTransient)
        #expect(SMTPError.allRecipientsRejected([rejection(450), rejection(452)]).isTransient)
        #expect(!SMTPError.allRecipientsRejected([rejection(450), rejection(550)]).isTransient)
        #expect(SMTPError.timeout(step: "DATA").isTransient)
        #expect(SMTPError.connectionClosed.isTransient)
        #expect(SMTPError.connectionFailed("refused").isTransient)
        #expect(!SMTPError.insecureAuthentication.isTransient)
        #expect(!SMTPError.startTLSUnavailable.isTransient)
        #expect(!SMTPError.invalidMessage(.noRecipients).isTransient)
    }

    @Test func readsEHLOExtensions() {
        let reply = SMTPReply(code: 250, lines: [
            "mail.example.org greets you", "PIPELINING", "SIZE 10240000", "STARTTLS", "AUTH LOGIN plain XOAUTH2",
            "AUTH=CRAM-MD5", "8BITMIME", "SMTPUTF8",
        ])
        let extensions = SMTPExtensions(ehlo: reply)
        #expect(extensions.startTLS)
        #expect(extensions.authMechanisms == ["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5"])
        #expect(extensions.sizeLimit == 10_240_000)
        #expect(extensions.eightBitMIME)
        #expect(extensions.smtpUTF8)
        #expect(SMTPExtensions(ehlo: SMTPReply(code: 250, lines: ["hi", "SIZE"])).sizeLimit == 0)
        #expect(SMTPExtensions(ehlo: SMTPReply(code: 250, lines: ["hi"])).sizeLimit == nil)
    }
}
