import NIOCore

/// Frames SMTP replies (RFC 5321 §4.2): lines of "NNN-text" continued until a line "NNN text".
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// RFC 5321 allows 512 bytes a line; some servers exceed that, but unbounded buffering would
    /// let a hostile server exhaust memory.
    static let maxLineLength = 4096
    static let maxLines = 200

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        // Work on a copy so an incomplete reply leaves the buffer untouched.
        var view = buffer
        var code: Int?
        var lines: [String] = []
        while true {
            let bytes = view.readableBytesView
            guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
                if view.readableBytes > Self.maxLineLength { throw SMTPError.protocolViolation("reply line too long") }
                return .needMoreData
            }
            let length = bytes.distance(from: bytes.startIndex, to: newline) + 1
            guard length <= Self.maxLineLength + 2, lines.count < Self.maxLines else {
                throw SMTPError.protocolViolation("reply too long")
            }
            var line = Array(view.readBytes(length: length)!.dropLast())
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            let (lineCode, isLast, text) = try Self.parse(line)
            if let code, code != lineCode { throw SMTPError.protocolViolation("reply code changed within a reply") }
            code = lineCode
            lines.append(text)
            if isLast { break }
        }
        buffer.moveReaderIndex(to: view.readerIndex)
        context.fireChannelRead(wrapInboundOut(SMTPReply(code: code!, lines: lines, trailingBytes: buffer.readableBytes)))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A half reply at end of stream is dropped; the handler reports the closed connection.
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    private static func parse(_ line: [UInt8]) throws -> (code: Int, isLast: Bool, text: String) {
        let digits = line.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let code = Int(String(decoding: digits, as: UTF8.self)), (200..<600).contains(code)
        else { throw SMTPError.protocolViolation("malformed reply line") }
        guard line.count > 3 else { return (code, true, "") }
        switch line[3] {
        case UInt8(ascii: "-"): return (code, false, String(decoding: line.dropFirst(4), as: UTF8.self))
        case UInt8(ascii: " "): return (code, true, String(decoding: line.dropFirst(4), as: UTF8.self))
        default: throw SMTPError.protocolViolation("malformed reply line")
        }
    }
}
