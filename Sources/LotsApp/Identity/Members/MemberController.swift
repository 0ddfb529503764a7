import Fluent
import Foundation
import LotsCore
import Vapor

/// Registration, e-mail verification and password sign-in of partnership members, and their own page.
enum MemberController {
    struct RegistrationForm: Content, Sendable {
        var username: String = ""
        var givenName: String = ""
        var familyName: String = ""
        var email: String = ""
        var memberOrganisation: String = ""
        var password: String = ""
    }

    static func partnership(_ req: Request) async throws -> Organisation {
        guard let slug = req.parameters.get("organisation"),
              let organisation = try await Organisation.query(on: req.db).filter(\.$slug == slug).first(),
              organisation.kind == .partnership else { throw Abort(.notFound) }
        return organisation
    }

    @Sendable
    static func registrationForm(req: Request) async throws -> HTML {
        let organisation = try await partnership(req)
        return MemberRegisterPage.render(.init(organisation: organisation.name, slug: organisation.slug, form: .init(), problems: [], done: false,
                                               providers: providers(req, organisation)), context: req.pageContext)
    }

    @Sendable
    static func register(req: Request) async throws -> Response {
        let organisation = try await partnership(req)
        var form = try req.content.decode(RegistrationForm.self)
        do {
            try await req.application.memberAccounts.register(
                .init(username: form.username, givenName: form.givenName, familyName: form.familyName, email: form.email,
                      memberOrganisation: form.memberOrganisation, password: form.password),
                organisation: organisation, language: req.uiLanguage, on: req.db)
        } catch let refused as MemberAccounts.Refused {
            form.password = ""
            return MemberRegisterPage.render(.init(organisation: organisation.name, slug: organisation.slug, form: form, problems: refused.problems, done: false,
                                                   providers: providers(req, organisation)),
                                             context: req.pageContext).encodeResponse(status: .unprocessableEntity)
        }
        return MemberRegisterPage.render(.init(organisation: organisation.name, slug: organisation.slug, form: .init(), problems: [], done: true),
                                         context: req.pageContext).encodeResponse(status: .ok)
    }

    @Sendable
    static func verifyForm(req: Request) async throws -> HTML {
        let organisation = try await partnership(req)
        return MemberVerifyPage.render(.init(slug: organisation.slug, token: req.parameters.get("token") ?? "", outcome: nil), context: req.pageContext)
    }

    /// Confirming is a POST from the page the link opens, so mail scanners that fetch links confirm nothing.
    @Sendable
    static func verify(req: Request) async throws -> Response {
        let organisation = try await partnership(req)
        let token = req.parameters.get("token") ?? ""
        let verified = try await req.application.memberAccounts.verify(token: token, organisationID: try organisation.requireID(), on: req.db)
        return MemberVerifyPage.render(.init(slug: organisation.slug, token: token, outcome: verified), context: req.pageContext)
            .encodeResponse(status: verified ? .ok : .unprocessableEntity)
    }

    @Sendable
    static func loginForm(req: Request) async throws -> HTML {
        let organisation = try await partnership(req)
        return MemberLoginPage.render(.init(organisation: organisation.name, slug: organisation.slug, username: "", outcome: nil,
                                            deleted: req.queryValue("deleted") != nil, providers: providers(req, organisation),
                                            oidcOutcome: req.queryValue("oidc")), context: req.pageContext)
    }

    @Sendable
    static func login(req: Request) async throws -> Response {
        struct Form: Content { var username: String; var password: String }
        let organisation = try await partnership(req)
        let form = try req.content.decode(Form.self)
        let organisationID = try organisation.requireID()
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let outcome = try await req.application.memberAccounts.signIn(username: form.username, password: form.password, address: address,
                                                                       organisationID: organisationID, on: req.db)
        if case .needsCode(let memberID) = outcome {
            let token = try await req.application.memberTwoStep.challenge(memberID: memberID, organisationID: organisationID, on: req.db)
            let response = req.redirect(to: SiteRoute.memberLoginCode(.value(organisation.slug)).path)
            response.cookies[challengeCookie] = HTTPCookies.Value(string: token, maxAge: Int(MemberTwoStep.challengeLifetime), path: "/partnership",
                                                                  isSecure: req.application.config.behindTLS, isHTTPOnly: true, sameSite: .lax)
            return response
        }
        guard case .signedIn(let memberID) = outcome else {
            return MemberLoginPage.render(.init(organisation: organisation.name, slug: organisation.slug, username: form.username, outcome: outcome,
                                                providers: providers(req, organisation)),
                                          context: req.pageContext).encodeResponse(status: outcome == .locked ? .tooManyRequests : .unauthorized)
        }
        return try await startSession(req, memberID: memberID, organisationID: organisationID, method: "password")
    }

    static let challengeCookie = "lots_member_challenge"

    /// The sign-in services (OpenID Connect providers) an organisation offers, for the login and registration pages.
    private static func providers(_ req: Request, _ organisation: Organisation) -> [(id: String, name: String)] {
        req.application.oidcProviders(for: organisation).map { ($0.id, $0.name) }
    }

