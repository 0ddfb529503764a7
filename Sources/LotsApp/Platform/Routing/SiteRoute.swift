import Foundation
import Vapor

/// A route parameter: `.key` when registering the route, `.value` when linking to it.
enum Parameter<Value: Sendable & Equatable>: Sendable, Equatable {
    case key
    case value(Value)
}

/// Every page and endpoint, declared once. Views link through it and `routes.swift` registers through it,
/// so links cannot drift from routes.
enum SiteRoute: Sendable, Equatable {
    case home
    case privacy
    case language(Parameter<String>)
    case health
    case openAPI
    case devMailbox
    case devMailboxMessage(Parameter<UUID>)
    case bankIDTestRP(BankIDEndpoint)
    case bankIDTestApp
    case bankIDTestAppAction(BankIDAppAction)
    case login
    case loginBankIDStart
    case loginBankID(Parameter<UUID>)
    case loginBankIDStatus(Parameter<UUID>)
    case loginBankIDCancel(Parameter<UUID>)
    case loginBankIDOrganisation(Parameter<UUID>)
    case logout
    case logoutEverywhere
    case start
    case adminAccounts
    case adminAccountActive(Parameter<UUID>)
    case adminAccountRole(Parameter<UUID>)
    case adminAPIClients
    case adminAPIClientRevoke(Parameter<UUID>)
    case apiWhoAmI
    case apiImports
    case participantImport
    case participantSelf
    case participantSelfDocument(Parameter<UUID>)
    case participantAppointments(Parameter<UUID>)
    case groupActivities
    case mailOuts
    case participantJournal(Parameter<UUID>)
    case participantPlan(Parameter<UUID>)
    case participantCV(Parameter<UUID>)
    case participantAFDetails(Parameter<UUID>)
    case participantProtection(Parameter<UUID>)
    case participantProtectedContact(Parameter<UUID>)
    case participantNew
    case participantSelfCV
    case participantDocuments(Parameter<UUID>)
    case participantDocument(Parameter<UUID>, Parameter<UUID>)
    case participantDocumentShare(Parameter<UUID>, Parameter<UUID>)
    case mailOptOut(Parameter<String>)
    case groupActivity(Parameter<UUID>)
    case groupActivityList(Parameter<UUID>)
    case groupActivityEnrolments(Parameter<UUID>)
    case groupActivityAttendance(Parameter<UUID>)
    case participantAttendance(Parameter<UUID>, Parameter<UUID>)
    case participantImportCommit(Parameter<UUID>)
    case auditReview
    case auditReviewExport
    case activityRecord
    case noticeAdmin
    case activityRecordCSV
    case activityRecordJSON
    case memberRegister(Parameter<String>)
    case memberVerify(Parameter<String>, Parameter<String>)
    case memberLogin(Parameter<String>)
    case memberLoginCode(Parameter<String>)
    case memberHome
    case memberTwoStep
    case memberDelete
    case participants
    case participantSearch
    case participant(Parameter<UUID>)
    case participantAccess(Parameter<UUID>)
    case memberOIDCStart(Parameter<String>, Parameter<String>)
    case memberOIDCCallback(Parameter<String>)
    case memberOIDCRegister
    case memberOIDCLink(Parameter<String>)
    case memberOIDCUnlink(Parameter<String>)
    case oidcTestProvider(OIDCTestEndpoint)

    /// What the person does in the test server's stand-in for the BankID app.
    enum BankIDAppAction: String, Sendable, CaseIterable {
        case scan, approve, cancel
    }

    /// Lots's own OpenID provider (development, tests and demo): `issuer` is its identifier, not a route.
    enum OIDCTestEndpoint: String, Sendable, CaseIterable {
        case issuer, discovery, keys, authorize, token
    }

    /// The RP API v6 endpoints of Lots's BankID test server.
    enum BankIDEndpoint: String, Sendable, CaseIterable {
        case auth, collect, cancel
    }

    var path: String {
        "/" + segments.joined(separator: "/")
    }

    var pathComponents: [PathComponent] {
        segments.map { PathComponent(stringLiteral: $0) }
    }

