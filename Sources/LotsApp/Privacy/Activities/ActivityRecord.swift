import Fluent
import Foundation

/// The record of processing activities as read by the data-protection officer, in one language, with
/// the columns of Lots that hold data for each activity (from `PersonalDataCatalogue`).
enum ActivityRecord {
    struct Row: Sendable, Equatable, Codable {
        var position: Int
        var key: String
        var name: String
        var purpose: String
        var data: String
        var dataCategories: [String]
        var dataSubjects: [String]
        var legalBasis: [String]
        var legalBasisReference: String?
        var specialCategoryBasis: String?
        var specialCategoryReference: String?
        var recipients: String
        var thirdCountryTransfers: Bool
        var retentionTrigger: String
        var retentionPeriod: String?
        var retentionAction: String
        var retention: String
        var securityMeasures: String
        var rights: [String]
        var storedIn: [String]

        /// Special-category data listed without an Art. 9(2) exception: the DPO must complete it.
        var needsSpecialCategoryBasis: Bool {
            specialCategoryBasis == nil && dataCategories.contains { DataCategory(rawValue: $0)?.sensitivity == .special }
        }
    }

    static func rows(organisationID: UUID, language: String, on db: any Database) async throws -> [Row] {
        try await ProcessingActivity.query(on: db).filter(\.$organisationID == organisationID).sort(\.$position).all().map { activity in
            let text = { (values: [String: String]) in values[language] ?? values["sv"] ?? values.values.sorted().first ?? "" }
            let bases = activity.legalBasis.compactMap(LegalBasis.init(rawValue:))
            let columns = PersonalDataCatalogue.tables.flatMap { table in
                table.columns.compactMap { column, kind -> String? in
                    guard case .personal(_, let key, _, _) = kind, key.rawValue == activity.key else { return nil }
                    return "\(table.name).\(column)"
                }
            }.sorted()
            return Row(position: activity.position, key: activity.key, name: text(activity.name), purpose: text(activity.purpose),
                       data: text(activity.dataDescription), dataCategories: activity.dataCategories, dataSubjects: activity.dataSubjects,
                       legalBasis: activity.legalBasis, legalBasisReference: activity.legalBasisReference,
                       specialCategoryBasis: activity.specialCategoryBasis, specialCategoryReference: activity.specialCategoryReference,
                       recipients: text(activity.recipients), thirdCountryTransfers: activity.thirdCountryTransfers,
                       retentionTrigger: activity.retentionTrigger, retentionPeriod: activity.retentionPeriod,
                       retentionAction: activity.retentionAction, retention: text(activity.retentionDescription),
                       securityMeasures: text(activity.securityMeasures), rights: DataSubjectRight.available(for: bases).map(\.rawValue),
                       storedIn: columns)
        }
    }

    static let csvHeader = ["position", "key", "name", "purpose", "data", "data_categories", "data_subjects", "legal_basis",
                            "legal_basis_reference", "special_category_basis", "special_category_reference", "recipients",
                            "third_country_transfers", "retention_trigger", "retention_period", "retention_action", "retention",
                            "security_measures", "rights", "stored_in"]

    static func csv(_ rows: [Row]) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        for row in rows {
            let cells: [String] = [
                String(row.position), row.key, row.name, row.purpose, row.data, row.dataCategories.joined(separator: ";"),
                row.dataSubjects.joined(separator: ";"), row.legalBasis.joined(separator: ";"), row.legalBasisReference ?? "",
                row.specialCategoryBasis ?? "", row.specialCategoryReference ?? "", row.recipients, row.thirdCountryTransfers ? "yes" : "no",
                row.retentionTrigger, row.retentionPeriod ?? "", row.retentionAction, row.retention, row.securityMeasures,
                row.rights.joined(separator: ";"), row.storedIn.joined(separator: ";"),
            ]
            lines.append(cells.map(AuditReview.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
