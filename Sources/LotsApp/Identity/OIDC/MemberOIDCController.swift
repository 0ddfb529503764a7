import Fluent
import Foundation
import Vapor

/// Sign-in with an OpenID Connect provider for partnership members, registration of newcomers who came
/// that way, and linking provider accounts on the member's own page.
enum MemberOIDCController {
    /// Holds the flow's state value between the redirect to the provider and the way back (SameSite=Lax,
    /// so it travels with the provider's top-level redirect, and nowhere else).
    static let flowCookie = "lots_oidc_flow"

    private static func provider(_ req: Request, offeredTo organisation: Organisation? = nil) throws -> AppConfig.OIDCProviderSetting {
        guard let id = req.parameters.get("provider"),
              let provider = req.application.oidcProviders.first(where: { $0.id == id }),
              organisation.map(provider.offered(to:)) ?? true else { throw Abort(.notFound) }
        return provider
    }

    private static func flowCookieValue(_ req: Request, state: String, lifetime: TimeInterval) -> HTTPCookies.Value {
        HTTPCookies.Value(string: state, maxAge: Int(lifetime), path: "/partnership", isSecure: req.application.config.behindTLS,
                          isHTTPOnly: true, sameSite: .lax)
    }

    private static func redirectToProvider(_ req: Request, _ provider: AppConfig.OIDCProviderSetting, organisation: Organisation,
                                           linking memberID: UUID?) async throws -> Response {
        let started: MemberOIDC.Started
        let organisationID = try organisation.requireID()
        do {
            started = try await req.application.memberOIDC.start(provider, organisationID: organisationID, linkingMemberID: memberID,
                                                                 redirectURI: req.application.oidcRedirectURI(provider: provider.id), on: req.db)
        } catch {
            req.logger.warning("OpenID sign-in could not start: \(error.safeDescription)")
            let back = memberID == nil ? SiteRoute.memberLogin(.value(organisation.slug)).path : SiteRoute.memberHome.path
            return req.redirect(to: back + "?oidc=provider")
        }
        let response = req.redirect(to: started.authorizationURL)
        response.cookies[flowCookie] = flowCookieValue(req, state: started.state, lifetime: MemberOIDC.flowLifetime)
        return response
    }

    /// "Sign in with …": a link (GET), so the redirect to another site is a plain navigation.
    @Sendable
    static func start(req: Request) async throws -> Response {
        let organisation = try await MemberController.partnership(req)
        return try await redirectToProvider(req, try provider(req, offeredTo: organisation), organisation: organisation, linking: nil)
    }

    /// A signed-in member adds a provider account to their membership.
    @Sendable
    static func link(req: Request) async throws -> Response {
        let member = try await MemberController.signedInMember(req)
        guard let organisation = try await Organisation.find(member.organisationID, on: req.db) else { throw Abort(.notFound) }
        return try await redirectToProvider(req, try provider(req, offeredTo: organisation), organisation: organisation, linking: try member.requireID())
    }

    @Sendable
    static func unlink(req: Request) async throws -> Response {
        let member = try await MemberController.signedInMember(req)
        let done = try await req.application.memberOIDC.unlink(member: member, provider: req.parameters.get("provider") ?? "", on: req.db)
        return req.redirect(to: SiteRoute.memberHome.path + (done ? "?oidc=unlinked" : "?oidc=last_method"))
    }

