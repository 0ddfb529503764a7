import Crypto
import Foundation

/// The content of BankID's animated QR code (RP API v6): `bankid.<qrStartToken>.<seconds>.<qrAuthCode>`,
/// where the auth code is HMAC-SHA256 over the decimal seconds since the order started, keyed with the
/// UTF-8 bytes of `qrStartSecret`. The secret never leaves the server; only this string does.
public enum BankIDQRCode {
    public static func content(qrStartToken: String, qrStartSecret: String, secondsSinceStart: Int) -> String {
        let seconds = String(max(secondsSinceStart, 0))
        let code = HMAC<SHA256>.authenticationCode(for: Data(seconds.utf8), using: SymmetricKey(data: Data(qrStartSecret.utf8)))
        let hex = Hex.encode(code)
        return "bankid.\(qrStartToken).\(seconds).\(hex)"
    }
}
