import Fluent
import Foundation

/// A processing activity as shipped: the starting point of an organisation's record, which the
/// organisation then owns. Texts per language code.
struct ActivityTemplate: Sendable {
    var key: ProcessingActivityKey
    var name: [String: String]
    var data: [String: String]
    var purpose: [String: String]
    var categories: [DataCategory]
    var subjects: [String]
    var bases: [LegalBasis]
    var basisReference: String? = nil
    var special: SpecialCategoryBasis? = nil
    var specialReference: String? = nil
    var recipients: [String: String]
    var trigger: RetentionTrigger
    var period: String?
    var action: RetentionAction
    var retention: [String: String]

    /// Creates the organisation's record from templates, unless it already has one.
    static func seed(_ templates: [ActivityTemplate], security: [String: String], organisationID: UUID, on db: any Database) async throws {
        guard try await ProcessingActivity.query(on: db).filter(\.$organisationID == organisationID).count() == 0 else { return }
        for (position, template) in templates.enumerated() {
            let activity = ProcessingActivity()
            activity.organisationID = organisationID
            activity.key = template.key.rawValue
            activity.position = position + 1
            activity.name = template.name
            activity.purpose = template.purpose
            activity.dataDescription = template.data
            activity.dataCategories = template.categories.map(\.rawValue)
            activity.dataSubjects = template.subjects
            activity.legalBasis = template.bases.map(\.rawValue)
            activity.legalBasisReference = template.basisReference
            activity.specialCategoryBasis = template.special?.rawValue
            activity.specialCategoryReference = template.specialReference
            activity.recipients = template.recipients
            activity.thirdCountryTransfers = false
            activity.retentionTrigger = template.trigger.rawValue
            activity.retentionPeriod = template.period
            activity.retentionAction = template.action.rawValue
            activity.retentionDescription = template.retention
            activity.securityMeasures = security
            try await activity.create(on: db)
        }
    }
}