    /// Where the provider sends the browser back, with a code or an error.
    @Sendable
    static func callback(req: Request) async throws -> Response {
        let provider = try provider(req)
        let outcome = try await req.application.memberOIDC.finish(
            provider, state: req.queryValue("state"), cookieState: req.cookieValue(flowCookie),
            code: req.queryValue("code"), error: req.queryValue("error"),
            redirectURI: req.application.oidcRedirectURI(provider: provider.id), on: req.db)
        let slug = try await organisationSlug(outcome, req)
        let response: Response
        switch outcome {
        case .signedIn(let memberID):
            guard let member = try await Member.find(memberID, on: req.db) else { throw Abort(.notFound) }
            response = try await MemberController.startSession(req, memberID: memberID, organisationID: member.organisationID, method: "oidc:" + provider.id)
        case .needsCode(let memberID):
            guard let member = try await Member.find(memberID, on: req.db) else { throw Abort(.notFound) }
            let token = try await req.application.memberTwoStep.challenge(memberID: memberID, organisationID: member.organisationID, on: req.db)
            response = req.redirect(to: SiteRoute.memberLoginCode(.value(slug ?? "")).path)
            response.cookies[MemberController.challengeCookie] = HTTPCookies.Value(
                string: token, maxAge: Int(MemberTwoStep.challengeLifetime), path: "/partnership",
                isSecure: req.application.config.behindTLS, isHTTPOnly: true, sameSite: .lax)
        case .linked:
            response = req.redirect(to: SiteRoute.memberHome.path + "?oidc=linked")
        case .register:
            // The cookie now stands for the registration; it lives as long as the registration may take.
            response = req.redirect(to: SiteRoute.memberOIDCRegister.path)
            response.cookies[flowCookie] = flowCookieValue(req, state: req.queryValue("state") ?? "", lifetime: MemberOIDC.registrationLifetime)
            return response
        case .refused(let refusal, let organisationID):
            let target = refusal == .alreadyLinked ? SiteRoute.memberHome.path
                : slug.map { SiteRoute.memberLogin(.value($0)).path } ?? SiteRoute.home.path
            response = req.redirect(to: target + "?oidc=" + refusal.rawValue)
            // An answer matching no flow of this browser (forged, or from elsewhere) leaves its own flow alone.
            if organisationID == nil { return response }
        }
        response.cookies[flowCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/partnership")
        return response
    }

    private static func organisationSlug(_ outcome: MemberOIDC.Outcome, _ req: Request) async throws -> String? {
        let organisationID: UUID?
        switch outcome {
        case .register(let id): organisationID = id
        case .refused(_, let id): organisationID = id
        case .signedIn(let id), .needsCode(let id), .linked(let id): organisationID = try await Member.find(id, on: req.db)?.organisationID
        }
        guard let organisationID else { return nil }
        return try await Organisation.find(organisationID, on: req.db)?.slug
    }

    struct RegistrationForm: Content, Sendable {
        var username: String = ""
        var givenName: String = ""
        var familyName: String = ""
        var email: String = ""
        var memberOrganisation: String = ""
    }

    private static func pendingRegistration(_ req: Request) async throws -> (MemberOIDC.Pending, Organisation, AppConfig.OIDCProviderSetting?)? {
        guard let pending = try await req.application.memberOIDC.pending(state: req.cookieValue(flowCookie), on: req.db),
              let organisation = try await Organisation.find(pending.flow.organisationID, on: req.db) else { return nil }
        return (pending, organisation, req.application.oidcProviders.first { $0.id == pending.flow.provider })
    }

    @Sendable
    static func registrationForm(req: Request) async throws -> Response {
        guard let (pending, organisation, provider) = try await pendingRegistration(req) else {
            return req.redirect(to: SiteRoute.home.path)
        }
        let claims = pending.claims
        let suggested = claims.email.split(separator: "@").first.map { String($0).lowercased() } ?? ""
        let form = RegistrationForm(username: suggested, givenName: claims.givenName, familyName: claims.familyName, email: claims.email)
        return try await MemberOIDCRegisterPage.render(.init(organisation: organisation.name, provider: provider?.name ?? "", form: form,
                                                             problems: [], checkMail: false), context: req.pageContext).encodeResponse(for: req)
    }

    @Sendable
    static func register(req: Request) async throws -> Response {
        guard let (pending, organisation, provider) = try await pendingRegistration(req) else {
            return req.redirect(to: SiteRoute.home.path)
        }
        let form = try req.content.decode(RegistrationForm.self)
        let page = { (problems: [MemberAccounts.Problem], checkMail: Bool) in
            MemberOIDCRegisterPage.render(.init(organisation: organisation.name, provider: provider?.name ?? "", form: form,
                                                problems: problems, checkMail: checkMail), context: req.pageContext)
        }
        let registered: MemberOIDC.Registered
        do {
            registered = try await req.application.memberOIDC.register(
                pending, username: form.username, givenName: form.givenName, familyName: form.familyName, email: form.email,
                memberOrganisation: form.memberOrganisation, organisation: organisation, texts: req.texts, on: req.db)
        } catch let refused as MemberAccounts.Refused {
            return try await page(refused.problems, false).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let response: Response
        switch registered {
        case .signedIn(let memberID):
            response = try await MemberController.startSession(req, memberID: memberID, organisationID: try organisation.requireID(),
                                                               method: "oidc:" + pending.flow.provider)
        case .checkMail:
            response = try await page([], true).encodeResponse(for: req)
        }
        response.cookies[flowCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/partnership")
        return response
    }
}
