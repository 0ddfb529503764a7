import Crypto
import Foundation
import Testing
@testable import LotsCore

/// The pooled random values are what their Foundation and swift-crypto counterparts make, and never repeat.
@Suite struct SecureRandomTests {
    @Test func uuidsAreVersionFourAndDistinct() {
        // More than one pool's worth (4 KiB is 256 UUIDs), so refills are crossed several times.
        let ids = (0..<2_000).map { _ in SecureRandom.uuid() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let text = UUIDText.lowercase(id)
            #expect(Array(text)[14] == "4", "version 4: \(text)")
            #expect("89ab".contains(Array(text)[19]), "RFC 4122 variant: \(text)")
            #expect(UUIDText.parse(text) == id)
        }
    }

    @Test func keysAreFullLengthAndDistinct() {
        let keys = (0..<500).map { _ in SecureRandom.key().withUnsafeBytes { Data($0) } }
        #expect(keys.allSatisfy { $0.count == 32 })
        #expect(Set(keys).count == keys.count)
        #expect(!keys.contains(Data(count: 32)), "a wiped pool is never handed out")
    }

    @Test func sealingUsesAFreshNonceEachTime() throws {
        let key = SymmetricKey(size: .bits256)
        let location = FieldCipher.Location(table: "t", column: "c", rowID: "r")
        let sealed = try (0..<1_000).map { _ in try FieldCipher.seal("same text", key: key, at: location) }
        #expect(Set(sealed.map { $0.prefix(12) }).count == sealed.count, "no nonce repeats")
        #expect(try sealed.allSatisfy { try FieldCipher.open($0, key: key, at: location) == "same text" })
    }
}
