import Crypto
import Foundation

/// Envelope encryption: a data key is stored only sealed by a key-encryption key (AES-256-GCM), with a
/// context string as associated data so a wrapped key cannot be moved to another owner or purpose.
public enum KeyWrapping {
    public enum Failure: Error, Equatable {
        /// Wrong key-encryption key, tampered ciphertext or a context that does not match.
        case cannotUnwrap
    }

    public static func wrap(_ key: SymmetricKey, with kek: SymmetricKey, context: String) throws -> Data {
        let plain = key.withUnsafeBytes { Data($0) }
        guard let sealed = try AES.GCM.seal(plain, using: kek, nonce: SecureRandom.nonce(), authenticating: Data(context.utf8)).combined else {
            throw Failure.cannotUnwrap
        }
        return sealed
    }

    public static func unwrap(_ wrapped: Data, with kek: SymmetricKey, context: String) throws(Failure) -> SymmetricKey {
        do {
            let box = try AES.GCM.SealedBox(combined: wrapped)
            return SymmetricKey(data: try AES.GCM.open(box, using: kek, authenticating: Data(context.utf8)))
        } catch {
            throw .cannotUnwrap
        }
    }

    /// A short, non-secret name for a key-encryption key, stored beside what it wrapped so rotation knows
    /// which rows still need rewrapping.
    public static func fingerprint(of kek: SymmetricKey) -> String {
        let digest = kek.withUnsafeBytes { SHA256.hash(data: Data("lots.kek.fingerprint".utf8) + Data($0)) }
        return Hex.encode(digest.prefix(8))
    }
}
