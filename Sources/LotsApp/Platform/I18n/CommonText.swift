/// Texts of the shared layout.
enum CommonText: String, TextKey {
    case appName = "common.app_name"
    case tagline = "common.tagline"
    case skipLink = "layout.skip_link"
    case mainNavigation = "layout.main_navigation"
    case languageSwitch = "layout.language_switch"
    case footerPrivacy = "layout.footer_privacy"
    case footerAbout = "layout.footer_about"
    case demoBanner = "layout.demo_banner"
    case navHome = "nav.home"
    case navPrivacy = "nav.privacy"
    case navDevMailbox = "nav.dev_mailbox"
    case languageSwedish = "language.sv"
    case languageEnglish = "language.en"
    case languageFinnish = "language.fi"
}

/// Error pages.
enum ErrorText: String, TextKey {
    case notFoundTitle = "error.not_found_title"
    case notFoundText = "error.not_found_text"
    case forbiddenTitle = "error.forbidden_title"
    case forbiddenText = "error.forbidden_text"
    case badRequestTitle = "error.bad_request_title"
    case badRequestText = "error.bad_request_text"
    case serverErrorTitle = "error.server_error_title"
    case serverErrorText = "error.server_error_text"
    case genericTitle = "error.generic_title"
    case statusCode = "error.status_code"
    case backHome = "error.back_home"
}
