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
    /// The token every form on the page sends back (see `CSRFMiddleware`).
    var csrfToken: String

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
        var navigation: [NavigationItem]
        var viewer: Viewer?
        if let session = signedIn {
            navigation = switch session.kind {
            case .member: [NavigationItem(path: SiteRoute.memberHome.path, label: texts(MemberText.navHome))]
            case .participant: [NavigationItem(path: SiteRoute.participantSelf.path, label: texts(ParticipantSelfText.nav))]
            case .staff: [NavigationItem(path: SiteRoute.start.path, label: texts(LoginText.navStart))]
            }
            let roles = session.roles.map(\.role)
            if [Capability.documentOwnParticipants, .followUpUnit, .manageAssignments].contains(where: { PermissionMatrix.allows($0, roles: roles) }) {
                navigation.append(NavigationItem(path: SiteRoute.participants.path, label: texts(ParticipantText.nav)))
            }
            if PermissionMatrix.allows(.documentOwnParticipants, roles: roles) {
                navigation.append(NavigationItem(path: SiteRoute.groupActivities.path, label: texts(GroupActivityText.nav)))
                navigation.append(NavigationItem(path: SiteRoute.mailOuts.path, label: texts(MailOutText.nav)))
            }
            if PermissionMatrix.allows(.manageAssignments, roles: roles) {
                navigation.append(NavigationItem(path: SiteRoute.participantImport.path, label: texts(ImportText.nav)))
            }
            if PermissionMatrix.allows(.followUpUnit, roles: roles), !PermissionMatrix.allows(.reviewDataProtection, roles: roles) {
                navigation.append(NavigationItem(path: SiteRoute.auditReview.path, label: texts(AuditText.nav)))
            }
            if PermissionMatrix.allows(.reviewDataProtection, roles: roles) {
                navigation.append(NavigationItem(path: SiteRoute.auditReview.path, label: texts(AuditText.nav)))
                navigation.append(NavigationItem(path: SiteRoute.activityRecord.path, label: texts(ActivityText.nav)))
                navigation.append(NavigationItem(path: SiteRoute.noticeAdmin.path, label: texts(NoticeText.nav)))
            }
            if PermissionMatrix.allows(.manageAccounts, roles: session.roles.map(\.role)) {
                navigation.append(NavigationItem(path: SiteRoute.adminAccounts.path, label: texts(AdminText.navAccounts)))
                navigation.append(NavigationItem(path: SiteRoute.adminAPIClients.path, label: texts(APIClientText.navAPIClients)))
            }
            viewer = Viewer(displayName: session.displayName,
                            roleLabels: StaffRole.allCases.filter(session.has).map { texts(RoleText($0)) })
        } else {
            navigation = [
                NavigationItem(path: SiteRoute.home.path, label: texts(CommonText.navHome)),
                NavigationItem(path: SiteRoute.login.path, label: texts(LoginText.navLogin)),
            ]
        }
        navigation.append(NavigationItem(path: SiteRoute.privacy.path, label: texts(CommonText.navPrivacy)))
        if application.devMailboxEnabled {
            navigation.append(NavigationItem(path: SiteRoute.devMailbox.path, label: texts(CommonText.navDevMailbox)))
        }
        return PageContext(texts: texts, currentPath: url.path, demo: config.demo, organisationName: signedIn?.organisationName,
                           viewer: viewer, navigation: navigation, csrfToken: csrfToken)
    }
}

extension Application {
    /// The dev mailbox page exists only where mail is kept instead of sent.
    var devMailboxEnabled: Bool {
        if case .devMailbox = config.mail, config.mode != .production || config.demo { return true }
        return false
    }
}
