import Fluent
import Foundation

/// A personal account of an employee of an organisation. Every user has their own; accounts are never shared.
final class StaffAccount: Model, @unchecked Sendable {
    static let schema = "staff_accounts"
    /// The blind-index domain of staff personnummer.
    static let personalNumberField = "staff_accounts.personal_number"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "display_name") var displayName: String
    @Field(key: "active") var active: Bool
    @OptionalField(key: "preferred_language") var preferredLanguage: String?
    /// Blind index of the personnummer (the number itself is not stored).
    @OptionalField(key: "personal_number_index") var personalNumberIndex: String?

    init() {}

    init(id: UUID? = nil, organisationID: UUID, displayName: String, active: Bool = true, preferredLanguage: String? = nil) {
        self.id = id
        self.$organisation.id = organisationID
        self.displayName = displayName
        self.active = active
        self.preferredLanguage = preferredLanguage
    }
}

/// One role of one staff member, for the whole organisation (no unit) or one unit.
final class StaffRoleAssignment: Model, @unchecked Sendable {
    static let schema = "staff_role_assignments"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "staff_account_id") var staffAccount: StaffAccount
    @Parent(key: "organisation_id") var organisation: Organisation
    @OptionalParent(key: "unit_id") var unit: OrganisationUnit?
    @Enum(key: "role") var role: StaffRole

    init() {}

    init(id: UUID? = nil, staffAccountID: UUID, organisationID: UUID, unitID: UUID?, role: StaffRole) {
        self.id = id
        self.$staffAccount.id = staffAccountID
        self.$organisation.id = organisationID
        self.$unit.id = unitID
        self.role = role
    }
}
