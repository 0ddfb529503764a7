import Fluent
import SQLKit
import Foundation
import Testing
import VaporTesting
@testable import LotsApp

/// Signing in with BankID through the BankID test server, as a browser does, and the session rules.
@Suite struct LoginFlowTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A migrated, seeded app whose BankID test server listens on a loopback port.
    func withServer(_ body: (Application, FixedClock) async throws -> Void) async throws {
        try await withLotsApp { app in
            let clock = FixedClock(start)
            app.clock = clock
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            do { try await body(app, clock) } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    /// Starts a sign-in in `browser` and returns the login's id.
    func startLogin(_ browser: TestBrowser) async throws -> UUID {
        let loginPage = try await browser.get("/login")
        let token = try #require(loginPage.csrfToken)
        let started = try await browser.post("/login/bankid", form: ["_csrf": token])
        #expect(started.status == .seeOther)
        let location = try #require(started.location)
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }

    /// Signs `browser` in as the test server's identity number `identity`, the whole way through.
    func signIn(_ browser: TestBrowser, as identity: Int, clock: FixedClock) async throws {
        let loginID = try await startLogin(browser)
        try await approve(browser.app, loginID: loginID, identity: identity)
        clock.advance(by: 2)
        try await browser.get("/login/bankid/\(loginID.uuidString)/status")
    }

    func approve(_ app: Application, loginID: UUID, identity: Int) async throws {
        let login = try #require(try await BankIDLogin.find(loginID, on: app.db))
        let orderRef = try await app.bankIDTestOrders.open(autoStartToken: login.autoStartToken, qrContent: nil)
        try await app.bankIDTestOrders.approve(orderRef: orderRef, identity: BankIDTestAppController.identities[identity])
    }

    @Test func handledareSignsInAndLandsOnTheirStartPage() async throws {
        try await withServer { app, clock in
            let browser = TestBrowser(app)
            browser.setCookie(SessionMiddleware.cookieName, "attacker-chosen-session-token")
            let loginID = try await startLogin(browser)

            let waiting = try await browser.get("/login/bankid/\(loginID.uuidString)")
            #expect(waiting.status == .ok)
            #expect(waiting.body.contains("<svg"), "the QR code is drawn on the server")
            #expect(waiting.body.contains("/bankid-test/app?autostarttoken="))

            try await approve(app, loginID: loginID, identity: 2) // Hanna Handledarsson
            clock.advance(by: 2)
            let status = try await browser.get("/login/bankid/\(loginID.uuidString)/status")
            #expect(status.body.contains("\"state\":\"complete\""))
            let setCookie = try #require(status.headers.setCookie?[SessionMiddleware.cookieName])
            #expect(setCookie.isHTTPOnly)
            #expect(setCookie.sameSite == .lax)
            #expect(setCookie.string != "attacker-chosen-session-token", "a session is never adopted from the browser")
            #expect(try await BankIDLogin.find(loginID, on: app.db) == nil, "the finished login is forgotten")

            let startPage = try await browser.get("/start")
            #expect(startPage.status == .ok)
            #expect(startPage.body.contains("Välkommen, Hanna Handledarsson"))
            let logins = try await app.db.sql.raw("SELECT * FROM audit_events WHERE action = 'login'").all().map(AuditVerifier.entry)
            #expect(logins.count == 1)
            #expect(logins.first?.query == "method=bankid")
            #expect(startPage.body.contains("data-role=\"handledare\""))
            #expect(startPage.body.contains("Exempelmissionen (demo)"))
        }
    }

    @Test func aPersonWithAccountsInTwoOrganisationsChoosesOne() async throws {
        try await withServer { app, clock in
            let karin = try #require(BankIDTestAppController.identities.firstIndex { $0.name == DemoData.karin.name })
            let browser = TestBrowser(app)
            let loginID = try await startLogin(browser)
            try await approve(app, loginID: loginID, identity: karin)
            clock.advance(by: 2)
            let chooser = SiteRoute.loginBankIDOrganisation(.value(loginID)).path
            let status = try await browser.get("/login/bankid/\(loginID.uuidString)/status")
            let answer = try JSONDecoder().decode(BankIDLoginStatus.self, from: Data(status.body.utf8))
            #expect(answer.state == "complete" && answer.redirect == chooser)
            #expect(status.headers.setCookie?[SessionMiddleware.cookieName] == nil, "no session before the choice")

            #expect(try await TestBrowser(app).get(chooser).status == .notFound, "only the browser that signed in may choose")
            let page = try await browser.get(chooser)
            #expect(page.status == .ok && page.body.contains("Exempelmissionen (demo)") && page.body.contains("Kumppanuusalusta (demo)"))
            let token = try #require(page.csrfToken)

            // Only the accounts BankID found can be chosen.
            let hanna = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hanna Handledarsson").first()?.requireID())
            #expect(try await browser.post(chooser, form: ["_csrf": token, "account": "staff:" + hanna.uuidString]).status == .badRequest)

            let partnership = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.partnership.slug).first()?.requireID())
            let account = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == DemoData.karin.name)
                .filter(\.$organisation.$id == partnership).first()?.requireID())
            let chosen = try await browser.post(chooser, form: ["_csrf": token, "account": "staff:" + account.uuidString])
            #expect(chosen.status == .seeOther && chosen.location == "/start")
            let start = try await browser.get("/start")
            #expect(start.body.contains("Kumppanuusalusta (demo)") && !start.body.contains("Exempelmissionen (demo)"))
            #expect(try await BankIDLogin.find(loginID, on: app.db) == nil, "the choice is spent")
            let sessionToken = try #require(start.csrfToken)
            #expect(try await browser.post(chooser, form: ["_csrf": sessionToken, "account": "staff:" + account.uuidString]).status == .notFound)

            // A choice left open too long lapses.
            let late = TestBrowser(app)
            let lateID = try await startLogin(late)
            try await approve(app, loginID: lateID, identity: karin)
            clock.advance(by: 2)
            try await late.get("/login/bankid/\(lateID.uuidString)/status")
            clock.advance(by: BankIDLoginService.chooseWithin + 1)
            #expect(try await late.get("/login/bankid/\(lateID.uuidString)/organisation").location == "/login?cancelled=1")
        }
    }

    @Test func aParticipantSignsInAndSeesOnlyTheirOwnData() async throws {
        try await withServer { app, clock in
            let cecilia = try #require(BankIDTestAppController.identities.firstIndex { $0.name == "Cecilia Testström" })
            let browser = TestBrowser(app)
            let loginID = try await startLogin(browser)
            try await approve(app, loginID: loginID, identity: cecilia)
            clock.advance(by: 2)
            let status = try await browser.get("/login/bankid/\(loginID.uuidString)/status")
            #expect(status.body.contains("\"state\":\"complete\""))
            #expect(try await browser.get("/start").location == "/me")

            let own = try await browser.get("/me")
            #expect(own.status == .ok)
            #expect(own.body.contains("Cecilia Testström") && own.body.contains("Hanna Handledarsson"))
            #expect(!own.body.contains("Amira"), "nobody else's data")
            // Her identity is protected from staff views, not from herself: her own page shows her contact details.
            let id = try await ParticipantFixture.id(of: "Cecilia", in: app)
            let participant = try #require(try await Participant.find(id, on: app.db))
            let key = try await app.keyRing.subjectKey(id, organisationID: participant.organisationID, on: app.db)
            let phone = try #require(try SealedRow(key: key, table: Participant.schema, rowID: id).open(participant.phone, "phone"))
            #expect(participant.protectedIdentity && own.body.contains(phone))
            #expect(own.body.contains("Rusta och matcha"), "the current privacy notice is on the page")

            for path in ["/participants", "/participants/import", "/privacy/audit", "/member", "/admin/accounts"] {
                #expect(try await browser.get(path).status == .forbidden, "\(path)")
            }
            let events = try await app.db.sql.raw("SELECT * FROM audit_events WHERE actor_role = 'participant'").all().map(AuditVerifier.entry)
            #expect(events.map(\.action) == ["login", "view"])
            #expect(events.allSatisfy { $0.subject == SubjectReference.participant(id) })
        }
    }

    @Test func signOutEndsTheSession() async throws {
        try await withServer { app, clock in
            let browser = TestBrowser(app)
            try await signIn(browser, as: 0, clock: clock)
            let session = try #require(browser.cookies[SessionMiddleware.cookieName])

            let startPage = try await browser.get("/start")
            let token = try #require(startPage.csrfToken)
            let forged = try await browser.post("/logout", form: ["_csrf": "not-the-token"])
            #expect(forged.status == .forbidden)
            #expect(try await browser.get("/start").status == .ok, "a forged sign-out changes nothing")

            let loggedOut = try await browser.post("/logout", form: ["_csrf": token])
            #expect(loggedOut.status == .seeOther)
            // Even with the old cookie replayed, the session is gone.
            browser.setCookie(SessionMiddleware.cookieName, session)
            let after = try await browser.get("/start")
            #expect(after.status == .seeOther)
            #expect(after.location == "/login")
        }
    }

    @Test func sessionsExpireWhenIdleAndAfterTenHours() async throws {
        try await withServer { app, clock in
            let browser = TestBrowser(app)
            try await signIn(browser, as: 5, clock: clock)
            for _ in 0..<29 { // active every 20 minutes for 9 h 40 min
                clock.advance(by: 20 * 60)
                #expect(try await browser.get("/start").status == .ok)
            }
            clock.advance(by: 25 * 60)
            #expect(try await browser.get("/start").status == .seeOther, "10 hours after sign-in the session ends")

            let idle = TestBrowser(app)
            try await signIn(idle, as: 5, clock: clock)
            clock.advance(by: 31 * 60)
            #expect(try await idle.get("/start").status == .seeOther, "30 idle minutes end the session")
        }
    }

    @Test func personWithoutAccountIsTurnedAway() async throws {
        try await withServer { app, clock in
            let browser = TestBrowser(app)
            let loginID = try await startLogin(browser)
            try await approve(app, loginID: loginID, identity: BankIDTestAppController.identities.count - 1)
            clock.advance(by: 2)
            let status = try await browser.get("/login/bankid/\(loginID.uuidString)/status")
            #expect(status.body.contains("\"state\":\"failed\""))
            #expect(status.body.contains("inget aktivt konto"))
            #expect(browser.cookies[SessionMiddleware.cookieName] == nil)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            let refused = try await app.db.sql.raw("SELECT * FROM audit_events WHERE action = 'login_refused'").all().map(AuditVerifier.entry)
            #expect(refused.count == 1)
            #expect(refused.first?.actorID == nil && refused.first?.subject == nil, "nothing identifies who was refused")
        }
    }

    @Test func onlyTheStartingBrowserCanFollowTheLogin() async throws {
        try await withServer { app, _ in
            let browser = TestBrowser(app)
            let loginID = try await startLogin(browser)
            let stranger = TestBrowser(app)
            #expect(try await stranger.get("/login/bankid/\(loginID.uuidString)").status == .notFound)
            #expect(try await stranger.get("/login/bankid/\(loginID.uuidString)/status").status == .notFound)
        }
    }

    @Test func formsWithoutTheTokenAreRefused() async throws {
        try await withServer { app, _ in
            let browser = TestBrowser(app)
            _ = try await browser.get("/login")
            #expect(try await browser.post("/login/bankid", form: [:]).status == .forbidden)
            #expect(try await browser.post("/login/bankid", form: ["_csrf": String(repeating: "x", count: 43)]).status == .forbidden)
            #expect(try await BankIDLogin.query(on: app.db).count() == 0, "a refused form starts nothing")
            let fresh = TestBrowser(app)
            #expect(try await fresh.post("/login/bankid", form: ["_csrf": "anything"]).status == .forbidden, "no cookie, no token")
        }
    }

    @Test func startPageRequiresSignIn() async throws {
        try await withLotsApp { app in
            let (response, _) = try await app.get("/start")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/login")
        }
    }
}

extension LoginFlowTests {
    @Test func signedInLanguageChoiceBecomesTheAccountSetting() async throws {
        try await withServer { app, clock in
            let browser = TestBrowser(app)
            try await signIn(browser, as: 1, clock: clock)
            #expect(try await browser.get("/start", headers: ["Accept-Language": "sv"]).body.contains("<html lang=\"sv\">"))

            try await browser.get("/language/fi?return=/start")
            // Another browser of the same person, which never chose a language, follows the setting.
            let account = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Adam Administratör").first())
            #expect(account.preferredLanguage == "fi")
            let other = TestBrowser(app)
            let (token, _) = try await app.sessionStore.create(kind: .staff, accountID: try account.requireID(),
                                                               organisationID: account.$organisation.id, method: "bankid",
                                                               now: clock.now(), on: app.db)
            other.setCookie(SessionMiddleware.cookieName, token)
            #expect(try await other.get("/start", headers: ["Accept-Language": "en"]).body.contains("<html lang=\"fi\">"))
        }
    }
}