    private var segments: [String] {
        switch self {
        case .home: []
        case .privacy: ["privacy"]
        case .language(let code): ["language", code.segment(named: "code")]
        case .health: ["health"]
        case .openAPI: ["api", "openapi.json"]
        case .devMailbox: ["dev", "mailbox"]
        case .devMailboxMessage(let id): ["dev", "mailbox", id.segment(named: "messageID")]
        case .bankIDTestRP(let endpoint): ["bankid-test", "rp", "v6.0", endpoint.rawValue]
        case .bankIDTestApp: ["bankid-test", "app"]
        case .bankIDTestAppAction(let action): ["bankid-test", "app", action.rawValue]
        case .login: ["login"]
        case .loginBankIDStart: ["login", "bankid"]
        case .loginBankID(let id): ["login", "bankid", id.segment(named: "loginID")]
        case .loginBankIDStatus(let id): ["login", "bankid", id.segment(named: "loginID"), "status"]
        case .loginBankIDCancel(let id): ["login", "bankid", id.segment(named: "loginID"), "cancel"]
        case .loginBankIDOrganisation(let id): ["login", "bankid", id.segment(named: "loginID"), "organisation"]
        case .logout: ["logout"]
        case .logoutEverywhere: ["logout", "everywhere"]
        case .start: ["start"]
        case .adminAccounts: ["admin", "accounts"]
        case .adminAccountActive(let id): ["admin", "accounts", id.segment(named: "accountID"), "active"]
        case .adminAccountRole(let id): ["admin", "accounts", id.segment(named: "accountID"), "role"]
        case .adminAPIClients: ["admin", "api-clients"]
        case .adminAPIClientRevoke(let id): ["admin", "api-clients", id.segment(named: "clientID"), "revoke"]
        case .apiWhoAmI: ["api", "v1", "whoami"]
        case .apiImports: ["api", "v1", "imports"]
        case .participantImport: ["participants", "import"]
        case .participantSelf: ["me"]
        case .participantSelfDocument(let id): ["me", "documents", id.segment(named: "documentID")]
        case .participantAppointments(let id): ["participants", id.segment(named: "participantID"), "appointments"]
        case .groupActivities: ["activities"]
        case .mailOuts: ["mail-outs"]
        case .participantJournal(let id): ["participants", id.segment(named: "participantID"), "journal"]
        case .participantPlan(let id): ["participants", id.segment(named: "participantID"), "plan"]
        case .participantCV(let id): ["participants", id.segment(named: "participantID"), "cv"]
        case .participantAFDetails(let id): ["participants", id.segment(named: "participantID"), "af-details"]
        case .participantProtection(let id): ["participants", id.segment(named: "participantID"), "protection"]
        case .participantProtectedContact(let id): ["participants", id.segment(named: "participantID"), "contact"]
        case .participantNew: ["participants", "new"]
        case .participantSelfCV: ["me", "cv"]
        case .participantDocuments(let id): ["participants", id.segment(named: "participantID"), "documents"]
        case .participantDocument(let id, let document): ["participants", id.segment(named: "participantID"), "documents", document.segment(named: "documentID")]
        case .participantDocumentShare(let id, let document):
            ["participants", id.segment(named: "participantID"), "documents", document.segment(named: "documentID"), "share"]
        case .mailOptOut(let token): ["mail", "opt-out", token.segment(named: "token")]
        case .groupActivity(let id): ["activities", id.segment(named: "activityID")]
        case .groupActivityList(let id): ["activities", id.segment(named: "activityID"), "list"]
        case .groupActivityEnrolments(let id): ["activities", id.segment(named: "activityID"), "enrolments"]
        case .groupActivityAttendance(let id): ["activities", id.segment(named: "activityID"), "attendance"]
        case .participantAttendance(let id, let appointment):
            ["participants", id.segment(named: "participantID"), "appointments", appointment.segment(named: "appointmentID"), "attendance"]
        case .participantImportCommit(let id): ["participants", "import", id.segment(named: "uploadID"), "commit"]
        case .auditReview: ["privacy", "audit"]
        case .auditReviewExport: ["privacy", "audit.csv"]
        case .activityRecord: ["privacy", "activities"]
        case .noticeAdmin: ["privacy", "notices"]
        case .activityRecordCSV: ["privacy", "activities.csv"]
        case .activityRecordJSON: ["privacy", "activities.json"]
        case .memberRegister(let slug): ["partnership", slug.segment(named: "organisation"), "register"]
        case .memberVerify(let slug, let token): ["partnership", slug.segment(named: "organisation"), "verify", token.segment(named: "token")]
        case .memberLogin(let slug): ["partnership", slug.segment(named: "organisation"), "login"]
        case .memberLoginCode(let slug): ["partnership", slug.segment(named: "organisation"), "login", "code"]
        case .memberHome: ["member"]
        case .memberTwoStep: ["member", "two-step"]
        case .memberDelete: ["member", "delete"]
        case .participants: ["participants"]
        case .participantSearch: ["participants", "search"]
        case .participant(let id): ["participants", id.segment(named: "participantID")]
        case .participantAccess(let id): ["participants", id.segment(named: "participantID"), "access"]
        case .memberOIDCStart(let slug, let provider): ["partnership", slug.segment(named: "organisation"), "login", "oidc", provider.segment(named: "provider")]
        case .memberOIDCCallback(let provider): ["partnership", "oidc", provider.segment(named: "provider"), "callback"]
        case .memberOIDCRegister: ["partnership", "oidc", "register"]
        case .memberOIDCLink(let provider): ["member", "sign-in-services", provider.segment(named: "provider"), "link"]
        case .memberOIDCUnlink(let provider): ["member", "sign-in-services", provider.segment(named: "provider"), "unlink"]
        case .oidcTestProvider(let endpoint):
            switch endpoint {
            case .issuer: ["oidc-test"]
            case .discovery: ["oidc-test", ".well-known", "openid-configuration"]
            case .keys: ["oidc-test", "jwks"]
            case .authorize: ["oidc-test", "authorize"]
            case .token: ["oidc-test", "token"]
            }
        }
    }
}

extension Parameter {
    func segment(named name: String) -> String {
        switch self {
        case .key: ":\(name)"
        case .value(let value as UUID): value.uuidString.lowercased()
        case .value(let value): "\(value)"
        }
    }
}

extension SiteRoute {
    /// The language switch link that returns the visitor to the page they were on.
    static func languageSwitch(to language: UILanguage, returningTo path: String) -> String {
        var components = URLComponents()
        components.path = SiteRoute.language(.value(language.rawValue)).path
        components.queryItems = [URLQueryItem(name: "return", value: path)]
        return components.string ?? SiteRoute.language(.value(language.rawValue)).path
    }
}

extension SiteRoute {
    /// The base URL the BankID client uses to reach the test server of this same Lots.
    static func bankIDTestBaseURL(origin: String) -> String {
        origin + "/bankid-test/rp/v6.0"
    }
}
