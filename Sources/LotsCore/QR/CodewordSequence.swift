/// Turns text into the final codeword sequence: data stream, terminator, padding, then error correction
/// blocks, interleaved as ISO/IEC 18004 7.4–7.6 prescribe.
enum CodewordSequence {
    /// Mode indicator, count, payload, terminator and padding, exactly filling the data capacity.
    static func dataCodewords(_ utf8: [UInt8], mode: EncodingMode, version: Int, level: QRCode.ErrorCorrection) -> [UInt8] {
        let capacityBits = VersionTable.dataCodewords(version: version, level: level) * 8
        var buffer = BitBuffer()
        mode.append(utf8, version: version, to: &buffer)
        precondition(buffer.count <= capacityBits, "caller chose a version that is too small")
        // The terminator is cut short when the data leaves fewer than four bits.
        buffer.append(0, bitCount: min(4, capacityBits - buffer.count))
        // Zero bits up to the next codeword boundary only; none when the stream already ends on one.
        buffer.append(0, bitCount: (8 - buffer.count % 8) % 8)
        var codewords = buffer.bytes
        for index in 0..<(capacityBits / 8 - codewords.count) {
            codewords.append(index % 2 == 0 ? 0xEC : 0x11)
        }
        return codewords
    }

    /// Splits the data into blocks, appends each block's Reed–Solomon codewords, and interleaves:
    /// the i-th data codeword of every block in turn, then the same for error correction codewords.
    static func interleaved(_ data: [UInt8], version: Int, level: QRCode.ErrorCorrection) -> [UInt8] {
        let blockCount = VersionTable.blockCount(version: version, level: level)
        let eccCount = VersionTable.eccCodewordsPerBlock(version: version, level: level)
        let total = VersionTable.totalCodewords(version: version)
        precondition(data.count == total - blockCount * eccCount)
        // When the codewords do not divide evenly, the last blocks carry one extra data codeword.
        let longBlocks = total % blockCount
        let shortDataLength = total / blockCount - eccCount
        let generator = ReedSolomon.generator(degree: eccCount)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var start = data.startIndex
        for index in 0..<blockCount {
            let length = shortDataLength + (index >= blockCount - longBlocks ? 1 : 0)
            dataBlocks.append(data[start..<start + length])
            start += length
        }
        let eccBlocks = dataBlocks.map { ReedSolomon.remainder(of: Array($0), generator: generator) }

        var result: [UInt8] = []
        result.reserveCapacity(total)
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<eccCount {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }
}
