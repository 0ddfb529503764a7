import NIOCore
import NIOPosix
import NIOSSL

extension SMTPError {
    /// Sorts the errors NIO and NIOSSL throw into `SMTPError`, so callers can rely on `isTransient`.
    init(wrapping error: any Error) {
        switch error {
        case let error as SMTPError:
            self = error
        case let error as MailFormatError:
            self = .invalidMessage(error)
        case let error as NIOSSLError:
            self = .tlsFailed(String(describing: error))
        case let error as BoringSSLError:
            self = .tlsFailed(String(describing: error))
        case let error as NIOSSLExtraError:
            self = .tlsFailed(String(describing: error))
        case ChannelError.connectTimeout:
            self = .timeout(step: "connect")
        case ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed, ChannelError.eof, ChannelError.outputClosed:
            self = .connectionClosed
        case let error as NIOConnectionError:
            // Reports every address tried; the first failure says enough (usually "connection refused").
            let first = error.connectionErrors.first.map { String(describing: $0.error) }
            self = .connectionFailed(first ?? error.dnsAAAAError.map { String(describing: $0) } ?? error.dnsAError.map { String(describing: $0) } ?? "no address for host")
        default:
            self = .connectionFailed(String(describing: error))
        }
    }
}
