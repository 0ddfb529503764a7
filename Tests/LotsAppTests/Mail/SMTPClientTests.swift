import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import Testing
@testable import LotsApp

/// Against a real SMTP server (aiosmtpd, see SMTPTestServer), one per test.
@Suite struct SMTPClientTests {
    let sender = try! MailAddress("lots@example.org", name: "Lots Ärenden")

    func message(to: [String], subject: String = "Test", text: String = "Hello\n", html: String? = nil) throws -> MailMessage {
        MailMessage(from: sender, to: try to.map { try MailAddress($0) }, subject: subject, textBody: text, htmlBody: html)
    }

    func client(_ server: SMTPTestServer, host: String = "127.0.0.1", security: SMTPConfiguration.Security = .plain,
                username: String? = nil, password: String? = nil, auth: SMTPConfiguration.AuthMethod? = nil,
                trust certificate: String? = nil, logs: MailLogRecorder = MailLogRecorder()) throws -> SMTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let certificate { tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificate)) }
        let configuration = SMTPConfiguration(
            host: host, port: server.port, security: security, username: username, password: password,
            heloName: "test.lots.local", timeout: .seconds(10), tlsConfiguration: tls, preferredAuth: auth
        )
        return SMTPClient(configuration: configuration, logger: logs.logger)
    }

    @Test func sendsUTF8SubjectAndBodyExactly() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        let logs = MailLogRecorder()
        let subject = "Påminnelse: åäö ÅÄÖ 🎉 — lång rubrik med emoji 👩‍💻 som delas i flera kodade ord"
        let text = [
            "Hej Åsa!", "",
            "Det här är en rad med åäö och emoji 🎉🚀, och den är så lång att den måste delas med mjuka radbrytningar i quoted-printable.",
            ".Den här raden börjar med en punkt", ".", "..två punkter", "Slut med blanksteg  ",
        ].joined(separator: "\n")
        var mail = try message(to: ["first@example.org", "second@example.org"], subject: subject, text: text)
        mail.cc = [try MailAddress("cc@example.org", name: "Cecilia Çelik")]
        mail.bcc = [try MailAddress("hidden@example.org")]
        let result = try await client(server, logs: logs).send(mail)

        #expect(result.code == 250)
        #expect(result.message.contains("queued as TEST0001"))
        #expect(result.rejectedRecipients.isEmpty)
        let received = try #require(try server.messages().first)
        #expect(received.mail_from == "lots@example.org")
        #expect(received.rcpt_tos == ["first@example.org", "second@example.org", "cc@example.org", "hidden@example.org"])
        #expect(received.mail_options.contains { $0.hasPrefix("SIZE=") })
        #expect(received.subject == subject)
        #expect(received.text == text)
        #expect(received.defects.isEmpty)
        #expect(!received.bare_lf)
        #expect(received.max_line_length <= 76)
        #expect(received.header("Bcc") == nil)
        #expect(received.header("Cc") == "Cecilia Çelik <cc@example.org>")
        #expect(received.header("From") == "Lots Ärenden <lots@example.org>")
        #expect(received.header("Message-ID") == "<\(mail.messageID)>")
        // The server un-stuffed the dot lines; the message holds them exactly as encoded.
        let raw = String(decoding: received.raw, as: UTF8.self)
        #expect(raw.contains("\r\n.Den h=C3=A4r raden"))
        #expect(raw.contains("\r\n.\r\n"))
        #expect(raw.contains("\r\n..tv=C3=A5 punkter"))

        // Personal data stays out of the logs.
        let logText = logs.text
        #expect(logText.contains("EHLO"))
        for secret in ["first@example.org", "hidden@example.org", "cc@example.org", "Påminnelse", "Hej", "TEST0001", "Cecilia"] {
            #expect(!logText.contains(secret), "log mentions \(secret)")
        }
    }

    @Test func sendsMultipartAlternative() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        let text = "Plain text åäö\nSecond line"
        let html = "<html><body><p>HTML åäö 🎉</p>\n<p>\(String(repeating: "long ", count: 40))</p></body></html>"
        _ = try await client(server).send(try message(to: ["a@example.org"], text: text, html: html))
        let received = try #require(try server.messages().first)
        #expect(received.content_type == "multipart/alternative")
        #expect(received.text == text)
        #expect(received.html == html)
        #expect(received.defects.isEmpty)
    }

    @Test(arguments: [SMTPConfiguration.AuthMethod.plain, .login])
    func authenticates(with method: SMTPConfiguration.AuthMethod) async throws {
        let server = try await SMTPTestServer(["--auth", "mailer:s3cret pässword"])
        defer { server.stop() }
        let logs = MailLogRecorder()
        let client = try client(server, username: "mailer", password: "s3cret pässword", auth: method, logs: logs)
        _ = try await client.send(try message(to: ["a@example.org"]))
        let received = try #require(try server.messages().first)
        #expect(received.authenticated)
        #expect(logs.text.contains("AUTH \(method.rawValue)"))
        #expect(!logs.text.contains("s3cret"))
        #expect(!logs.text.contains(Data("s3cret pässword".utf8).base64EncodedString()))
    }

    @Test func wrongPasswordFailsAndDeliversNothing() async throws {
        let server = try await SMTPTestServer(["--auth", "mailer:right"])
        defer { server.stop() }
        let error = await #expect(throws: SMTPError.self) {
            try await client(server, username: "mailer", password: "wrong").send(try message(to: ["a@example.org"]))
        }
        guard case .authenticationFailed(let code, _) = error else {
            Issue.record("expected authenticationFailed, got \(String(describing: error))")
            return
        }
        #expect(code == 535)
        #expect(error?.isTransient == false)
        #expect(try server.messages().isEmpty)
    }

    @Test func startTLSWithTrustedCertificate() async throws {
        let server = try await SMTPTestServer(["--auth", "mailer:secret"], tls: .startTLS)
        defer { server.stop() }
        // "localhost" exercises SNI and name checking; 127.0.0.1 the IP address SAN.
        for host in ["localhost", "127.0.0.1"] {
            let client = try client(server, host: host, security: .startTLS, username: "mailer", password: "secret", trust: server.certificatePath)
            _ = try await client.send(try message(to: ["a@example.org"], subject: "över TLS"))
        }
        let received = try server.messages()
        #expect(received.count == 2)
        #expect(received.allSatisfy { $0.tls && $0.authenticated && $0.subject == "över TLS" })
    }

    @Test func startTLSRejectsUntrustedCertificate() async throws {
        let server = try await SMTPTestServer(tls: .startTLS)
        defer { server.stop() }
        let error = await #expect(throws: SMTPError.self) {
            try await client(server, security: .startTLS).send(try message(to: ["a@example.org"]))
        }
        guard case .tlsFailed = error else {
            Issue.record("expected tlsFailed, got \(String(describing: error))")
            return
        }
        #expect(try server.messages().isEmpty)
    }

    @Test func requiredStartTLSMissingIsAnError() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        await #expect(throws: SMTPError.startTLSUnavailable) {
            try await client(server, security: .startTLS).send(try message(to: ["a@example.org"]))
        }
        // Optional STARTTLS goes ahead in the clear.
        _ = try await client(server, security: .startTLSIfAvailable).send(try message(to: ["a@example.org"]))
        #expect(try server.messages().count == 1)
    }

    @Test func implicitTLS() async throws {
        let server = try await SMTPTestServer(["--auth", "mailer:secret"], tls: .implicit)
        defer { server.stop() }
        let client = try client(server, host: "localhost", security: .tls, username: "mailer", password: "secret", trust: server.certificatePath)
        _ = try await client.send(try message(to: ["a@example.org"]))
        #expect(try server.messages().first?.tls == true)
    }

    @Test func rejectedRecipientIsReportedOthersDelivered() async throws {
        let server = try await SMTPTestServer(["--reject-rcpt", "nobody"])
        defer { server.stop() }
        let result = try await client(server).send(try message(to: ["a@example.org", "nobody@example.org", "b@example.org"]))
        #expect(result.acceptedRecipients.map(\.address) == ["a@example.org", "b@example.org"])
        #expect(result.rejectedRecipients.map(\.recipient.address) == ["nobody@example.org"])
        #expect(result.rejectedRecipients.first?.code == 550)
        #expect(result.rejectedRecipients.first?.isTransient == false)
        #expect(try server.messages().first?.rcpt_tos == ["a@example.org", "b@example.org"])
    }

    @Test func allRecipientsRejected() async throws {
        let server = try await SMTPTestServer(["--reject-rcpt", "nobody"])
        defer { server.stop() }
        let error = await #expect(throws: SMTPError.self) {
            try await client(server).send(try message(to: ["nobody1@example.org", "nobody2@example.org"]))
        }
        guard case .allRecipientsRejected(let rejections) = error else {
            Issue.record("expected allRecipientsRejected, got \(String(describing: error))")
            return
        }
        #expect(rejections.map(\.code) == [550, 550])
        #expect(error?.isTransient == false)
        #expect(try server.messages().isEmpty)
    }

    @Test func temporaryFailureIsTransient() async throws {
        let server = try await SMTPTestServer(["--tempfail"])
        defer { server.stop() }
        let error = await #expect(throws: SMTPError.self) {
            try await client(server).send(try message(to: ["a@example.org"]))
        }
        guard case .unexpectedReply(let command, let code, _) = error else {
            Issue.record("expected unexpectedReply, got \(String(describing: error))")
            return
        }
        #expect(command == "end of data")
        #expect(code == 451)
        #expect(error?.isTransient == true)
    }

    @Test func internationalAddressNeedsSMTPUTF8() async throws {
        let server = try await SMTPTestServer(["--smtputf8"])
        defer { server.stop() }
        _ = try await client(server).send(try message(to: ["jörg@exämple.org"]))
        let received = try #require(try server.messages().first)
        #expect(received.rcpt_tos == ["jörg@exämple.org"])
        #expect(received.mail_options.contains("SMTPUTF8"))

        let plain = try await SMTPTestServer()
        defer { plain.stop() }
        await #expect(throws: SMTPError.internationalAddressUnsupported) {
            try await client(plain).send(try message(to: ["jörg@exämple.org"]))
        }
    }

    @Test func fallsBackToHELO() async throws {
        let server = try await SMTPTestServer(["--no-ehlo"])
        defer { server.stop() }
        let logs = MailLogRecorder()
        _ = try await client(server, logs: logs).send(try message(to: ["a@example.org"], subject: "via HELO"))
        #expect(try server.messages().first?.subject == "via HELO")
        #expect(logs.text.contains("smtp.code=502 smtp.host=127.0.0.1 smtp.step=EHLO"))
        #expect(logs.text.contains("smtp.step=HELO"))
    }

    /// RFC 3207 §5: replies sent in plaintext right behind the 220 must not be taken as coming
    /// over TLS.
    @Test(arguments: ["220 go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n", "220 go ahead\r\n25"])
    func startTLSResponseInjectionIsRefused(_ startTLSReply: String) async throws {
        let peer = try await ScriptedSMTPPeer.start(replies: [
            "EHLO": "250-scripted\r\n250 STARTTLS\r\n", "STARTTLS": startTLSReply, "QUIT": "221 bye\r\n",
        ])
        defer { peer.close(promise: nil) }
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: try #require(peer.localAddress?.port), security: .startTLS, timeout: .seconds(5)
        )
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient(configuration: configuration, logger: MailLogRecorder().logger).send(try message(to: ["a@example.org"]))
        }
        guard case .protocolViolation = error else {
            Issue.record("expected protocolViolation, got \(String(describing: error))")
            return
        }
        #expect(error?.isTransient == false)
    }

    @Test func connectionRefusedIsTransient() async throws {
        let port = try await Self.unusedPort()
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: port, security: .plain, timeout: .seconds(5))
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient(configuration: configuration, logger: MailLogRecorder().logger).send(try message(to: ["a@example.org"]))
        }
        guard case .connectionFailed = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(error?.isTransient == true)
    }

    /// A server that accepts the connection and never greets.
    @Test func silentServerTimesOut() async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        defer { listener.close(promise: nil) }
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: try #require(listener.localAddress?.port), security: .plain, timeout: .milliseconds(300)
        )
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient(configuration: configuration, logger: MailLogRecorder().logger).send(try message(to: ["a@example.org"]))
        }
        #expect(error == .timeout(step: "greeting"))
        #expect(error?.isTransient == true)
    }

    static func unusedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }
}
