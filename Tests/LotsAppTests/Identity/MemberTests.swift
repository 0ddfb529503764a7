import Fluent
import Foundation
import SQLKit
import Testing
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

    func verificationPath(_ app: Application) async throws -> String {
        let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$purpose == "member_registration").sort(\.$createdAt, .descending).first())
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
            _ = try await register(browser, Self.form)
            let verify = try await verificationPath(app)
            _ = try await browser.post(verify, form: ["_csrf": try #require(try await browser.get(verify).csrfToken)])

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
}
