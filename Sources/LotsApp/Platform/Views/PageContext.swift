import Vapor

/// What the shared layout needs to know about the request, built once per page.
struct PageContext: Sendable {
    var texts: Texts
    /// The path (without query) of the page, for the language switch and the current navigation item.
    var currentPath: String
    var demo: Bool
    var organisationName: String?
    var viewer: Viewer?
    var navigation: [NavigationItem]

    var language: UILanguage { texts.language }
}

/// The signed-in person as the header shows them.
struct Viewer: Sendable, Equatable {
    var displayName: String
    var roleLabels: [String]
}

struct NavigationItem: Sendable, Equatable {
    var path: String
    var label: String
}

extension Request {
    /// The layout context for this request.
    var pageContext: PageContext {
        let texts = self.texts
        let config = application.config
        var navigation = [
            NavigationItem(path: SiteRoute.home.path, label: texts(CommonText.navHome)),
            NavigationItem(path: SiteRoute.privacy.path, label: texts(CommonText.navPrivacy)),
        ]
        if application.devMailboxEnabled {
            navigation.append(NavigationItem(path: SiteRoute.devMailbox.path, label: texts(CommonText.navDevMailbox)))
        }
        return PageContext(texts: texts, currentPath: url.path, demo: config.demo, organisationName: nil, viewer: nil,
                           navigation: navigation)
    }
}

extension Application {
    /// The dev mailbox page exists only where mail is kept instead of sent.
    var devMailboxEnabled: Bool {
        if case .devMailbox = config.mail, config.mode != .production || config.demo { return true }
        return false
    }
}
