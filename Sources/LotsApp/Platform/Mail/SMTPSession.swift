import Foundation
import Logging
import NIOCore
import NIOSSL

/// The dialogue on one connection, from greeting to QUIT. Logs step names and reply codes only:
/// commands and replies carry addresses, and AUTH lines carry credentials.
struct SMTPSession {
    let channel: any Channel
    let handler: NIOLoopBound<SMTPReplyHandler>
    let configuration: SMTPConfiguration
    let tls: SMTPReplyHandler.TLSUpgrade?
    let logger: Logger
    var isEncrypted: Bool
    var extensions = SMTPExtensions()

    mutating func deliver(_ data: [UInt8], from sender: MailAddress, to recipients: [MailAddress]) async throws -> SMTPSendResult {
        try expect(220, try await reply(to: nil, step: "greeting"), step: "greeting")
        try await hello()
        if configuration.security == .startTLS || configuration.security == .startTLSIfAvailable {
            try await startTLS()
        }
        if let credentials = configuration.credentials { try await authenticate(credentials) }

        if let limit = extensions.sizeLimit, limit > 0, data.count > limit {
            throw SMTPError.messageTooLarge(size: data.count, limit: limit)
        }
        let needsUTF8 = !sender.isASCII || recipients.contains { !$0.isASCII }
        if needsUTF8, !extensions.smtpUTF8 { throw SMTPError.internationalAddressUnsupported }
        var mailFrom = "MAIL FROM:<\(sender.address)>"
        if extensions.sizeLimit != nil { mailFrom += " SIZE=\(data.count)" }
        if needsUTF8 { mailFrom += " SMTPUTF8" }
        try expect(250, try await reply(to: mailFrom, step: "MAIL FROM"), step: "MAIL FROM")

        var accepted: [MailAddress] = []
        var rejected: [SMTPSendResult.Rejection] = []
        for recipient in recipients {
            let answer = try await reply(to: "RCPT TO:<\(recipient.address)>", step: "RCPT TO")
            if answer.code == 250 || answer.code == 251 {
                accepted.append(recipient)
            } else {
                rejected.append(.init(recipient: recipient, code: answer.code, message: answer.message))
            }
        }
        guard !accepted.isEmpty else { throw SMTPError.allRecipientsRejected(rejected) }

        try expect(354, try await reply(to: "DATA", step: "DATA"), step: "DATA")
        let final = try await exchange(channel.allocator.buffer(bytes: data), step: "end of data")
        try expect(250, final, step: "end of data")
        logger.info("SMTP message accepted", metadata: [
            "smtp.accepted": "\(accepted.count)", "smtp.rejected": "\(rejected.count)", "smtp.bytes": "\(data.count)",
        ])
        return SMTPSendResult(code: final.code, message: final.message, acceptedRecipients: accepted, rejectedRecipients: rejected)
    }

    /// Polite, but the message is already accepted: a missing answer to QUIT changes nothing.
    func quit() async {
        _ = try? await reply(to: "QUIT", step: "QUIT")
        try? await channel.close()
    }

    /// EHLO, or HELO for servers from before ESMTP (which answer EHLO with 5xx).
    private mutating func hello() async throws {
        let ehlo = try await reply(to: "EHLO \(configuration.heloName)", step: "EHLO")
        if ehlo.code == 250 {
            extensions = SMTPExtensions(ehlo: ehlo)
        } else if (500..<600).contains(ehlo.code) {
            try expect(250, try await reply(to: "HELO \(configuration.heloName)", step: "HELO"), step: "HELO")
            extensions = SMTPExtensions()
        } else {
            throw SMTPError.unexpectedReply(command: "EHLO", code: ehlo.code, message: ehlo.message)
        }
    }

    private mutating func startTLS() async throws {
        guard extensions.startTLS, let tls else {
            if configuration.security == .startTLS { throw SMTPError.startTLSUnavailable }
            logger.warning("SMTP server does not offer STARTTLS; continuing unencrypted")
            return
        }
        try expect(220, try await reply(to: "STARTTLS", step: "STARTTLS", upgrade: tls), step: "STARTTLS")
        isEncrypted = true
        extensions = SMTPExtensions()
        try await hello()
    }

    private func authenticate(_ credentials: (username: String, password: String)) async throws {
        guard isEncrypted || isLoopback else { throw SMTPError.insecureAuthentication }
        let offered = extensions.authMechanisms
        let method: SMTPConfiguration.AuthMethod
        if let preferred = configuration.preferredAuth, offered.contains(preferred.rawValue) {
            method = preferred
        } else if offered.contains("PLAIN") {
            method = .plain
        } else if offered.contains("LOGIN") {
            method = .login
        } else {
            throw SMTPError.authenticationUnavailable
        }
        func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
        func check(_ expected: Int, _ answer: SMTPReply) throws {
            guard answer.code == expected else { throw SMTPError.authenticationFailed(code: answer.code, message: answer.message) }
        }
        switch method {
        case .plain:
            let token = base64([0] + Array(credentials.username.utf8) + [0] + Array(credentials.password.utf8))
            try check(235, try await reply(to: "AUTH PLAIN \(token)", step: "AUTH PLAIN"))
        case .login:
            try check(334, try await reply(to: "AUTH LOGIN", step: "AUTH LOGIN"))
            try check(334, try await reply(to: base64(Array(credentials.username.utf8)), step: "AUTH LOGIN username"))
            try check(235, try await reply(to: base64(Array(credentials.password.utf8)), step: "AUTH LOGIN password"))
        }
    }

    /// Judged by the address actually connected to, not by the configured name.
    private var isLoopback: Bool {
        guard let ip = channel.remoteAddress?.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }

    private func expect(_ code: Int, _ reply: SMTPReply, step: String) throws {
        guard reply.code == code else { throw SMTPError.unexpectedReply(command: step, code: reply.code, message: reply.message) }
    }

    private func reply(to command: String?, step: String, upgrade: SMTPReplyHandler.TLSUpgrade? = nil) async throws -> SMTPReply {
        try await exchange(command.map { channel.allocator.buffer(string: $0 + "\r\n") }, step: step, upgrade: upgrade)
    }

    /// Writes `bytes` (if any) and waits for the next reply, within the configured timeout.
    private func exchange(_ bytes: ByteBuffer?, step: String, upgrade: SMTPReplyHandler.TLSUpgrade? = nil) async throws -> SMTPReply {
        let channel = self.channel, handler = self.handler, timeout = configuration.timeout
        let answer = try await channel.eventLoop.flatSubmit {
            // Ask before writing, so the waiter (and its STARTTLS upgrade) is in place when the reply comes.
            let future = handler.value.nextReply(step: step, timeout: timeout, upgrade: upgrade)
            if let bytes {
                channel.writeAndFlush(bytes).whenFailure { handler.value.fail($0) }
            }
            return future
        }.get()
        logger.debug("SMTP reply", metadata: ["smtp.step": "\(step)", "smtp.code": "\(answer.code)"])
        return answer
    }
}
