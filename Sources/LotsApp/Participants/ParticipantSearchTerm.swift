import Foundation
import LotsCore

/// What a staff member typed into the participant search, recognised as one kind of term. Only the kind
/// (and for names, the length) reaches the audit trail, never the term itself.
enum ParticipantSearchTerm: Sendable, Equatable {
    case personalNumber(SwedishIdentityNumber)
    case caseNumber(String)
    case name(String)

    init?(_ text: String, today: CivilDate) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let number = try? SwedishIdentityNumber(parsing: trimmed, today: today) {
            self = .personalNumber(number)
        } else if trimmed.contains(where: \.isNumber) {
            self = .caseNumber(ParticipantRegistry.canonicalCaseNumber(trimmed))
        } else if trimmed.count >= 2 {
            self = .name(trimmed.lowercased())
        } else {
            return nil
        }
    }

    /// A description of the search for the audit trail, without personal data.
    var auditDescription: String {
        switch self {
        case .personalNumber: "kind=personal_number"
        case .caseNumber: "kind=case_number"
        case .name(let text): "kind=name length=\(text.count)"
        }
    }
}

/// Why a staff member searches; stated on the search form and recorded with the search.
enum SearchPurpose: String, CaseIterable, Sendable, Codable {
    case casework
    case participantContact = "participant_contact"
    case reporting
    case placementAdministration = "placement_administration"
    case unitFollowUp = "unit_follow_up"
    case subjectRequest = "subject_request"
}
