import Foundation

/// Why an address or a message cannot be turned into a mail. The cases never carry the offending
/// address or header value: errors end up in logs, and those are personal data.
public enum MailFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidAddress(reason: String)
    /// A header value (or display name) held a CR or LF, which would let it start a new header.
    case headerInjection(field: String)
    case invalidHeaderName(String)
    /// Extra headers may not replace the ones the encoder writes itself.
    case reservedHeader(String)
    case invalidMessageID
    case noRecipients

    public var description: String {
        switch self {
        case .invalidAddress(let reason): "invalid e-mail address: \(reason)"
        case .headerInjection(let field): "line break in the value of header \(field)"
        case .invalidHeaderName(let name): "invalid header name \"\(name)\""
        case .reservedHeader(let name): "header \(name) is set by the encoder and cannot be added as an extra header"
        case .invalidMessageID: "invalid Message-ID"
        case .noRecipients: "the message has no recipients"
        }
    }
}
