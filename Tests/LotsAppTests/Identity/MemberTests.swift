import Fluent
import Foundation
import SQLKit
import Testing
import LotsCore
import VaporTesting
@testable import LotsApp

/// Partnership members register with a username and a password, confirm their e-mail address, and sign
/// in; all through the pages a person uses.
@Suite struct MemberTests {
    static let base = "/partnership/\(DemoData.partnership.slug)"
    static let form = ["username": "maija.m", "givenName": "Maija", "familyName": "Meikäläinen", "email": "maija@example.org",
                       "memberOrganisation": "Esimerkkiyhdistys ry", "password": "kolme pientä karhua metsässä"]

    func register(_ browser: TestBrowser, _ fields: [String: String]) async throws -> TestBrowser.Page {
        let page = try await browser.get(Self.base + "/register")
        #expect(page.status == .ok)
        return try await browser.post(Self.base + "/register", form: fields.merging(["_csrf": try #require(page.csrfToken)]) { $1 })
    }

    func signIn(_ browser: TestBrowser, _ username: String, _ password: String) async throws -> TestBrowser.Page {
        let page = try await browser.get(Self.base + "/login")
        return try await browser.post(Self.base + "/login", form: ["_csrf": try #require(page.csrfToken), "username": username, "password": password])
    }

    /// Registers and confirms the address through the link in the mail, as a person does.
    func registerAndConfirm(_ app: Application, _ browser: TestBrowser, _ fields: [String: String] = form) async throws {
        _ = try await register(browser, fields)
        let verify = try await verificationPath(app, for: fields["email"]!)
        #expect(try await browser.post(verify, form: ["_csrf": try #require(try await browser.get(verify).csrfToken)]).status == .ok)
    }

    func verificationPath(_ app: Application, for email: String = form["email"]!) async throws -> String {
        let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$purpose == "member_registration")
            .filter(\.$recipient == email).sort(\.$createdAt, .descending).first())
        let body = try #require(mail.textBody)
        let range = try #require(body.range(of: Self.base + "/verify/"))
        return String(body[range.lowerBound...].prefix { !$0.isWhitespace })
    }

    @Test func registerVerifySignInAndSeeOwnData() async throws {
        try await withLotsApp { app in
            app.bcryptCost = 4
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let browser = TestBrowser(app)
            let registered = try await register(browser, Self.form)
            #expect(registered.status == .ok && registered.body.contains("Tack!"))
            #expect(try await RegistrationCount.query(on: app.db).first()?.count == 1)

            #expect(try await signIn(browser, "maija.m", Self.form["password"]!).status == .unauthorized, "not before the address is confirmed")

            let verify = try await verificationPath(app)
            let confirm = try await browser.get(verify)
            #expect(confirm.status == .ok)
            #expect(try await Member.query(on: app.db).first()?.emailVerifiedAt == nil, "opening the link alone confirms nothing")
            #expect(try await browser.post(verify, form: ["_csrf": try #require(confirm.csrfToken)]).status == .ok)
            #expect(try await browser.post(verify, form: ["_csrf": try #require(confirm.csrfToken)]).status == .unprocessableEntity, "a link works once")

            #expect(try await signIn(browser, "maija.m", "wrong password here!").status == .unauthorized)
            let signedIn = try await signIn(browser, "MAIJA.M", Self.form["password"]!)
            #expect(signedIn.status == .seeOther && signedIn.location == "/member")
            let home = try await browser.get("/member")
            #expect(home.status == .ok)
            #expect(home.body.contains("Maija Meikäläinen") && home.body.contains("maija@example.org") && home.body.contains("Esimerkkiyhdistys ry"))
            #expect(home.body.contains("Användarkonton och samarbete på plattformen"), "the current privacy notice is on the member's own page")
            #expect(try await browser.get("/start").location == "/member")
            #expect(try await browser.get("/participants").status == .forbidden)

            let member = try #require(try await Member.query(on: app.db).first())
            for field in [member.givenName, member.familyName, member.email] {
                #expect(!String(decoding: field, as: UTF8.self).contains("Mai"), "stored encrypted")
            }
            #expect(member.passwordHash.hasPrefix("$2"), "bcrypt")
            let events = try await ParticipantFixture.events(after: 0, in: app).filter { $0.purpose == "membership" || $0.purpose == "own_data" }
            #expect(events.map(\.action) == ["create", "update", "login_refused", "login", "view"])
        }
    }

    @Test func weakOrInvalidRegistrationsAreRefusedAndNothingIsStored() async throws {
        try await withLotsApp { app in
            app.bcryptCost = 4
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let browser = TestBrowser(app)
            let common = try await register(browser, Self.form.merging(["password": "Password123456!"]) { $1 })
            #expect(common.status == .unprocessableEntity && common.body.contains("läckta lösenordslistor"))
            #expect(!common.body.contains("Password123456!"), "the password is not sent back")
            let bad = try await register(browser, Self.form.merging(["username": "x", "email": "not-an-address", "password": "lyhyt"]) { $1 })
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Användarnamnet ska ha") && bad.body.contains("giltig e-postadress") && bad.body.contains("minst 12 tecken"))
            #expect(try await Member.query(on: app.db).count() == 0)
            #expect(try await TestBrowser(app).get("/partnership/\(DemoData.caseManagement.slug)/register").status == .notFound)

            _ = try await register(browser, Self.form)
            let taken = try await register(browser, Self.form.merging(["email": "other@example.org"]) { $1 })
            #expect(taken.status == .unprocessableEntity && taken.body.contains("upptaget"))
            // The same address again: the same answer as a success, no second account, a note to the address.
            let again = try await register(browser, Self.form.merging(["username": "maija2"]) { $1 })
            #expect(again.status == .ok && again.body.contains("Tack!"))
            #expect(try await Member.query(on: app.db).count() == 1)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$purpose == "member_registration").count() == 2)
        }
    }

    @Test func repeatedWrongPasswordsLockTheUsernameForAWhile() async throws {
        try await withLotsApp { app in
            app.bcryptCost = 4
            let clock = FixedClock(Date(timeIntervalSince1970: 1_800_000_000))
            app.clock = clock
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let browser = TestBrowser(app)
            try await registerAndConfirm(app, browser)

            for _ in 0..<MemberAccounts.failuresPerUsername {
                #expect(try await signIn(browser, "maija.m", "not the password at all").status == .unauthorized)
            }
            let locked = try await signIn(browser, "maija.m", Self.form["password"]!)
            #expect(locked.status == .tooManyRequests && locked.body.contains("För många"), "even the right password waits")
            clock.advance(by: MemberAccounts.lockWindow + 1)
            #expect(try await signIn(browser, "maija.m", Self.form["password"]!).status == .seeOther)
            let stored = try await LoginAttempt.query(on: app.db).all()
            #expect(stored.allSatisfy { !$0.usernameHash.contains("maija") }, "attempts keep only keyed hashes")
        }
    }

    @Test func twoStepVerificationWithAnAuthenticatorApp() async throws {
        try await withLotsApp { app in
            app.bcryptCost = 4
            let clock = FixedClock(Date(timeIntervalSince1970: 1_800_000_000))
            app.clock = clock
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let browser = TestBrowser(app)
            try await registerAndConfirm(app, browser)
            _ = try await signIn(browser, "maija.m", Self.form["password"]!)

            // Setting up: the page shows a QR code and the key; the first code switches it on.
            let setup = try await browser.get("/member/two-step")
            #expect(setup.status == .ok && setup.body.contains("<svg"))
            let keyText = try #require(setup.body.range(of: "<code translate=\"no\">").map { String(setup.body[$0.upperBound...].prefix { $0 != "<" }) })
            let secret = try #require(Base32.decode(keyText.replacingOccurrences(of: " ", with: "")))
            #expect(secret.count == 20)
            let member = try #require(try await Member.query(on: app.db).first())
            #expect(!String(decoding: member.totpSecret ?? Data(), as: UTF8.self).contains(keyText.prefix(8)), "the key is stored encrypted")
            func code() -> String { TOTP.code(secret: secret, step: TOTP.step(at: clock.now())) }
            let token = try #require(setup.csrfToken)
            #expect(try await browser.post("/member/two-step", form: ["_csrf": token, "action": "enable", "code": "000000"]).status == .unprocessableEntity)
            #expect(try await browser.post("/member/two-step", form: ["_csrf": token, "action": "enable", "code": code()]).status == .ok)

            // Signing in now takes the password and then a fresh code.
            clock.advance(by: 30)
            let other = TestBrowser(app)
            let password = try await signIn(other, "maija.m", Self.form["password"]!)
            #expect(password.status == .seeOther && password.location == Self.base + "/login/code")
            #expect(try await other.get("/member").status == .seeOther, "no session before the code")
            let codePage = try await other.get(Self.base + "/login/code")
            let codeToken = try #require(codePage.csrfToken)
            #expect(try await other.post(Self.base + "/login/code", form: ["_csrf": codeToken, "code": "123456"]).status == .unauthorized)
            let current = code()
            let accepted = try await other.post(Self.base + "/login/code", form: ["_csrf": codeToken, "code": current])
            #expect(accepted.status == .seeOther && accepted.location == "/member")
            #expect(try await other.get("/member").status == .ok)

            // The same code cannot be used again, even within its 30 seconds.
            let third = TestBrowser(app)
            _ = try await signIn(third, "maija.m", Self.form["password"]!)
            let thirdToken = try #require(try await third.get(Self.base + "/login/code").csrfToken)
            #expect(try await third.post(Self.base + "/login/code", form: ["_csrf": thirdToken, "code": current]).status == .unauthorized)
            // A challenge ends after five wrong codes.
            for _ in 0..<4 { _ = try await third.post(Self.base + "/login/code", form: ["_csrf": thirdToken, "code": "000000"]) }
            clock.advance(by: 30)
            let ended = try await third.post(Self.base + "/login/code", form: ["_csrf": thirdToken, "code": code()])
            #expect(ended.status == .unauthorized && ended.body.contains("gått ut"))

            let events = try await ParticipantFixture.events(after: 0, in: app).compactMap(\.query)
            #expect(events.contains("totp_enabled") && events.contains("password+totp") && events.contains("totp wrong"))
            // Wrong codes count against the username: with the password known, guessing codes is still limited.
            #expect(try await signIn(TestBrowser(app), "maija.m", Self.form["password"]!).status == .tooManyRequests)
        }
    }

    @Test func aMemberDeletesThemselvesAndOnlyTheCountRemains() async throws {
        try await withLotsApp { app in
            app.bcryptCost = 4
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let browser = TestBrowser(app)
            try await registerAndConfirm(app, browser)
            _ = try await signIn(browser, "maija.m", Self.form["password"]!)
            let home = try await browser.get("/member")
            let token = try #require(home.csrfToken)
            let memberID = try #require(try await Member.query(on: app.db).first()?.requireID())

            let refused = try await browser.post("/member/delete", form: ["_csrf": token, "password": "not my password at all"])
            #expect(refused.location == "/member?delete=refused")
            #expect(try await Member.query(on: app.db).count() == 1)

            let deleted = try await browser.post("/member/delete", form: ["_csrf": token, "password": Self.form["password"]!])
            #expect(deleted.location == Self.base + "/login?deleted=1")
            #expect(try await Member.query(on: app.db).count() == 0)
            #expect(try await SubjectKey.find(memberID, on: app.db) == nil)
            #expect(app.keyRing.shredded.contains(memberID), "the key can never come back from a backup")
            #expect(try await browser.get("/member").status == .seeOther, "the session ended")
            #expect(try await RegistrationCount.query(on: app.db).first()?.count == 1, "the count of registrations is kept")
            let erase = try await ParticipantFixture.events(after: 0, in: app).filter { $0.action == "erase" }
            #expect(erase.map(\.purpose) == ["self_deletion"])
            // The username is free again.
            #expect(try await register(TestBrowser(app), Self.form).body.contains("Tack!"))
        }
    }

    @Test func membersAreToldAboutANewPrivacyNotice() async throws {
        try await withLotsApp { app in
            app.bcryptCost = 4
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let browser = TestBrowser(app)
            try await registerAndConfirm(app, browser)
            try await app.jobs.drain(on: app)

            let dpo = try await TestBrowser.signedIn(as: "Tuomas Tietosuoja", in: app)
            let token = try #require(try await dpo.get("/privacy/notices").csrfToken)
            #expect(try await dpo.post("/privacy/notices", form: ["_csrf": token, "sv": "Ny version.", "fi": "Uusi versio."]).status == .seeOther)
            try await app.jobs.drain(on: app)
            #expect(try await MemberNoticeAnnouncement.query(on: app.db).count() == 1)
            let mails = try await DevMailboxMessage.query(on: app.db).all().filter { $0.recipient == "maija@example.org" }
            #expect(mails.contains { $0.subject.contains("Uusi tietosuojaseloste") }, "in Finnish first on the Finnish platform")
        }
    }

    @Test func housekeepingRemovesSpentSignInRecordsAndAbandonedRegistrations() async throws {
        try await withLotsApp { app in
            app.bcryptCost = 4
            let clock = FixedClock(Date(timeIntervalSince1970: 1_800_000_000))
            app.clock = clock
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let browser = TestBrowser(app)
            _ = try await register(browser, Self.form)
            try await registerAndConfirm(app, browser, Self.form.merging(["username": "pekka.p", "email": "pekka@example.org"]) { $1 })
            _ = try await signIn(browser, "pekka.p", "wrong password again")
            let maija = try #require(try await Member.query(on: app.db).filter(\.$username == "maija.m").first()?.requireID())

            let housekeeping = try await app.jobQueue.enqueue(SignInHousekeepingJob(), payload: [String: String](), on: app.db)
            #expect(try await app.jobs.runNow(housekeeping, on: app) == .succeeded)
            #expect(try await LoginAttempt.query(on: app.db).count() == 1, "a fresh attempt still counts for the lockout")
            #expect(try await MemberEmailVerification.query(on: app.db).count() == 1, "pekka's used link is gone, maija's pending one stays")

            clock.advance(by: MemberAccounts.verificationLifetime + 8 * 86_400)
            let later = try await app.jobQueue.enqueue(SignInHousekeepingJob(), payload: [String: String](), on: app.db)
            #expect(try await app.jobs.runNow(later, on: app) == .succeeded)
            #expect(try await LoginAttempt.query(on: app.db).count() == 0)
            #expect(try await Member.query(on: app.db).all().map(\.username) == ["pekka.p"], "the never-confirmed registration is erased")
            #expect(app.keyRing.shredded.contains(maija))
            #expect(try await RegistrationCount.query(on: app.db).first()?.count == 2, "the count stays")
        }
    }
}
