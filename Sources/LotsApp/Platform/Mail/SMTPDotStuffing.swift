/// The transparency procedure of RFC 5321 §4.5.2 for the DATA phase.
public enum SMTPDotStuffing {
    /// Doubles a "." that starts a line (the server strips it again) and appends the terminating
    /// ".", after a CRLF if the data does not already end with one. Bare CR and LF become CRLF, since
    /// a lone LF followed by "." could otherwise end the data early on a lenient server.
    public static func stuff(_ data: some Sequence<UInt8>) -> [UInt8] {
        let cr: UInt8 = 13, lf: UInt8 = 10, dot: UInt8 = 46
        var output: [UInt8] = []
        output.reserveCapacity(data.underestimatedCount + 64)
        var atLineStart = true
        var previousWasCR = false
        for byte in data {
            if previousWasCR, byte == lf {
                previousWasCR = false
                continue  // the LF of a CRLF already written
            }
            previousWasCR = byte == cr
            if byte == cr || byte == lf {
                output += [cr, lf]
                atLineStart = true
                continue
            }
            if atLineStart, byte == dot { output.append(dot) }
            output.append(byte)
            atLineStart = false
        }
        if !atLineStart { output += [cr, lf] }
        output += [dot, cr, lf]
        return output
    }
}
