enum ActivityText: String, TextKey {
    case nav = "nav.activities"
    case title = "activities.title"
    case lead = "activities.lead"
    case exportCSV = "activities.export_csv"
    case exportJSON = "activities.export_json"
    case empty = "activities.empty"
    case columnNumber = "activities.column_number"
    case columnName = "activities.column_name"
    case columnData = "activities.column_data"
    case columnPurpose = "activities.column_purpose"
    case columnBasis = "activities.column_basis"
    case columnRetention = "activities.column_retention"
    case details = "activities.details"
    case categories = "activities.categories"
    case subjects = "activities.subjects"
    case specialBasis = "activities.special_basis"
    case specialBasisMissing = "activities.special_basis_missing"
    case notApplicable = "activities.not_applicable"
    case recipients = "activities.recipients"
    case transfers = "activities.transfers"
    case noTransfers = "activities.no_transfers"
    case rights = "activities.rights"
    case security = "activities.security"
    case storedIn = "activities.stored_in"
    case basisConsent = "activities.basis_consent"
    case basisContract = "activities.basis_contract"
    case basisLegalObligation = "activities.basis_legal_obligation"
    case basisVitalInterests = "activities.basis_vital_interests"
    case basisPublicInterest = "activities.basis_public_interest"
    case basisLegitimateInterests = "activities.basis_legitimate_interests"
    case specialExplicitConsent = "activities.special_explicit_consent"
    case specialEmployment = "activities.special_employment_social_security"
    case specialPublicInterest = "activities.special_substantial_public_interest"
    case rightAccess = "activities.right_access"
    case rightRectification = "activities.right_rectification"
    case rightErasure = "activities.right_erasure"
    case rightRestriction = "activities.right_restriction"
    case rightPortability = "activities.right_portability"
    case rightObjection = "activities.right_objection"
    case rightWithdrawConsent = "activities.right_withdraw_consent"

    init(_ basis: LegalBasis) {
        self = switch basis {
        case .consent: .basisConsent
        case .contract: .basisContract
        case .legalObligation: .basisLegalObligation
        case .vitalInterests: .basisVitalInterests
        case .publicInterest: .basisPublicInterest
        case .legitimateInterests: .basisLegitimateInterests
        }
    }

    init(_ basis: SpecialCategoryBasis) {
        self = switch basis {
        case .explicitConsent: .specialExplicitConsent
        case .employmentAndSocialSecurity: .specialEmployment
        case .substantialPublicInterest: .specialPublicInterest
        }
    }

    init(_ right: DataSubjectRight) {
        self = switch right {
        case .access: .rightAccess
        case .rectification: .rightRectification
        case .erasure: .rightErasure
        case .restriction: .rightRestriction
        case .portability: .rightPortability
        case .objection: .rightObjection
        case .withdrawConsent: .rightWithdrawConsent
        }
    }
}
