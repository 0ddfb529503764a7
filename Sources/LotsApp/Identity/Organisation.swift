import Fluent
import Foundation

/// A tenant, and the controller (personuppgiftsansvarig) of the personal data it holds.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    enum Kind: String, Codable, CaseIterable, Sendable {
        /// A provider of labour-market programmes such as Rusta och matcha 2.
        case caseManagement = "case_management"
        /// An operator of a partnership platform with registered members.
        case partnership
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: Kind
    @Field(key: "organisation_number") var organisationNumber: String
    @Field(key: "postal_address") var postalAddress: String
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "contact_phone") var contactPhone: String
    @Field(key: "dpo_contact") var dpoContact: String
    @Field(key: "supervisory_authority") var supervisoryAuthority: String

    init() {}

    init(id: UUID? = nil, slug: String, name: String, kind: Kind, organisationNumber: String, postalAddress: String,
         contactEmail: String, contactPhone: String, dpoContact: String, supervisoryAuthority: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.kind = kind
        self.organisationNumber = organisationNumber
        self.postalAddress = postalAddress
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.dpoContact = dpoContact
        self.supervisoryAuthority = supervisoryAuthority
    }
}

/// What views may show of an organisation.
struct OrganisationSummary: Sendable, Equatable {
    var id: UUID
    var slug: String
    var name: String
    var organisationNumber: String
    var postalAddress: String
    var contactEmail: String
    var contactPhone: String
    var dpoContact: String
    var supervisoryAuthority: String

    init(_ organisation: Organisation) throws {
        id = try organisation.requireID()
        slug = organisation.slug
        name = organisation.name
        organisationNumber = organisation.organisationNumber
        postalAddress = organisation.postalAddress
        contactEmail = organisation.contactEmail
        contactPhone = organisation.contactPhone
        dpoContact = organisation.dpoContact
        supervisoryAuthority = organisation.supervisoryAuthority
    }
}
