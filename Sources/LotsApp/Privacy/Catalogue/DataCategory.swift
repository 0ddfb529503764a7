/// Categories of personal data, keyed like the fideslang taxonomy (dotted, hierarchical) so the record
/// of processing activities, register extracts and retention speak the same language.
enum DataCategory: String, CaseIterable, Sendable, Codable {
    case name = "user.name"
    case nationalIdentificationNumber = "user.government_id.national_identification_number"
    case phone = "user.contact.phone_number"
    case email = "user.contact.email"
    case address = "user.contact.address"
    case gender = "user.demographic.gender"
    case languageSupport = "user.demographic.language"
    case protectedIdentity = "user.protected_identity"
    case pseudonymousID = "user.unique_id.pseudonymous"
    case caseNumber = "user.unique_id.case_number"
    case referenceNumber = "user.unique_id.reference_number"
    case placementPeriod = "user.placement.period"
    case education = "user.professional_information.education"
    case workExperience = "user.professional_information.work_experience"
    case activities = "user.activities"
    case attendance = "user.attendance"
    case caseNotes = "user.case_notes"
    case goals = "user.goals"
    case supportAndAdaptations = "user.support_needs"
    case health = "user.health"
    case ethnicOrigin = "user.demographic.race_ethnicity"
    case applicationDocuments = "user.application_documents"
    case employmentOutcome = "user.employment_outcome"
    case reports = "user.reports"
    case staffRole = "user.professional_information.role"
    case account = "user.account"
    case preferences = "user.preference"
    case communication = "user.communication"
    case organisationDetails = "user.organisation"
    case activityTarget = "user.professional_information.target_group_and_theme"
    case authentication = "system.authentication"
    case accessLog = "system.operations.audit"
    case accessJustification = "system.operations.access_reason"

    enum Sensitivity: String, Sendable { case ordinary, privacySensitive = "privacy_sensitive", special }

    /// Art. 9 data (health, ethnic origin) is `special`: never blind-indexed, always encrypted, never in statistics.
    var sensitivity: Sensitivity {
        switch self {
        case .health, .ethnicOrigin: .special
        case .caseNotes, .supportAndAdaptations, .languageSupport, .protectedIdentity, .reports, .nationalIdentificationNumber: .privacySensitive
        default: .ordinary
        }
    }
}
