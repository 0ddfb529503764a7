import Fluent
import Foundation

/// One row of an organisation's record of processing activities (GDPR Art. 30(1)). Texts are kept per
/// language (`sv`, `en`, `fi`); the structured fields drive retention, register extracts and the notice.
final class ProcessingActivity: Model, @unchecked Sendable {
    static let schema = "processing_activities"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "key") var key: String
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: [String: String]
    @Field(key: "purpose") var purpose: [String: String]
    @Field(key: "data_description") var dataDescription: [String: String]
    @Field(key: "data_categories") var dataCategories: [String]
    @Field(key: "data_subjects") var dataSubjects: [String]
    @Field(key: "legal_basis") var legalBasis: [String]
    @OptionalField(key: "legal_basis_reference") var legalBasisReference: String?
    @OptionalField(key: "special_category_basis") var specialCategoryBasis: String?
    @OptionalField(key: "special_category_reference") var specialCategoryReference: String?
    @Field(key: "recipients") var recipients: [String: String]
    @Field(key: "third_country_transfers") var thirdCountryTransfers: Bool
    @Field(key: "retention_trigger") var retentionTrigger: String
    @OptionalField(key: "retention_period") var retentionPeriod: String?
    @Field(key: "retention_action") var retentionAction: String
    @Field(key: "retention_description") var retentionDescription: [String: String]
    @Field(key: "security_measures") var securityMeasures: [String: String]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

struct CreateProcessingActivities: AsyncMigration {
    var name: String { "019_create_processing_activities" }

    func prepare(on database: any Database) async throws {
        try await database.schema("processing_activities")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("position", .int, .required)
            .field("name", .dictionary(of: .string), .required)
            .field("purpose", .dictionary(of: .string), .required)
            .field("data_description", .dictionary(of: .string), .required)
            .field("data_categories", .array(of: .string), .required)
            .field("data_subjects", .array(of: .string), .required)
            .field("legal_basis", .array(of: .string), .required)
            .field("legal_basis_reference", .string)
            .field("special_category_basis", .string)
            .field("special_category_reference", .string)
            .field("recipients", .dictionary(of: .string), .required)
            .field("third_country_transfers", .bool, .required)
            .field("retention_trigger", .string, .required)
            .field("retention_period", .string)
            .field("retention_action", .string, .required)
            .field("retention_description", .dictionary(of: .string), .required)
            .field("security_measures", .dictionary(of: .string), .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("processing_activities").delete()
    }
}
