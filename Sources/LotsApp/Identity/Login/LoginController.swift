import Fluent
import Foundation
import LotsCore
import Vapor

/// Sign-in with BankID and sign-out.
enum LoginController {
    static let browserCookie = "lots_bankid"

    @Sendable
    static func show(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: SiteRoute.start.path) }
        let cancelled = req.queryValue("cancelled") != nil
        return try await LoginPage.render(cancelled: cancelled, context: req.pageContext).encodeResponse(for: req)
    }

    @Sendable
    static func start(req: Request) async throws -> Response {
        let browserToken = SessionStore.randomToken()
        let login: BankIDLogin
        do {
            login = try await req.bankIDLogins.start(endUserIp: req.endUserIP, browserToken: browserToken, on: req.db)
        } catch let error as BankIDError {
            req.logger.warning("BankID order could not be started: \(error.safeDescription)")
            throw Abort(.serviceUnavailable, reason: "BankID could not be reached. Try again in a moment.")
        }
        let response = req.redirect(to: SiteRoute.loginBankID(.value(try login.requireID())).path)
        response.cookies[browserCookie] = HTTPCookies.Value(string: browserToken, path: "/login", isSecure: req.application.config.behindTLS,
                                                            isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// The waiting page. It also collects, so the flow completes without JavaScript (the page reloads itself).
    @Sendable
    static func progress(req: Request) async throws -> Response {
        let login = try await ownLogin(req)
        let outcome = try await req.bankIDLogins.poll(login, on: req.db)
        if case .signedIn(let token) = outcome { return signIn(req, token: token, response: req.redirect(to: SiteRoute.start.path)) }
        if outcome == .chooseOrganisation { return req.redirect(to: SiteRoute.loginBankIDOrganisation(.value(try login.requireID())).path) }
        let model = BankIDLoginPage.Model(loginID: try login.requireID(), outcome: outcome, qrSVG: qrSVG(login, req),
                                          autoStartURL: autoStartURL(login, req))
        return try await BankIDLoginPage.render(model, context: req.pageContext).encodeResponse(for: req)
    }

    /// What the page's script polls every second: a fresh QR code and the state.
    @Sendable
    static func status(req: Request) async throws -> Response {
        let login = try await ownLogin(req)
        let outcome = try await req.bankIDLogins.poll(login, on: req.db)
        let texts = req.texts
        var body = BankIDLoginStatus(state: "pending", message: texts(BankIDText.message(for: outcome)), qr: nil, redirect: nil)
        switch outcome {
        case .pending: body.qr = qrSVG(login, req)
        case .failed, .noAccount: body.state = "failed"
        case .chooseOrganisation:
            body.state = "complete"
            body.redirect = SiteRoute.loginBankIDOrganisation(.value(try login.requireID())).path
        case .signedIn(let token):
            body.state = "complete"
            body.redirect = SiteRoute.start.path
            return signIn(req, token: token, response: try await body.encodeResponse(for: req))
        }
        return try await body.encodeResponse(for: req)
    }

    /// A person with accounts in several organisations chooses which one to sign in to.
    @Sendable
    static func organisations(req: Request) async throws -> Response {
        let login = try await ownLogin(req)
        let candidates = login.candidates(now: req.clock.now())
        guard !candidates.isEmpty else { return req.redirect(to: SiteRoute.login.path + "?cancelled=1") }
        let organisations = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: req.db).all().map { (try $0.requireID(), $0.name) })
        var choices: [OrganisationChoicePage.Choice] = []
        let staffIDs = candidates.filter { $0.kind == .staff }.map(\.id)
        for account in try await StaffAccount.query(on: req.db).filter(\.$id ~~ staffIDs).filter(\.$active == true).all() {
            choices.append(.init(candidate: .init(kind: .staff, id: try account.requireID()), organisation: organisations[account.$organisation.id] ?? ""))
        }
        let participantIDs = candidates.filter { $0.kind == .participant }.map(\.id)
        for participant in try await Participant.query(on: req.db).filter(\.$id ~~ participantIDs).all() {
            choices.append(.init(candidate: .init(kind: .participant, id: try participant.requireID()), organisation: organisations[participant.organisationID] ?? ""))
        }
        choices.sort { ($0.organisation, $0.candidate.kind.rawValue) < ($1.organisation, $1.candidate.kind.rawValue) }
        return try await OrganisationChoicePage.render(.init(loginID: try login.requireID(), choices: choices), context: req.pageContext)
            .encodeResponse(for: req)
    }

    @Sendable
    static func chooseOrganisation(req: Request) async throws -> Response {
        struct Form: Content { var account: String }
        let login = try await ownLogin(req)
        guard let form = try? req.content.decode(Form.self), let candidate = BankIDLogin.Candidate(form.account),
              let token = try await req.bankIDLogins.choose(candidate, for: login, on: req.db) else {
            throw Abort(.badRequest, reason: "That organisation is not one you can sign in to. Sign in again.")
        }
        return signIn(req, token: token, response: req.redirect(to: SiteRoute.start.path))
    }

    @Sendable
    static func cancel(req: Request) async throws -> Response {
        if let login = try? await ownLogin(req) { try await req.bankIDLogins.cancel(login, on: req.db) }
        return req.redirect(to: SiteRoute.login.path + "?cancelled=1")
    }

    @Sendable
    static func logout(req: Request) async throws -> Response {
        if let session = req.signedIn {
            try await req.application.auditLog.record(AuditDraft(organisationID: session.organisationID, actorID: session.accountID,
                                                                 action: .logout, purpose: "sign_out"))
        }
        if let token = req.cookieValue(SessionMiddleware.cookieName) {
            try await req.application.sessionStore.revoke(token: token, now: req.clock.now(), on: req.db)
        }
        let response = req.redirect(to: SiteRoute.home.path)
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.expired
        return response
    }

    @Sendable
    static func logoutEverywhere(req: Request) async throws -> Response {
        if let session = req.signedIn {
            try await req.application.auditLog.record(AuditDraft(organisationID: session.organisationID, actorID: session.accountID,
                                                                 action: .logout, purpose: "sign_out", query: "scope=all_devices"))
            try await req.application.sessionStore.revokeAll(accountID: session.accountID, now: req.clock.now(), on: req.db)
        }
        let response = req.redirect(to: SiteRoute.home.path)
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.expired
        return response
    }

    // MARK: - helpers

    /// A login may only be watched and completed by the browser that started it.
    private static func ownLogin(_ req: Request) async throws -> BankIDLogin {
        guard let id = req.parameters.get("loginID", as: UUID.self), let login = try await BankIDLogin.find(id, on: req.db),
              let token = req.cookieValue(browserCookie), CSRFMiddleware.equal(SessionStore.hash(token), login.browserHash) else {
            throw Abort(.notFound)
        }
        return login
    }

    static func signIn(_ req: Request, token: String, response: Response) -> Response {
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie(token: token, secure: req.application.config.behindTLS)
        response.cookies[browserCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/login")
        return response
    }

    private static func qrSVG(_ login: BankIDLogin, _ req: Request) -> String? {
        guard login.state == .pending else { return nil }
        let seconds = Int(req.clock.now().timeIntervalSince(login.startedAt))
        let content = BankIDQRCode.content(qrStartToken: login.qrStartToken, qrStartSecret: login.qrStartSecret, secondsSinceStart: seconds)
        return try? QRCode(encoding: content, errorCorrection: .low).svg(moduleSize: 5, quietZone: 4, title: req.texts(BankIDText.qrTitle))
    }

    /// BankID's same-device link; with the test server it opens the test server's stand-in for the app.
    private static func autoStartURL(_ login: BankIDLogin, _ req: Request) -> String {
        switch req.application.config.bankID {
        case .testServer:
            var components = URLComponents()
            components.path = SiteRoute.bankIDTestApp.path
            components.queryItems = [URLQueryItem(name: "autostarttoken", value: login.autoStartToken)]
            return components.string ?? SiteRoute.bankIDTestApp.path
        case .live:
            return "bankid:///?autostarttoken=\(login.autoStartToken)&redirect=null"
        }
    }
}

struct BankIDLoginStatus: Content {
    var state: String
    var message: String
    var qr: String?
    var redirect: String?
}

extension Request {
    var bankIDLogins: BankIDLoginService {
        BankIDLoginService(client: application.bankIDClient, clock: clock, keyRing: application.keyRing, sessions: application.sessionStore,
                           audit: application.auditLog)
    }

    /// The end user's address as BankID needs it: the proxy's forwarded address when behind one.
    var endUserIP: String {
        if application.config.behindTLS, let forwarded = headers.first(name: .xForwardedFor)?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "127.0.0.1"
    }
}
