import Crypto
import Fluent
import Foundation
import LotsCore
import SQLKit
import Vapor

/// Writes signed checkpoints of the audit trail to a file outside the database, and checks them.
struct AuditCheckpointer: Sendable {
    var file: String
    var key: Curve25519.Signing.PrivateKey
    var clock: any LotsClock

    /// Signs every event written since the last checkpoint (at most `limit`). Returns the new checkpoint, if any.
    @discardableResult
    func checkpoint(on database: any Database, limit: Int = 50_000) async throws -> AuditCheckpoint? {
        let after = try readAll().last?.toSequence ?? 0
        let rows = try await database.sql.raw("""
            SELECT sequence, hash FROM audit_events WHERE sequence > \(bind: after) ORDER BY sequence LIMIT \(unsafeRaw: String(limit))
            """).all()
        guard !rows.isEmpty else { return nil }
        let hashes = try rows.map { try $0.decode(column: "hash", as: String.self) }
        let checkpoint = try AuditCheckpoint.make(hashes: hashes, fromSequence: after + 1,
                                                  signedAtMilliseconds: Int64(clock.now().timeIntervalSince1970 * 1000), key: key)
        try append(checkpoint)
        return checkpoint
    }

    /// The first checkpoint whose events no longer match it, or nil when all match.
    func firstMismatch(on database: any Database) async throws -> AuditCheckpoint? {
        for checkpoint in try readAll() {
            let rows = try await database.sql.raw("""
                SELECT hash FROM audit_events WHERE sequence >= \(bind: checkpoint.fromSequence) AND sequence <= \(bind: checkpoint.toSequence) ORDER BY sequence
                """).all()
            let hashes = try rows.map { try $0.decode(column: "hash", as: String.self) }
            if !checkpoint.matches(hashes: hashes, publicKey: key.publicKey) { return checkpoint }
        }
        return nil
    }

    func readAll() throws -> [AuditCheckpoint] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(AuditCheckpoint.self, from: Data($0.utf8)) }
    }

    private func append(_ checkpoint: AuditCheckpoint) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let line = try encoder.encode(checkpoint) + Data("\n".utf8)
        if !FileManager.default.fileExists(atPath: file) {
            FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.synchronize()
    }
}

/// The scheduled job that writes checkpoints.
struct AuditCheckpointJob: JobHandler {
    var name: String { "audit.checkpoint" }

    func run(_ job: JobContext) async throws {
        try await job.application.auditCheckpointer.checkpoint(on: job.database)
    }
}

extension Application {
    private struct AuditSigningKeyKey: StorageKey { typealias Value = Curve25519.Signing.PrivateKey }

    var auditSigningKey: Curve25519.Signing.PrivateKey {
        get { required(AuditSigningKeyKey.self, "the audit signing key") }
        set { storage[AuditSigningKeyKey.self] = newValue }
    }

    var auditCheckpointer: AuditCheckpointer {
        AuditCheckpointer(file: config.auditCheckpointFile, key: auditSigningKey, clock: clock)
    }
}
