import Fluent
import LotsCore
import SQLKit

/// The audit trail and the head of its hash chain. Both databases refuse UPDATE and DELETE on events.
struct CreateAuditEvents: AsyncMigration {
    var name: String { "013_create_audit_events" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .field("sequence", .int64, .identifier(auto: false))
            .field("occurred_at_ms", .int64, .required)
            .field("organisation_id", .uuid)
            .field("actor_id", .uuid)
            .field("actor_role", .string)
            .field("action", .string, .required)
            .field("subject", .string)
            .field("purpose", .string)
            .field("result_count", .int)
            .field("query", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await database.schema("audit_chain_head")
            .field("id", .int, .identifier(auto: false))
            .field("sequence", .int64, .required)
            .field("hash", .string, .required)
            .create()
        let sql = database.sql
        try await sql.insert(into: "audit_chain_head").columns("id", "sequence", "hash").values(SQLBind(1), SQLBind(Int64(0)), SQLBind(AuditChain.genesis)).run()
        try await sql.create(index: "audit_events_subject").on("audit_events").column("organisation_id").column("subject").run()
        try await sql.create(index: "audit_events_actor").on("audit_events").column("actor_id").column("occurred_at_ms").run()
        if database.isPostgres {
            try await sql.raw("""
                CREATE FUNCTION lots_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$
                """).run()
            try await sql.raw("CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION lots_audit_append_only()").run()
            try await sql.raw("CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION lots_audit_append_only()").run()
        } else {
            try await sql.raw("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END").run()
            try await sql.raw("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_chain_head").delete()
        // Dropping the table drops its triggers; the audit trail is only ever removed with the whole schema.
        try await database.schema("audit_events").delete()
        if database.isPostgres { try await database.sql.raw("DROP FUNCTION IF EXISTS lots_audit_append_only()").run() }
    }
}
