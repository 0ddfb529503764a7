enum LoginText: String, TextKey {
    case title = "login.title"
    case lead = "login.lead"
    case bankIDButton = "login.bankid_button"
    case staffOnly = "login.staff_only"
    case logout = "login.logout"
    case logoutEverywhere = "login.logout_everywhere"
    case navLogin = "nav.login"
    case navStart = "nav.start"
    case chooseTitle = "login.choose_title"
    case chooseLead = "login.choose_lead"
    case chooseLegend = "login.choose_legend"
    case chooseButton = "login.choose_button"
    case asStaff = "login.as_staff"
    case asParticipant = "login.as_participant"
}

/// BankID's states in the words Lots uses for them.
enum BankIDText: String, TextKey {
    case title = "bankid.title"
    case qrTitle = "bankid.qr_title"
    case qrInstructions = "bankid.qr_instructions"
    case sameDevice = "bankid.same_device"
    case cancel = "bankid.cancel"
    case tryAgain = "bankid.try_again"
    case refresh = "bankid.refresh"
    case startApp = "bankid.hint_start_app"
    case searching = "bankid.hint_searching"
    case userSign = "bankid.hint_user_sign"
    case expired = "bankid.failed_expired"
    case certificate = "bankid.failed_certificate"
    case cancelled = "bankid.failed_cancelled"
    case startFailed = "bankid.failed_start"
    case inProgress = "bankid.failed_in_progress"
    case noAccount = "bankid.no_account"
    case failed = "bankid.failed_unknown"

    static func message(for outcome: BankIDLoginService.Outcome) -> BankIDText {
        switch outcome {
        case .signedIn, .chooseOrganisation: .userSign
        case .noAccount: .noAccount
        case .pending(let hint):
            switch hint {
            case "started": .searching
            case "userSign", "userMrtd", "userCallConfirm": .userSign
            default: .startApp
            }
        case .failed(let hint):
            switch hint {
            case "expiredTransaction", "invalidParameters": .expired
            case "certificateErr": .certificate
            case "userCancel", "cancelled", "userDeclinedCall": .cancelled
            case "startFailed": .startFailed
            case "alreadyInProgress": .inProgress
            default: .failed
            }
        }
    }
}

enum StartText: String, TextKey {
    case title = "start.title"
    case greeting = "start.greeting"
    case organisation = "start.organisation"
    case yourRoles = "start.your_roles"
    case wholeOrganisation = "start.whole_organisation"
    case todayHeading = "start.today_heading"
    case todayNone = "start.today_none"
    case overdueHeading = "start.overdue_heading"
    case overdueNone = "start.overdue_none"
    case systemAdministrator = "start.role_system_administrator"
    case administrator = "start.role_administrator"
    case handledare = "start.role_handledare"
    case unitManager = "start.role_unit_manager"
    case dataProtectionOfficer = "start.role_data_protection_officer"
    case sessionInfo = "start.session_info"

    /// What the role is for, under `start.role_<role>`.
    init(describing role: StaffRole) {
        self.init(rawValue: "start.role_\(role.rawValue)")!
    }
}

/// The BankID test server's stand-in for the BankID app.
enum BankIDAppText: String, TextKey {
    case title = "bankidapp.title"
    case lead = "bankidapp.lead"
    case scanLabel = "bankidapp.scan_label"
    case scanHint = "bankidapp.scan_hint"
    case scanButton = "bankidapp.scan_button"
    case chooseIdentity = "bankidapp.choose_identity"
    case approve = "bankidapp.approve"
    case cancel = "bankidapp.cancel"
    case notFound = "bankidapp.not_found"
    case approved = "bankidapp.approved"
    case cancelled = "bankidapp.cancelled"
}
