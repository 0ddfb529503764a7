import Crypto
import Foundation
import Logging

/// Finds the key-encryption key: the configured file in production, a key generated once into the data
/// directory in development and demo mode (with a warning), a fresh in-memory key in tests.
enum KeyEncryptionKeyLoader {
    static func load(config: AppConfig, logger: Logger) throws -> SymmetricKey {
        SymmetricKey(data: try secret(configured: config.keyEncryptionKeyFile, setting: "LOTS_KEK_FILE", generatedName: "kek.b64",
                                      config: config, logger: logger))
    }

    /// The previous key-encryption key, during a rotation.
    static func loadPrevious(config: AppConfig) throws -> [SymmetricKey] {
        guard let path = config.previousKeyEncryptionKeyFile else { return [] }
        return [SymmetricKey(data: try read(path, setting: "LOTS_KEK_PREVIOUS_FILE"))]
    }

    /// The audit checkpoint signing key (Ed25519), found the same way from `LOTS_AUDIT_KEY_FILE`.
    static func loadAuditSigningKey(config: AppConfig, logger: Logger) throws -> Curve25519.Signing.PrivateKey {
        let bytes = try secret(configured: config.auditSigningKeyFile, setting: "LOTS_AUDIT_KEY_FILE", generatedName: "audit-signing.b64",
                               config: config, logger: logger)
        return try Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
    }

    /// 32 secret bytes: from the configured file, fresh in tests, or generated once into the data directory.
    private static func secret(configured: String?, setting: String, generatedName: String, config: AppConfig, logger: Logger) throws -> Data {
        if let path = configured {
            return try read(path, setting: setting)
        }
        if config.mode == .testing { return SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) } }
        let directory = (config.dataDirectory as NSString).appendingPathComponent("keys")
        let path = (directory as NSString).appendingPathComponent(generatedName)
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            guard FileManager.default.createFile(atPath: path, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw AppConfigError(problems: [.init(setting: "LOTS_DATA_DIR", message: "cannot write a key-encryption key to \(path)")])
            }
        }
        logger.warning("using the generated key in \(path); production needs \(setting) on separate storage")
        return try read(path, setting: "LOTS_DATA_DIR")
    }

    /// The file holds 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`).
    static func read(_ path: String, setting: String) throws -> Data {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
            throw AppConfigError(problems: [.init(setting: setting, message: "\(path) must hold 32 random bytes in base64 (openssl rand -base64 32)")])
        }
        return bytes
    }
}
