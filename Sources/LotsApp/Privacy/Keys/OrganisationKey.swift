import Fluent
import Foundation

/// An organisation's key for one purpose, stored only wrapped by the key-encryption key.
final class OrganisationKey: Model, @unchecked Sendable {
    static let schema = "organisation_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "wrapped_key") var wrappedKey: String
    @Field(key: "kek_fingerprint") var kekFingerprint: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, purpose: String, wrappedKey: String, kekFingerprint: String) {
        self.id = UUID()
        self.organisationID = organisationID
        self.purpose = purpose
        self.wrappedKey = wrappedKey
        self.kekFingerprint = kekFingerprint
    }
}

struct CreateOrganisationKeys: AsyncMigration {
    var name: String { "009_create_organisation_keys" }

    func prepare(on database: any Database) async throws {
        try await database.schema("organisation_keys")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("purpose", .string, .required)
            .field("wrapped_key", .string, .required)
            .field("kek_fingerprint", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "purpose")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisation_keys").delete()
    }
}
