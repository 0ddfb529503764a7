/// Everything `SMTPClient.send` throws. `isTransient` tells an outbox whether to try again later
/// or to give up on the message.
///
/// `message` holds the server's own text, which may quote an address: log the code, not the text.
public enum SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered `command` (a step name such as "MAIL FROM", never its argument) with an
    /// unexpected code.
    case unexpectedReply(command: String, code: Int, message: String)
    case authenticationFailed(code: Int, message: String)
    /// Credentials are configured but the server offers neither PLAIN nor LOGIN.
    case authenticationUnavailable
    /// The configuration requires STARTTLS and the server does not offer it.
    case startTLSUnavailable
    /// Credentials would have gone over an unencrypted connection to a host that is not loopback.
    case insecureAuthentication
    case allRecipientsRejected([SMTPSendResult.Rejection])
    /// The message is larger than the SIZE the server advertised.
    case messageTooLarge(size: Int, limit: Int)
    /// The message needs SMTPUTF8 (a non-ASCII address) and the server does not offer it.
    case internationalAddressUnsupported
    case invalidMessage(MailFormatError)
    /// A setting cannot work, e.g. a HELO name with spaces or an unusable TLS configuration.
    case invalidConfiguration(String)
    case timeout(step: String)
    case connectionClosed
    case connectionFailed(String)
    case tlsFailed(String)
    /// The server sent something that is not an SMTP reply, or data right after agreeing to STARTTLS.
    case protocolViolation(String)

    public var isTransient: Bool {
        switch self {
        case .unexpectedReply(_, let code, _), .authenticationFailed(let code, _):
            (400..<500).contains(code)
        case .allRecipientsRejected(let rejections):
            rejections.allSatisfy(\.isTransient)
        case .timeout, .connectionClosed, .connectionFailed:
            true
        // A bad certificate is usually fixed on the server's side; the outbox's attempt limit still applies.
        case .tlsFailed:
            true
        case .authenticationUnavailable, .startTLSUnavailable, .insecureAuthentication, .messageTooLarge,
             .internationalAddressUnsupported, .invalidMessage, .invalidConfiguration, .protocolViolation:
            false
        }
    }

    public var description: String {
        switch self {
        case .unexpectedReply(let command, let code, let message): "SMTP \(command) failed: \(code) \(message)"
        case .authenticationFailed(let code, let message): "SMTP authentication failed: \(code) \(message)"
        case .authenticationUnavailable: "SMTP server offers no supported AUTH mechanism (PLAIN, LOGIN)"
        case .startTLSUnavailable: "SMTP server does not offer STARTTLS, which the configuration requires"
        case .insecureAuthentication: "refusing to send SMTP credentials over an unencrypted connection to a non-loopback host"
        case .allRecipientsRejected(let rejections): "SMTP server rejected all \(rejections.count) recipients"
        case .messageTooLarge(let size, let limit): "message of \(size) bytes exceeds the server's limit of \(limit)"
        case .internationalAddressUnsupported: "message has a non-ASCII address and the server does not offer SMTPUTF8"
        case .invalidMessage(let error): "invalid message: \(error)"
        case .invalidConfiguration(let reason): "invalid SMTP configuration: \(reason)"
        case .timeout(let step): "SMTP timeout waiting for \(step)"
        case .connectionClosed: "SMTP server closed the connection"
        case .connectionFailed(let reason): "SMTP connection failed: \(reason)"
        case .tlsFailed(let reason): "SMTP TLS failed: \(reason)"
        case .protocolViolation(let reason): "SMTP protocol violation: \(reason)"
        }
    }
}
