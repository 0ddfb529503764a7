import Crypto
import Foundation

/// A signed statement that events `fromSequence...toSequence` had exactly these hashes: the Merkle root
/// over them, signed with an Ed25519 key kept outside the database. Someone who can rewrite the
/// database and recompute the chain still cannot produce a matching signature.
public struct AuditCheckpoint: Codable, Sendable, Equatable {
    public var fromSequence: Int64
    public var toSequence: Int64
    /// Hex SHA-256 Merkle root over the events' hashes, in sequence order.
    public var merkleRoot: String
    /// The hash of the last event, so the next checkpoint's chain can be tied to this one.
    public var lastHash: String
    public var signedAtMilliseconds: Int64
    /// Hex of the first 8 bytes of SHA-256 over the public key: which key signed.
    public var keyID: String
    /// Base64 Ed25519 signature over `signedBytes`.
    public var signature: String

    public var signedBytes: Data {
        Data("lots-audit-checkpoint-v1;\(fromSequence);\(toSequence);\(merkleRoot);\(lastHash);\(signedAtMilliseconds);\(keyID)".utf8)
    }

    public static func make(hashes: [String], fromSequence: Int64, signedAtMilliseconds: Int64,
                            key: Curve25519.Signing.PrivateKey) throws -> AuditCheckpoint {
        precondition(!hashes.isEmpty, "a checkpoint covers at least one event")
        var checkpoint = AuditCheckpoint(
            fromSequence: fromSequence, toSequence: fromSequence + Int64(hashes.count) - 1, merkleRoot: MerkleTree.root(hashes),
            lastHash: hashes[hashes.count - 1], signedAtMilliseconds: signedAtMilliseconds, keyID: keyID(key.publicKey), signature: "")
        checkpoint.signature = try key.signature(for: checkpoint.signedBytes).base64EncodedString()
        return checkpoint
    }

    /// True when the signature is the key's and the root matches these hashes.
    public func matches(hashes: [String], publicKey: Curve25519.Signing.PublicKey) -> Bool {
        guard let signatureData = Data(base64Encoded: signature), keyID == Self.keyID(publicKey),
              publicKey.isValidSignature(signatureData, for: signedBytes) else { return false }
        return Int64(hashes.count) == toSequence - fromSequence + 1 && MerkleTree.root(hashes) == merkleRoot && hashes.last == lastHash
    }

    public static func keyID(_ key: Curve25519.Signing.PublicKey) -> String {
        Hex.encode(SHA256.hash(data: key.rawRepresentation).prefix(8))
    }
}

/// A binary Merkle tree over hex hashes (SHA-256, leaves and nodes domain-separated; an odd node is
/// carried up unchanged).
public enum MerkleTree {
    public static func root(_ hashes: [String]) -> String {
        guard !hashes.isEmpty else { return String(repeating: "0", count: 64) }
        var level = hashes.map { digest(0x00, Data($0.utf8)) }
        while level.count > 1 {
            var next: [Data] = []
            var index = 0
            while index < level.count {
                if index + 1 < level.count { next.append(digest(0x01, level[index] + level[index + 1])) } else { next.append(level[index]) }
                index += 2
            }
            level = next
        }
        return Hex.encode(level[0])
    }

    private static func digest(_ prefix: UInt8, _ data: Data) -> Data {
        Data(SHA256.hash(data: Data([prefix]) + data))
    }
}
