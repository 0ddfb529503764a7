import Crypto
import Foundation
import Logging

/// Finds the key-encryption key: the configured file in production, a key generated once into the data
/// directory in development and demo mode (with a warning), a fresh in-memory key in tests.
enum KeyEncryptionKeyLoader {
    static func load(config: AppConfig, logger: Logger) throws -> SymmetricKey {
        if let path = config.keyEncryptionKeyFile {
            return try read(path, setting: "LOTS_KEK_FILE")
        }
        if config.mode == .testing { return SymmetricKey(size: .bits256) }
        let directory = (config.dataDirectory as NSString).appendingPathComponent("keys")
        let path = (directory as NSString).appendingPathComponent("kek.b64")
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            guard FileManager.default.createFile(atPath: path, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw AppConfigError(problems: [.init(setting: "LOTS_DATA_DIR", message: "cannot write a key-encryption key to \(path)")])
            }
        }
        logger.warning("using the generated key-encryption key in \(path); production needs LOTS_KEK_FILE on separate storage")
        return try read(path, setting: "LOTS_DATA_DIR")
    }

    /// The file holds 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`).
    static func read(_ path: String, setting: String) throws -> SymmetricKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
            throw AppConfigError(problems: [.init(setting: setting, message: "\(path) must hold 32 random bytes in base64 (openssl rand -base64 32)")])
        }
        return SymmetricKey(data: bytes)
    }
}
