import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends mail over SMTP, one connection per message. Cheap to copy and share.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    public init(configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Delivers `message` to every To, Cc and Bcc recipient the server accepts.
    ///
    /// Throws `SMTPError` (its `isTransient` says whether to retry), or `CancellationError` when the
    /// task is cancelled. The connection is closed on every path.
    public func send(_ message: MailMessage) async throws -> SMTPSendResult {
        // Encode first: a malformed message fails without touching the network.
        let data: [UInt8]
        do {
            data = SMTPDotStuffing.stuff(try MIMEEncoder.encode(message).utf8)
        } catch {
            throw SMTPError(wrapping: error)
        }
        let helo = configuration.heloName
        guard !helo.isEmpty, helo.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw SMTPError.invalidConfiguration("HELO name must be a host name without spaces")
        }

        var logger = self.logger
        logger[metadataKey: "smtp.host"] = "\(configuration.host)"
        let (channel, handler, tls) = try await connect(logger: logger)
        var session = SMTPSession(
            channel: channel, handler: handler, configuration: configuration, tls: tls, logger: logger,
            isEncrypted: configuration.security == .tls
        )
        do {
            let result = try await withTaskCancellationHandler {
                try await session.deliver(data, from: message.from, to: message.envelopeRecipients)
            } onCancel: {
                channel.close(promise: nil)
            }
            await session.quit()
            return result
        } catch {
            try? await channel.close()
            if Task.isCancelled { throw CancellationError() }
            let failure = SMTPError(wrapping: error)
            logger.warning("SMTP send failed", metadata: ["smtp.error": "\(Self.logLabel(failure))"])
            throw failure
        }
    }

    private func connect(logger: Logger) async throws -> (any Channel, NIOLoopBound<SMTPReplyHandler>, SMTPReplyHandler.TLSUpgrade?) {
        let configuration = configuration
        // SNI takes names only; for an IP address NIOSSL checks the certificate against the peer's address.
        let serverHostname = (try? SocketAddress(ipAddress: configuration.host, port: 0)) == nil ? configuration.host : nil
        let tls: SMTPReplyHandler.TLSUpgrade?
        do {
            tls = configuration.security == .plain ? nil
                : .init(context: try NIOSSLContext(configuration: configuration.tlsConfiguration), serverHostname: serverHostname)
        } catch {
            throw SMTPError.invalidConfiguration("TLS: \(error)")
        }
        let implicitTLS = configuration.security == .tls ? tls : nil
        logger.debug("SMTP connecting", metadata: ["smtp.port": "\(configuration.port)", "smtp.security": "\(configuration.security.rawValue)"])
        do {
            let (channel, handler) = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(configuration.timeout)
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS {
                            let handler = try NIOSSLClientHandler(context: implicitTLS.context, serverHostname: implicitTLS.serverHostname)
                            try channel.pipeline.syncOperations.addHandler(handler)
                        }
                        let replies = SMTPReplyHandler(eventLoop: channel.eventLoop)
                        try channel.pipeline.syncOperations.addHandlers(ByteToMessageHandler(SMTPReplyDecoder()), replies)
                        return (channel, NIOLoopBound(replies, eventLoop: channel.eventLoop))
                    }
                }
            return (channel, handler, tls)
        } catch {
            let failure = SMTPError(wrapping: error)
            logger.warning("SMTP connect failed", metadata: ["smtp.error": "\(Self.logLabel(failure))"])
            throw failure
        }
    }

    /// The case name and reply code, never the server's text (it may quote an address).
    private static func logLabel(_ error: SMTPError) -> String {
        switch error {
        case .unexpectedReply(let command, let code, _): "unexpectedReply \(command) \(code)"
        case .authenticationFailed(let code, _): "authenticationFailed \(code)"
        case .allRecipientsRejected(let rejections): "allRecipientsRejected \(rejections.map(\.code))"
        default: error.description
        }
    }
}
