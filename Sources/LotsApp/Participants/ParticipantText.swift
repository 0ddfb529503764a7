enum ParticipantText: String, TextKey {
    case nav = "nav.participants"
    case listTitle = "participants.list_title"
    case leadCaseload = "participants.lead_caseload"
    case leadUnits = "participants.lead_units"
    case leadOrganisation = "participants.lead_organisation"
    case empty = "participants.empty"
    case columnName = "participants.column_name"
    case columnCaseNumber = "participants.column_case_number"
    case columnPeriod = "participants.column_period"
    case columnUnit = "participants.column_unit"
    case columnHandledare = "participants.column_handledare"
    case columnToDo = "participants.column_to_do"
    case protectedMark = "participants.protected_mark"
    case nextPage = "participants.next_page"
    case previousPage = "participants.previous_page"
    case searchLink = "participants.search_link"
    case searchTitle = "participants.search_title"
    case searchLead = "participants.search_lead"
    case searchTerm = "participants.search_term"
    case searchTermHint = "participants.search_term_hint"
    case searchPurpose = "participants.search_purpose"
    case searchPurposeChoose = "participants.search_purpose_choose"
    case searchButton = "participants.search_button"
    case searchNoHits = "participants.search_no_hits"
    case searchHits = "participants.search_hits"
    case errorPurpose = "participants.error_purpose"
    case errorTerm = "participants.error_term"
    case restrictedHit = "participants.restricted_hit"
    case requestAccess = "participants.request_access"
    case purposeCasework = "participants.purpose_casework"
    case purposeParticipantContact = "participants.purpose_participant_contact"
    case purposeReporting = "participants.purpose_reporting"
    case purposePlacementAdministration = "participants.purpose_placement_administration"
    case purposeUnitFollowUp = "participants.purpose_unit_follow_up"
    case purposeSubjectRequest = "participants.purpose_subject_request"
    case profileHeading = "participants.profile_heading"
    case personalNumber = "participants.personal_number"
    case phone = "participants.phone"
    case email = "participants.email"
    case address = "participants.address"
    case gender = "participants.gender"
    case education = "participants.education"
    case workExperience = "participants.work_experience"
    case interpreterLanguage = "participants.interpreter_language"
    case notRecorded = "participants.not_recorded"
    case protectedIdentity = "participants.protected_identity"
    case placementsHeading = "participants.placements_heading"
    case referenceNumber = "participants.reference_number"
    case level = "participants.level"
    case ended = "participants.ended"
    case basisOwn = "participants.basis_own"
    case basisColleague = "participants.basis_colleague"
    case basisUnit = "participants.basis_unit"
    case basisAdministration = "participants.basis_administration"
    case accessTitle = "participants.access_title"
    case accessLead = "participants.access_lead"
    case accessReason = "participants.access_reason"
    case accessExplanation = "participants.access_explanation"
    case accessExplanationHint = "participants.access_explanation_hint"
    case accessSubmit = "participants.access_submit"
    case accessError = "participants.access_error"
    case reasonCoveringAbsence = "participants.reason_covering_absence"
    case reasonParticipantContact = "participants.reason_participant_contact"
    case reasonJointWork = "participants.reason_joint_work"
    case reasonHandover = "participants.reason_handover"
    case accessLogHeading = "participants.access_log_heading"
    case accessLogLead = "participants.access_log_lead"
    case accessLogTime = "participants.access_log_time"
    case accessLogWho = "participants.access_log_who"
    case accessLogAction = "participants.access_log_action"
    case accessLogPurpose = "participants.access_log_purpose"

    init(_ purpose: SearchPurpose) {
        self = switch purpose {
        case .casework: .purposeCasework
        case .participantContact: .purposeParticipantContact
        case .reporting: .purposeReporting
        case .placementAdministration: .purposePlacementAdministration
        case .unitFollowUp: .purposeUnitFollowUp
        case .subjectRequest: .purposeSubjectRequest
        }
    }

    init(_ reason: AccessReason) {
        self = switch reason {
        case .coveringAbsence: .reasonCoveringAbsence
        case .participantContact: .reasonParticipantContact
        case .jointWork: .reasonJointWork
        case .handover: .reasonHandover
        }
    }
}
