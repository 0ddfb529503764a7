import Fluent
import Foundation
import LotsCore
import Plot
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
        return MemberRegisterPage.render(.init(organisation: organisation.name, slug: organisation.slug, form: .init(), problems: [], done: false),
                                         context: req.pageContext)
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
            return MemberRegisterPage.render(.init(organisation: organisation.name, slug: organisation.slug, form: form, problems: refused.problems, done: false),
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
        return MemberLoginPage.render(.init(organisation: organisation.name, slug: organisation.slug, username: "", outcome: nil), context: req.pageContext)
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
        guard case .signedIn(let memberID) = outcome else {
            return MemberLoginPage.render(.init(organisation: organisation.name, slug: organisation.slug, username: form.username, outcome: outcome),
                                          context: req.pageContext).encodeResponse(status: outcome == .locked ? .tooManyRequests : .unauthorized)
        }
        let (token, _) = try await req.application.sessionStore.create(kind: .member, accountID: memberID, organisationID: organisationID,
                                                                       method: "password", now: req.clock.now(), on: req.db)
        try await req.application.auditLog.record(AuditDraft(organisationID: organisationID, actorID: memberID, actorRole: "member",
                                                             action: .login, purpose: "membership", query: "password"))
        return LoginController.signIn(req, token: token, response: req.redirect(to: SiteRoute.memberHome.path))
    }

    @Sendable
    static func home(req: Request) async throws -> HTML {
        guard let session = req.signedIn, session.kind == .member,
              let member = try await Member.find(session.accountID, on: req.db) else { throw Abort(.forbidden) }
        // A member reading their own data is recorded like any other read.
        try await req.application.auditLog.record(AuditDraft(organisationID: session.organisationID, actorID: session.accountID, actorRole: "member",
                                                             action: .view, subject: "member:\(session.accountID.uuidString.lowercased())",
                                                             purpose: "own_data", resultCount: 1, query: "profile"))
        let key = try await req.application.keyRing.subjectKey(session.accountID, organisationID: session.organisationID, on: req.db)
        let row = SealedRow(key: key, table: Member.schema, rowID: session.accountID)
        let notice = try await PrivacyNotices.notice(organisationID: session.organisationID, language: req.uiLanguage.rawValue, on: req.db)
        return MemberHomePage.render(.init(
            username: member.username, name: try row.open(member.givenName, "given_name") + " " + (try row.open(member.familyName, "family_name")),
            email: try row.open(member.email, "email"), memberOrganisation: try row.open(member.memberOrganisation, "member_organisation"),
            organisation: session.organisationName, notice: notice), context: req.pageContext)
    }
}
