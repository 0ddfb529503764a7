import Fluent
import Foundation

/// A person taking part in a placement. Every identifying or descriptive field is ciphertext under the
/// participant's own data key (see `SealedField`); only blind indexes and non-personal facts are in clear.
final class Participant: Model, @unchecked Sendable {
    static let schema = "participants"
    /// The blind-index domain of participants' personnummer or samordningsnummer.
    static let personalNumberField = "participants.personal_number"
    /// The blind-index domain of participants' e-mail addresses.
    static let emailField = "participants.email"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "personal_number_index") var personalNumberIndex: String
    @OptionalField(key: "email_index") var emailIndex: String?
    @Field(key: "given_name") var givenName: Data
    @Field(key: "family_name") var familyName: Data
    @Field(key: "personal_number") var personalNumber: Data
    @OptionalField(key: "phone") var phone: Data?
    @OptionalField(key: "email") var email: Data?
    @OptionalField(key: "address") var address: Data?
    @OptionalField(key: "gender") var gender: Data?
    @OptionalField(key: "education") var education: Data?
    @OptionalField(key: "work_experience") var workExperience: Data?
    @OptionalField(key: "interpreter_language") var interpreterLanguage: Data?
    /// Skyddade personuppgifter: contact details are hidden everywhere unless explicitly opened.
    @Field(key: "protected_identity") var protectedIdentity: Bool
    /// The participant asked not to get mail-outs.
    @Field(key: "mail_opt_out") var mailOptOut: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One placement of a participant with the provider, as decided by Arbetsförmedlingen. A new
/// genomförandereferens for a known person is a new placement of the same participant.
final class Placement: Model, @unchecked Sendable {
    static let schema = "placements"
    /// The blind-index domain of genomförandereferenser (the case number staff search by).
    static let caseNumberField = "placements.implementation_reference"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "handledare_id") var handledareID: UUID?
    @Field(key: "implementation_reference_index") var implementationReferenceIndex: String
    @Field(key: "implementation_reference") var implementationReference: Data
    @OptionalField(key: "reference_number") var referenceNumber: Data?
    @Field(key: "level") var level: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// AF's order number for the assignment (encrypted).
    @OptionalField(key: "order_number") var orderNumber: Data?
    /// Deltagandegrad: the share of full time the participant takes part, in per cent.
    @OptionalField(key: "participation_rate") var participationRate: Int?
    /// The AF case officer's contact details as AF gave them (encrypted).
    @OptionalField(key: "case_officer") var caseOfficer: Data?

    init() {}
}

struct AddPlacementAssignmentFields: AsyncMigration {
    var name: String { "026_add_placement_assignment_fields" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema("placements").field("order_number", .data).update()
        try await database.schema("placements").field("participation_rate", .int).update()
        try await database.schema("placements").field("case_officer", .data).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["case_officer", "participation_rate", "order_number"] {
            try await database.schema("placements").deleteField(.init(stringLiteral: field)).update()
        }
    }
}
