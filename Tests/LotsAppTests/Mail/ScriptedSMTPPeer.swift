import Foundation
import NIOCore
import NIOPosix

/// A deliberately misbehaving server for attacks aiosmtpd will not stage: it answers each command
/// verb with fixed bytes, whatever they are.
enum ScriptedSMTPPeer {
    static func start(replies: [String: String]) async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(replies: replies))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let replies: [String: String]
        var pending: [UInt8] = []

        init(replies: [String: String]) { self.replies = replies }

        func channelActive(context: ChannelHandlerContext) {
            send(replies["greeting"] ?? "220 scripted ready\r\n", context: context)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            pending += Array(buffer: unwrapInboundIn(data))
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                let verb = line.split(separator: " ").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() } ?? ""
                if let reply = replies[verb] { send(reply, context: context) }
            }
        }

        private func send(_ text: String, context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
        }
    }
}
