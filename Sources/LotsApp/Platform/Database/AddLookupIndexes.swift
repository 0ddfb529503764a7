import Fluent
import SQLKit

/// Indexes for the look-ups every page makes by participant, handledare, unit and mail-out. Foreign keys
/// are not indexed by SQLite or PostgreSQL on their own; without these a profile page reads whole tables,
/// which at a hundred thousand participants (and a million meetings) is the difference between
/// milliseconds and seconds.
struct AddLookupIndexes: AsyncMigration {
    var name: String { "036_add_lookup_indexes" }

    static let indexes: [(name: String, table: String, columns: String)] = [
        ("placements_participant", "placements", "participant_id"),
        ("placements_handledare", "placements", "handledare_id, starts_on"),
        ("placements_organisation_start", "placements", "organisation_id, starts_on"),
        ("placements_unit", "placements", "unit_id, starts_on"),
        ("participants_email", "participants", "organisation_id, email_index"),
        ("appointments_participant", "appointments", "participant_id, starts_at"),
        ("journal_entries_participant", "journal_entries", "participant_id, occurred_at"),
        ("disclosures_participant", "disclosures", "participant_id"),
        ("mail_out_recipients_participant", "mail_out_recipients", "participant_id, created_at"),
        ("mail_out_recipients_mail_out", "mail_out_recipients", "mail_out_id"),
        ("mail_outs_sender", "mail_outs", "organisation_id, sent_by, created_at"),
        ("participant_access_grants_lookup", "participant_access_grants", "participant_id, staff_account_id"),
        ("protected_identity_openings_participant", "protected_identity_openings", "participant_id, opened_at"),
        ("staff_role_assignments_account", "staff_role_assignments", "staff_account_id"),
        ("staff_role_assignments_role", "staff_role_assignments", "organisation_id, role"),
        ("group_activity_enrolments_participant", "group_activity_enrolments", "participant_id"),
        ("audit_events_organisation_time", "audit_events", "organisation_id, occurred_at_ms"),
    ]

    func prepare(on database: any Database) async throws {
        for index in Self.indexes {
            try await database.sql.raw("CREATE INDEX IF NOT EXISTS \(unsafeRaw: index.name) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns))").run()
        }
    }

    func revert(on database: any Database) async throws {
        for index in Self.indexes.reversed() {
            try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: index.name)").run()
        }
    }
}
