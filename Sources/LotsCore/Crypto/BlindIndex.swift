import Crypto
import Foundation

/// A keyed hash of an identifier (HMAC-SHA256), so rows can be found by personnummer, case number or
/// e-mail without the identifier being stored or searchable in clear. Callers pass the canonical form
/// (12-digit personnummer, lower-cased e-mail). Health and ethnicity data never get one.
public enum BlindIndex {
    public static func compute(_ canonicalValue: String, key: SymmetricKey, domain: String) -> String {
        // The domain separates indexes of different fields that might share a value.
        let message = Data("\(domain)\u{0}\(canonicalValue)".utf8)
        return Hex.encode(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }
}
