import Vapor

/// `lots audit verify`: recomputes the audit hash chain and names the first event that was changed,
/// removed or reordered. Exits non-zero when the chain is broken.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Verifies the audit trail's hash chain." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw AuditCommandError.unknownAction(signature.action) }
        let app = context.application
        try await app.migrateAndTune()
        let report = try await AuditVerifier.verify(on: app.db)
        if let broken = report.firstBreak {
            let what = switch broken {
            case .contentChanged: "its content was changed after it was written"
            case .linkBroken: "it does not follow the event before it (events removed, inserted or reordered)"
            case .gap: "the event is missing"
            }
            context.console.error("The audit trail is broken at event #\(broken.sequence): \(what). \(report.verified) events before it are intact.")
            throw AuditCommandError.broken
        }
        if report.headMismatch {
            context.console.error("The audit trail's last events are missing: the chain head does not match event #\(report.verified).")
            throw AuditCommandError.broken
        }
        if let mismatch = try await app.auditCheckpointer.firstMismatch(on: app.db) {
            context.console.error("The audit trail no longer matches the signed checkpoint of events #\(mismatch.fromSequence)–#\(mismatch.toSequence): events in that range were rewritten.")
            throw AuditCommandError.broken
        }
        let checkpoints = try app.auditCheckpointer.readAll().count
        context.console.info("The audit trail is intact: \(report.verified) events verified, \(checkpoints) signed checkpoints match.")
    }
}

enum AuditCommandError: Error, CustomStringConvertible {
    case unknownAction(String)
    case broken

    var description: String {
        switch self {
        case .unknownAction(let action): "Unknown action \"\(action)\"; use: lots audit verify"
        case .broken: "audit verification failed"
        }
    }
}

extension Application {
    private struct AuditLogKey: StorageKey { typealias Value = AuditLog }

    var auditLog: AuditLog {
        get { required(AuditLogKey.self, "the audit log") }
        set { storage[AuditLogKey.self] = newValue }
    }
}
