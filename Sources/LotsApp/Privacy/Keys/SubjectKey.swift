import Fluent
import Foundation

/// A data subject's own data key, stored only wrapped by the key-encryption key. Destroying it makes
/// every field encrypted under it unreadable ("crypto-shredding").
final class SubjectKey: Model, @unchecked Sendable {
    static let schema = "subject_keys"

    /// The data subject's id (a participant's or member's), not a separate key id.
    @ID(custom: "subject_id", generatedBy: .user) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "wrapped_key") var wrappedKey: String
    @Field(key: "kek_fingerprint") var kekFingerprint: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(subjectID: UUID, organisationID: UUID, wrappedKey: String, kekFingerprint: String) {
        self.id = subjectID
        self.organisationID = organisationID
        self.wrappedKey = wrappedKey
        self.kekFingerprint = kekFingerprint
    }
}

struct CreateSubjectKeys: AsyncMigration {
    var name: String { "015_create_subject_keys" }

    func prepare(on database: any Database) async throws {
        try await database.schema("subject_keys")
            .field("subject_id", .uuid, .identifier(auto: false))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("wrapped_key", .string, .required)
            .field("kek_fingerprint", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("subject_keys").delete()
    }
}
