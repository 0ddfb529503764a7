import Foundation
import Testing
@testable import LotsCore

@Suite struct HexTests {
    @Test func encodesLikeTheFormatter() {
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Hex.encode(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        }
    }
}
