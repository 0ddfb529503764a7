import Fluent
import SQLKit

/// On SQLite, the chain head moves with every inserted audit event, inside the INSERT's own transaction, so a
/// batch of events needs one statement and the head can never fall behind the events. (PostgreSQL keeps the
/// explicit update under the head row's lock, which orders writers across servers.)
struct AuditHeadFollowsEvents: AsyncMigration {
    var name: String { "037_audit_head_follows_events" }

    func prepare(on database: any Database) async throws {
        guard !database.isPostgres else { return }
        try await database.sql.raw("""
            CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events BEGIN
            UPDATE audit_chain_head SET sequence = NEW.sequence, hash = NEW.hash WHERE id = 1 AND sequence < NEW.sequence; END
            """).run()
    }

    func revert(on database: any Database) async throws {
        guard !database.isPostgres else { return }
        try await database.sql.raw("DROP TRIGGER IF EXISTS audit_events_move_head").run()
    }
}