    static func startSession(_ req: Request, memberID: UUID, organisationID: UUID, method: String) async throws -> Response {
        let (token, _) = try await req.application.sessionStore.create(kind: .member, accountID: memberID, organisationID: organisationID,
                                                                       method: method, now: req.clock.now(), on: req.db)
        try await req.application.auditLog.record(AuditDraft(organisationID: organisationID, actorID: memberID, actorRole: "member",
                                                             action: .login, purpose: "membership", query: method))
        let response = LoginController.signIn(req, token: token, response: req.redirect(to: SiteRoute.memberHome.path))
        response.cookies[challengeCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/partnership")
        return response
    }

    @Sendable
    static func codeForm(req: Request) async throws -> HTML {
        let organisation = try await partnership(req)
        return MemberCodePage.render(.init(slug: organisation.slug, outcome: nil), context: req.pageContext)
    }

    @Sendable
    static func code(req: Request) async throws -> Response {
        struct Form: Content { var code: String }
        let organisation = try await partnership(req)
        let organisationID = try organisation.requireID()
        let code = try req.content.decode(Form.self).code
        let token = req.cookieValue(challengeCookie) ?? ""
        let answer = try await req.application.memberTwoStep.answer(token: token, code: code, organisationID: organisationID, on: req.db)
        guard case .accepted(let memberID) = answer else {
            var wrong = false
            if case .wrong(let memberID) = answer {
                wrong = true
                try await req.application.memberAccounts.recordFailedCode(memberID: memberID, address: req.remoteAddress?.ipAddress ?? "unknown", on: req.db)
            }
            try await req.application.auditLog.record(AuditDraft(organisationID: organisationID, action: .loginRefused, purpose: "membership",
                                                                 query: wrong ? "totp wrong" : "totp expired"))
            return MemberCodePage.render(.init(slug: organisation.slug, outcome: answer), context: req.pageContext)
                .encodeResponse(status: .unauthorized)
        }
        return try await startSession(req, memberID: memberID, organisationID: organisationID, method: "password+totp")
    }

    @Sendable
    static func twoStep(req: Request) async throws -> HTML {
        let member = try await signedInMember(req)
        return try await twoStepPage(req, member, outcome: nil)
    }

    @Sendable
    static func changeTwoStep(req: Request) async throws -> Response {
        struct Form: Content { var code: String; var action: String }
        let member = try await signedInMember(req)
        let form = try req.content.decode(Form.self)
        let twoStep = req.application.memberTwoStep
        let done = form.action == "disable" ? try await twoStep.disable(form.code, for: member, on: req.db)
            : try await twoStep.enable(form.code, for: member, on: req.db)
        return try await twoStepPage(req, member, outcome: done).encodeResponse(status: done ? .ok : .unprocessableEntity)
    }

    private static func twoStepPage(_ req: Request, _ member: Member, outcome: Bool?) async throws -> HTML {
        var setup: MemberTwoStepPage.Setup?
        if member.totpEnabledAt == nil {
            let secret = try await req.application.memberTwoStep.secret(for: member, on: req.db)
            let uri = TOTP.provisioningURI(secret: secret, account: member.username, issuer: "Lots")
            setup = .init(secret: Base32.encode(secret), qrSVG: try QRCode(encoding: uri).svg(title: req.texts(MemberText.twoStepQRTitle)))
        }
        return MemberTwoStepPage.render(.init(enabled: member.totpEnabledAt != nil, setup: setup, outcome: outcome), context: req.pageContext)
    }

    @Sendable
    static func deleteSelf(req: Request) async throws -> Response {
        struct Form: Content { var password: String?; var confirm: String? }
        let member = try await signedInMember(req)
        let organisation = try await Organisation.find(member.organisationID, on: req.db)
        let form = try req.content.decode(Form.self)
        let deleted = try await req.application.memberAccounts.deleteSelf(
            memberID: try member.requireID(), password: form.password, confirmed: form.confirm == "yes", sessions: req.application.sessionStore, on: req.db)
        guard deleted else { return req.redirect(to: SiteRoute.memberHome.path + "?delete=refused") }
        let response = req.redirect(to: SiteRoute.memberLogin(.value(organisation?.slug ?? "")).path + "?deleted=1")
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.expired
        return response
    }

    static func signedInMember(_ req: Request) async throws -> Member {
        guard let session = req.signedIn, session.kind == .member, let member = try await Member.find(session.accountID, on: req.db) else {
            throw Abort(.forbidden)
        }
        return member
    }

    @Sendable
    static func home(req: Request) async throws -> HTML {
        guard let session = req.signedIn, session.kind == .member,
              let member = try await Member.find(session.accountID, on: req.db) else { throw Abort(.forbidden) }
        // A member reading their own data is recorded like any other read.
        try await req.application.auditLog.record(AuditDraft(organisationID: session.organisationID, actorID: session.accountID, actorRole: "member",
                                                             action: .view, subject: SubjectReference.member(session.accountID),
                                                             purpose: "own_data", resultCount: 1, query: "profile"))
        let key = try await req.application.keyRing.subjectKey(session.accountID, organisationID: session.organisationID, on: req.db)
        let row = SealedRow(key: key, table: Member.schema, rowID: session.accountID)
        let notice = try await PrivacyNotices.notice(organisationID: session.organisationID, language: req.uiLanguage.rawValue, on: req.db)
        let linked = Set(try await MemberExternalIdentity.query(on: req.db).filter(\.$memberID == session.accountID).all().map(\.provider))
        let offered = try await Organisation.find(session.organisationID, on: req.db).map { req.application.oidcProviders(for: $0) } ?? []
        return MemberHomePage.render(.init(
            username: member.username, name: try row.open(member.givenName, "given_name") + " " + (try row.open(member.familyName, "family_name")),
            email: try row.open(member.email, "email"), memberOrganisation: try row.open(member.memberOrganisation, "member_organisation"),
            organisation: session.organisationName, notice: notice, deleteRefused: req.queryValue("delete") != nil,
            hasPassword: member.hasPassword, services: offered.map { ($0.id, $0.name, linked.contains($0.id)) },
            oidcOutcome: req.queryValue("oidc")), context: req.pageContext)
    }
}
