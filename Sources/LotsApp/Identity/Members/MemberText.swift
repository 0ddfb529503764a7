enum MemberText: String, TextKey {
    case navHome = "nav.member_home"
    case registerTitle = "member.register_title"
    case registerLead = "member.register_lead"
    case username = "member.username"
    case usernameHint = "member.username_hint"
    case givenName = "member.given_name"
    case familyName = "member.family_name"
    case email = "member.email"
    case memberOrganisation = "member.member_organisation"
    case password = "member.password"
    case passwordHint = "member.password_hint"
    case registerButton = "member.register_button"
    case registered = "member.registered"
    case errorHeading = "member.error_heading"
    case errorUsername = "member.error_username"
    case errorUsernameTaken = "member.error_username_taken"
    case errorName = "member.error_name"
    case errorEmail = "member.error_email"
    case errorPasswordShort = "member.error_password_short"
    case errorPasswordLong = "member.error_password_long"
    case errorPasswordCommon = "member.error_password_common"
    case errorPasswordUsername = "member.error_password_username"
    case errorPasswordEmail = "member.error_password_email"
    case errorPasswordRepetitive = "member.error_password_repetitive"
    case errorPasswordSequential = "member.error_password_sequential"
    case verifyTitle = "member.verify_title"
    case verifyLead = "member.verify_lead"
    case verifyButton = "member.verify_button"
    case verified = "member.verified"
    case verifyFailed = "member.verify_failed"
    case loginTitle = "member.login_title"
    case loginButton = "member.login_button"
    case loginInvalid = "member.login_invalid"
    case loginLocked = "member.login_locked"
    case loginUnverified = "member.login_unverified"
    case registerLink = "member.register_link"
    case loginLink = "member.login_link"
    case homeTitle = "member.home_title"
    case homeLead = "member.home_lead"
    case codeTitle = "member.code_title"
    case codeLead = "member.code_lead"
    case code = "member.code"
    case codeButton = "member.code_button"
    case codeWrong = "member.code_wrong"
    case codeExpired = "member.code_expired"
    case twoStepTitle = "member.two_step_title"
    case twoStepLead = "member.two_step_lead"
    case twoStepSecret = "member.two_step_secret"
    case twoStepQRTitle = "member.two_step_qr_title"
    case twoStepOn = "member.two_step_on"
    case twoStepEnabled = "member.two_step_enabled"
    case twoStepDisabled = "member.two_step_disabled"
    case twoStepLink = "member.two_step_link"
    case deleteHeading = "member.delete_heading"
    case deleteLead = "member.delete_lead"
    case deleteButton = "member.delete_button"
    case deleteRefused = "member.delete_refused"
    case deleted = "member.deleted"
    case mailVerifySubject = "member.mail_verify_subject"
    case mailVerifyBody = "member.mail_verify_body"
    case mailExistsSubject = "member.mail_exists_subject"
    case mailExistsBody = "member.mail_exists_body"
    case errorEmailTaken = "member.error_email_taken"
    case oidcOr = "member.oidc_or"
    case oidcSignIn = "member.oidc_sign_in"
    case oidcRegisterTitle = "member.oidc_register_title"
    case oidcRegisterLead = "member.oidc_register_lead"
    case oidcRegisterButton = "member.oidc_register_button"
    case oidcCheckMail = "member.oidc_check_mail"
    case oidcCancelled = "member.oidc_cancelled"
    case oidcExpired = "member.oidc_expired"
    case oidcProviderFailed = "member.oidc_provider_failed"
    case oidcAlreadyLinked = "member.oidc_already_linked"
    case oidcInactive = "member.oidc_inactive"
    case oidcServicesHeading = "member.oidc_services_heading"
    case oidcServicesLead = "member.oidc_services_lead"
    case oidcLinkButton = "member.oidc_link_button"
    case oidcUnlinkButton = "member.oidc_unlink_button"
    case oidcLinkedState = "member.oidc_linked_state"
    case oidcLinked = "member.oidc_linked"
    case oidcUnlinked = "member.oidc_unlinked"
    case oidcLastMethod = "member.oidc_last_method"
    case deleteConfirm = "member.delete_confirm"
    case deleteLeadNoPassword = "member.delete_lead_no_password"
    case noticeLink = "member.notice_link"

    /// The message for `?oidc=…` after a sign-in with a provider, on the login or the member's own page.
    init?(oidcOutcome: String?) {
        switch oidcOutcome {
        case "cancelled": self = .oidcCancelled
        case "expired": self = .oidcExpired
        case "provider": self = .oidcProviderFailed
        case "already_linked": self = .oidcAlreadyLinked
        case "inactive": self = .oidcInactive
        case "unverified": self = .loginUnverified
        case "linked": self = .oidcLinked
        case "unlinked": self = .oidcUnlinked
        case "last_method": self = .oidcLastMethod
        default: return nil
        }
    }

    var isOIDCSuccess: Bool { self == .oidcLinked || self == .oidcUnlinked }

    init(_ problem: MemberAccounts.Problem) {
        self = switch problem {
        case .usernameInvalid: .errorUsername
        case .usernameTaken: .errorUsernameTaken
        case .nameMissing: .errorName
        case .emailInvalid: .errorEmail
        case .emailTaken: .errorEmailTaken
        case .password(.tooShort): .errorPasswordShort
        case .password(.tooLong): .errorPasswordLong
        case .password(.common): .errorPasswordCommon
        case .password(.containsUsername): .errorPasswordUsername
        case .password(.containsEmail): .errorPasswordEmail
        case .password(.repetitive): .errorPasswordRepetitive
        case .password(.sequential): .errorPasswordSequential
        }
    }
}
