import LotsCore

enum AdminText: String, TextKey {
    case navAccounts = "nav.admin_accounts"
    case title = "admin.title"
    case lead = "admin.lead"
    case columnName = "admin.column_name"
    case columnRoles = "admin.column_roles"
    case columnStatus = "admin.column_status"
    case columnActions = "admin.column_actions"
    case active = "admin.active"
    case inactive = "admin.inactive"
    case activate = "admin.activate"
    case deactivate = "admin.deactivate"
    case changeRole = "admin.change_role"
    case roleFor = "admin.role_for"
    case unitFor = "admin.unit_for"
    case wholeOrganisation = "admin.whole_organisation"
    case newHeading = "admin.new_heading"
    case name = "admin.name"
    case personalNumber = "admin.personal_number"
    case personalNumberHint = "admin.personal_number_hint"
    case role = "admin.role"
    case unit = "admin.unit"
    case create = "admin.create"
    case created = "admin.created"
    case updated = "admin.updated"
    case errorHeading = "admin.error_heading"
    case errorName = "admin.error_name"
    case errorDuplicate = "admin.error_duplicate"
    case errorUnit = "admin.error_unit"
    case errorSelf = "admin.error_self"
    case errorNotFound = "admin.error_not_found"

    static func message(for failure: AccountAdministration.Failure) -> any TextKey {
        switch failure {
        case .nameMissing: AdminText.errorName
        case .invalidPersonalNumber(let error): IdentityNumberText(error)
        case .alreadyHasAccount: AdminText.errorDuplicate
        case .unknownUnit: AdminText.errorUnit
        case .wouldLockOutSelf: AdminText.errorSelf
        case .notFound: AdminText.errorNotFound
        }
    }
}

/// Why an identity number was refused, in words people can act on.
enum IdentityNumberText: String, TextKey {
    case empty = "identity.error_empty"
    case invalidCharacters = "identity.error_characters"
    case invalidLength = "identity.error_length"
    case invalidSeparator = "identity.error_separator"
    case invalidDate = "identity.error_date"
    case dateInFuture = "identity.error_future"
    case invalidIndividualNumber = "identity.error_individual"
    case invalidChecksum = "identity.error_checksum"

    init(_ error: IdentityNumberError) {
        switch error {
        case .empty: self = .empty
        case .invalidCharacters: self = .invalidCharacters
        case .invalidLength: self = .invalidLength
        case .invalidSeparator: self = .invalidSeparator
        case .invalidDate: self = .invalidDate
        case .dateInFuture: self = .dateInFuture
        case .invalidIndividualNumber: self = .invalidIndividualNumber
        case .invalidChecksum: self = .invalidChecksum
        }
    }
}
