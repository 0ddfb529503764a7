import Fluent
import Foundation

/// A handledare's time-limited access to a colleague's participant, given for a stated reason. Every
/// grant and every opening under it is audited.
final class ParticipantAccessGrant: Model, @unchecked Sendable {
    static let schema = "participant_access_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "staff_account_id") var staffAccountID: UUID
    @Field(key: "reason") var reason: String
    /// Free-text explanation, ciphertext under the participant's key (it may say something about them).
    @OptionalField(key: "explanation") var explanation: Data?
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// Why a handledare opens a participant who is not theirs. Stored and audited by raw value.
enum AccessReason: String, CaseIterable, Sendable, Codable {
    /// Standing in for an absent colleague.
    case coveringAbsence = "covering_absence"
    /// The participant contacted the office and their own handledare is unavailable.
    case participantContact = "participant_contact"
    /// A meeting or activity held together with the assigned handledare.
    case jointWork = "joint_work"
    /// The participant is being handed over to this handledare.
    case handover
}

struct CreateParticipantAccessGrants: AsyncMigration {
    var name: String { "018_create_participant_access_grants" }

    func prepare(on database: any Database) async throws {
        try await database.schema("participant_access_grants")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("staff_account_id", .uuid, .required, .references("staff_accounts", "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("explanation", .data)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("participant_access_grants").delete()
    }
}
