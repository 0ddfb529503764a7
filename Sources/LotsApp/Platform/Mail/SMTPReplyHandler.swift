import NIOCore
import NIOSSL

/// Hands decoded replies to the one command waiting for them, with a deadline. Lives on the
/// channel's event loop; `SMTPSession` reaches it only through `NIOLoopBound`.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPReply

    /// What to put in front of the pipeline once the server says 220 to STARTTLS.
    struct TLSUpgrade: Sendable {
        var context: NIOSSLContext
        var serverHostname: String?
    }

    private struct Waiter {
        var promise: EventLoopPromise<SMTPReply>
        var deadline: Scheduled<Void>
        var upgrade: TLSUpgrade?
    }

    private let eventLoop: any EventLoop
    private var context: ChannelHandlerContext?
    /// Replies nobody asked for yet, such as a greeting that arrives before it is awaited.
    private var unclaimed: CircularBuffer<SMTPReply> = []
    private var waiter: Waiter?
    /// Once set, the connection is finished: every later request fails with it.
    private var failure: SMTPError?

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func nextReply(step: String, timeout: TimeAmount, upgrade: TLSUpgrade? = nil) -> EventLoopFuture<SMTPReply> {
        eventLoop.preconditionInEventLoop()
        if let reply = unclaimed.popFirst() {
            // Anything queued before STARTTLS's answer would be the plaintext injection of RFC 3207 §5.
            if upgrade != nil { return failAndClose(.protocolViolation("reply received before STARTTLS was answered")) }
            return eventLoop.makeSucceededFuture(reply)
        }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        precondition(waiter == nil, "one SMTP command at a time")
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let deadline = eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            fail(SMTPError.timeout(step: step))
            context?.close(promise: nil)
        }
        waiter = Waiter(promise: promise, deadline: deadline, upgrade: upgrade)
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        guard let waiter else {
            unclaimed.append(reply)
            return
        }
        self.waiter = nil
        waiter.deadline.cancel()
        if let upgrade = waiter.upgrade, reply.code == 220 {
            do {
                try startTLS(upgrade, after: reply, context: context)
            } catch {
                fail(error)
                waiter.promise.fail(failure ?? .connectionClosed)
                context.close(promise: nil)
                return
            }
        }
        waiter.promise.succeed(reply)
    }

    /// Runs in the same event loop tick as the 220 arrives, so no later plaintext byte can be
    /// mistaken for data that came through TLS.
    private func startTLS(_ upgrade: TLSUpgrade, after reply: SMTPReply, context: ChannelHandlerContext) throws {
        guard unclaimed.isEmpty, reply.trailingBytes == 0 else {
            throw SMTPError.protocolViolation("data received after the STARTTLS reply")
        }
        let tls = try NIOSSLClientHandler(context: upgrade.context, serverHostname: upgrade.serverHostname)
        try context.pipeline.syncOperations.addHandler(tls, position: .first)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    /// Keeps the first failure: a TLS error followed by the close it causes reports the TLS error.
    func fail(_ error: any Error) {
        if failure == nil { failure = SMTPError(wrapping: error) }
        guard let waiter else { return }
        self.waiter = nil
        waiter.deadline.cancel()
        waiter.promise.fail(failure!)
    }

    private func failAndClose(_ error: SMTPError) -> EventLoopFuture<SMTPReply> {
        fail(error)
        context?.close(promise: nil)
        return eventLoop.makeFailedFuture(failure!)
    }
}
