import Crypto
import Foundation
import LotsCore
import Vapor

/// `lots keys generate --file FILE` writes a new key-encryption key; `lots keys rotate` rewraps every key with
/// the current one (LOTS_KEK_FILE), reading those still wrapped by the old one (LOTS_KEK_PREVIOUS_FILE).
///
/// Rotation: generate a new key; restart with LOTS_KEK_FILE = new and LOTS_KEK_PREVIOUS_FILE = old
/// (everything keeps working, new keys are wrapped by the new one); run `lots keys rotate`; remove
/// LOTS_KEK_PREVIOUS_FILE and restart; destroy the old key.
struct KeysCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "generate | rotate")
        var action: String

        @Option(name: "file", help: "for generate: where to write the new key (must not exist)")
        var file: String?
    }

    var help: String { "Generates a key-encryption key, or rotates every stored key to the current one." }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch signature.action {
        case "generate":
            guard let path = signature.file else { throw KeysCommandError.usage }
            guard !FileManager.default.fileExists(atPath: path) else { throw KeysCommandError.exists(path) }
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            guard FileManager.default.createFile(atPath: path, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw KeysCommandError.cannotWrite(path)
            }
            context.console.info("Wrote a new key-encryption key to \(path) (fingerprint \(KeyWrapping.fingerprint(of: SymmetricKey(data: Data(base64Encoded: key)!)))).")
        case "rotate":
            let app = context.application
            try await app.migrateAndTune()
            let rotation = KeyRotation(keyRing: app.keyRing, audit: app.auditLog)
            let report = try await rotation.run(on: app.db) { progress in
                context.console.output("rewrapped \(progress.organisationKeys) organisation keys, \(progress.subjectKeys) personal keys…".consoleText())
            }
            context.console.info("All keys are now wrapped by \(app.keyRing.fingerprint): \(report.organisationKeys) organisation keys and \(report.subjectKeys) personal keys were rewrapped. LOTS_KEK_PREVIOUS_FILE can be removed.")
        default:
            throw KeysCommandError.usage
        }
    }
}

enum KeysCommandError: Error, CustomStringConvertible {
    case usage
    case exists(String)
    case cannotWrite(String)

    var description: String {
        switch self {
        case .usage: "Use: lots keys generate --file FILE | lots keys rotate"
        case .exists(let path): "\(path) exists already; a key file is never overwritten"
        case .cannotWrite(let path): "cannot write \(path)"
        }
    }
}
