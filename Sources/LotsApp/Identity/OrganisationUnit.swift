import Fluent
import Foundation

/// A part of an organisation that runs a programme at one place, e.g. "Rusta och matcha, Stockholm".
final class OrganisationUnit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String

    init() {}

    init(id: UUID? = nil, organisationID: UUID, name: String) {
        self.id = id
        self.$organisation.id = organisationID
        self.name = name
    }
}
