import Foundation
import Logging

/// Sends outbox messages through the configured SMTP server.
struct SMTPMailTransport: MailTransport {
    var configuration: SMTPConfiguration
    var logger: Logger

    func deliver(_ mail: OutgoingMail, from: MailAddress, messageID: String, date: Date) async throws -> String {
        let recipient: MailAddress
        do { recipient = try MailAddress(mail.recipient, name: mail.recipientName) } catch {
            throw JobFailure.permanent("the recipient address is not a valid e-mail address")
        }
        let message = MailMessage(from: from, to: [recipient], subject: mail.subject, textBody: mail.textBody,
                                  htmlBody: mail.htmlBody, messageID: messageID, date: date)
        let result = try await SMTPClient(configuration: configuration, logger: logger).send(message)
        return "\(result.code) \(result.message)"
    }
}

extension SMTPError: TransienceClassifying, SafelyDescribable {
    /// The case and reply code only: a server's text may quote the recipient's address.
    public var safeDescription: String {
        switch self {
        case .unexpectedReply(let command, let code, _): "SMTP \(command) answered \(code)"
        case .authenticationFailed(let code, _): "SMTP authentication failed (\(code))"
        case .allRecipientsRejected(let rejections): "SMTP rejected every recipient (\(rejections.map { String($0.code) }.joined(separator: ",")))"
        case .invalidMessage: "the message could not be encoded"
        default: "SMTP: \(description)"
        }
    }
}
