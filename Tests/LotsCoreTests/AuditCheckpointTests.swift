import Crypto
import Foundation
import Testing
import LotsCore

@Suite struct AuditCheckpointTests {
    let key = Curve25519.Signing.PrivateKey()
    let hashes = (1...13).map { String(repeating: String($0 % 10), count: 64) }

    @Test func signedCheckpointMatchesItsEvents() throws {
        let checkpoint = try AuditCheckpoint.make(hashes: hashes, fromSequence: 101, signedAtMilliseconds: 1, key: key)
        #expect(checkpoint.toSequence == 113)
        #expect(checkpoint.matches(hashes: hashes, publicKey: key.publicKey))
    }

    @Test func anyChangeIsCaught() throws {
        let checkpoint = try AuditCheckpoint.make(hashes: hashes, fromSequence: 1, signedAtMilliseconds: 1, key: key)
        var edited = hashes
        edited[6] = String(repeating: "f", count: 64)
        #expect(!checkpoint.matches(hashes: edited, publicKey: key.publicKey))
        #expect(!checkpoint.matches(hashes: Array(hashes.dropLast()), publicKey: key.publicKey))
        #expect(!checkpoint.matches(hashes: hashes, publicKey: Curve25519.Signing.PrivateKey().publicKey), "another key")
        var forged = checkpoint
        forged.merkleRoot = MerkleTree.root(edited)
        #expect(!forged.matches(hashes: edited, publicKey: key.publicKey), "a recomputed root without the key's signature")
    }

    @Test func merkleRootDependsOnOrderAndEveryLeaf() {
        #expect(MerkleTree.root(hashes) != MerkleTree.root(hashes.reversed()))
        #expect(MerkleTree.root(["a"]) != MerkleTree.root(["a", "a"]))
        #expect(MerkleTree.root(Array(hashes.prefix(4))) == MerkleTree.root(Array(hashes.prefix(4))))
    }
}
