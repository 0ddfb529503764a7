import Fluent
import Foundation
import JWTKit
import Testing
import VaporTesting
@testable import LotsApp

/// Partnership members sign in with an account at an OpenID Connect provider: Lots's real client runs
/// the authorization-code flow with PKCE over HTTP against Lots's own test provider, as in demo mode.
@Suite struct MemberOIDCTests {
    static let base = "/partnership/\(DemoData.partnership.slug)"
    static let start = base + "/login/oidc/lots-test"

    /// Path and query of an absolute URL, for the in-process browser.
    func local(_ url: String) throws -> String {
        let components = try #require(URLComponents(string: url))
        return components.path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// Follows "Sign in with …" (or another start link) to the provider, picks a person and decides; returns Lots's
    /// answer to the provider's redirect back.
    func roundTrip(_ browser: TestBrowser, from start: String = start, identity: Int = 0, decision: String = "approve",
                   checkRequest: (([String: String]) -> Void)? = nil) async throws -> TestBrowser.Page {
        let started = try await browser.get(start)
        #expect(started.status == .seeOther)
        let authorize = try #require(started.location)
        let items = try #require(URLComponents(string: authorize)?.queryItems)
        let query = Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        checkRequest?(query)
        let page = try await browser.get(try local(authorize))
        #expect(page.status == .ok && page.body.contains("Maija Mallikas"))
        let answer = try await browser.post(SiteRoute.oidcTestProvider(.authorize).path, form: query.merging([
            "_csrf": try #require(page.csrfToken), "identity": String(identity), "decision": decision]) { $1 })
        #expect(answer.status == .seeOther)
        return try await browser.get(try local(try #require(answer.location)))
    }

    func seeded(_ body: @escaping (Application) async throws -> Void) async throws {
        try await withLotsApp { app in
            app.bcryptCost = 4
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            try await withRunningServer(app) { try await body(app) }
        }
    }

    @Test func newcomerRegistersThroughTheProviderAndSignsInAgainDirectly() async throws {
        try await seeded { app in
            let browser = TestBrowser(app)
            let login = try await browser.get(Self.base + "/login")
            #expect(login.body.contains("href=\"\(Self.start)\""), "the login page offers the provider")

            let back = try await roundTrip(browser) { query in
                #expect(query["response_type"] == "code" && query["client_id"] == OIDCTestProvider.clientID)
                #expect(query["code_challenge_method"] == "S256" && query["code_challenge"]?.count == 43)
                #expect(query["scope"]?.split(separator: " ").contains("openid") == true)
                #expect((query["state"]?.count ?? 0) >= 43 && (query["nonce"]?.count ?? 0) >= 43)
                #expect(query["redirect_uri"] == app.oidcRedirectURI(provider: "lots-test"))
            }
            #expect(back.location == SiteRoute.memberOIDCRegister.path)
            #expect(try await Member.query(on: app.db).count() == 0, "nobody is a member before they choose to register")

            let form = try await browser.get(SiteRoute.memberOIDCRegister.path)
            #expect(form.status == .ok)
            #expect(form.body.contains("value=\"maija.mallikas\"") && form.body.contains("value=\"Mallikas\"") && form.body.contains("maija.mallikas@example.fi"))
            let registered = try await browser.post(SiteRoute.memberOIDCRegister.path, form: [
                "_csrf": try #require(form.csrfToken), "username": "maija.mallikas", "givenName": "Maija", "familyName": "Mallikas",
                "email": "maija.mallikas@example.fi", "memberOrganisation": "Esimerkkiyhdistys ry"])
            #expect(registered.status == .seeOther && registered.location == "/member", "a verified address signs the newcomer in")
            let home = try await browser.get("/member")
            #expect(home.body.contains("Maija Mallikas") && home.body.contains("Lots test ID"))

            let member = try #require(try await Member.query(on: app.db).first())
            #expect(!member.hasPassword && member.emailVerifiedAt != nil)
            #expect(try await RegistrationCount.query(on: app.db).first()?.count == 1)
            let identity = try #require(try await MemberExternalIdentity.query(on: app.db).first())
            #expect(identity.memberID == member.id && identity.provider == "lots-test")
            #expect(!identity.subjectIndex.contains("test-7f3a1c"), "only a keyed hash of the provider's subject is kept")
            #expect(try await MemberOIDCFlow.query(on: app.db).count() == 0, "the flow is spent")

            // Next time the provider's answer signs the member straight in; a password does not (there is none).
            let again = TestBrowser(app)
            let signedIn = try await roundTrip(again)
            #expect(signedIn.status == .seeOther && signedIn.location == "/member")
            #expect(try await again.get("/member").status == .ok)
            let password = try await again.post(Self.base + "/login", form: [
                "_csrf": try #require(try await again.get(Self.base + "/login").csrfToken), "username": "maija.mallikas", "password": ""])
            #expect(password.status == .unauthorized)
            let logins = try await ParticipantFixture.events(after: 0, in: app).filter { $0.action == "login" }
            #expect(logins.map(\.query) == ["oidc:lots-test", "oidc:lots-test"])
        }
    }

    @Test func forgedReplayedOrCancelledAnswersSignNobodyIn() async throws {
        try await seeded { app in
            let browser = TestBrowser(app)
            let cancelled = try await roundTrip(browser, decision: "deny")
            #expect(cancelled.location == Self.base + "/login?oidc=cancelled")

            // An answer carried into another browser (no flow cookie) is refused, and so is a replay of a spent one.
            let started = try await browser.get(Self.start)
            let authorize = try #require(started.location)
            let items = try #require(URLComponents(string: authorize)?.queryItems)
            let query = Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
            let page = try await browser.get(try local(authorize))
            let answer = try await browser.post(SiteRoute.oidcTestProvider(.authorize).path, form: query.merging([
                "_csrf": try #require(page.csrfToken), "identity": "1", "decision": "approve"]) { $1 })
            let callback = try local(try #require(answer.location))
            let elsewhere = try await TestBrowser(app).get(callback)
            #expect(elsewhere.location == SiteRoute.home.path + "?oidc=expired")
            let forgedState = try await browser.get(callback.replacingOccurrences(of: "state=", with: "state=x"))
            #expect(forgedState.location?.hasSuffix("?oidc=expired") == true)
            #expect(try await browser.get(callback).location == SiteRoute.memberOIDCRegister.path, "the right browser gets through once")
            #expect(try await browser.get(callback).location?.hasSuffix("?oidc=expired") == true, "a replayed answer does not")
            #expect(try await Member.query(on: app.db).count() == 0)
        }
    }

    @Test func anAddressTheProviderVouchesForCannotTakeOverAnExistingMember() async throws {
        try await seeded { app in
            let members = MemberTests()
            let owner = TestBrowser(app)
            try await members.registerAndConfirm(app, owner, MemberTests.form.merging(["username": "maija", "email": "maija.mallikas@example.fi"]) { $1 })

            let stranger = TestBrowser(app)
            #expect(try await roundTrip(stranger).location == SiteRoute.memberOIDCRegister.path, "the same address is not linked automatically")
            let form = try await stranger.get(SiteRoute.memberOIDCRegister.path)
            let refused = try await stranger.post(SiteRoute.memberOIDCRegister.path, form: [
                "_csrf": try #require(form.csrfToken), "username": "maija2", "givenName": "Maija", "familyName": "Mallikas",
                "email": "maija.mallikas@example.fi", "memberOrganisation": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Det finns redan ett konto"))
            #expect(try await Member.query(on: app.db).count() == 1)

            // The member links the provider account from their own page, after which it signs them in.
            #expect(try await members.signIn(owner, "maija", MemberTests.form["password"]!).location == "/member")
            let linked = try await roundTrip(owner, from: SiteRoute.memberOIDCLink(.value("lots-test")).path)
            #expect(linked.location == "/member?oidc=linked")
            #expect(try await roundTrip(TestBrowser(app)).location == "/member")
            // The same provider account cannot be linked to a second member.
            let other = TestBrowser(app)
            try await members.registerAndConfirm(app, other, MemberTests.form.merging(["username": "erik", "email": "erik@example.org"]) { $1 })
            #expect(try await members.signIn(other, "erik", MemberTests.form["password"]!).location == "/member")
            #expect(try await roundTrip(other, from: SiteRoute.memberOIDCLink(.value("lots-test")).path).location == "/member?oidc=already_linked")

            // With a password, the provider can be disconnected; the audit trail has the link and the unlink.
            let home = try await owner.get("/member")
            let unlinked = try await owner.post(SiteRoute.memberOIDCUnlink(.value("lots-test")).path, form: ["_csrf": try #require(home.csrfToken)])
            #expect(unlinked.location == "/member?oidc=unlinked")
            #expect(try await MemberExternalIdentity.query(on: app.db).count() == 0)
            let queries = try await ParticipantFixture.events(after: 0, in: app).compactMap(\.query)
            #expect(queries.contains("link lots-test") && queries.contains("unlink lots-test"))
        }
    }

    @Test func anUnverifiedAddressMustBeConfirmedAndTheOnlySignInCannotBeRemoved() async throws {
        try await seeded { app in
            let browser = TestBrowser(app)
            #expect(try await roundTrip(browser, identity: 2).location == SiteRoute.memberOIDCRegister.path)
            let form = try await browser.get(SiteRoute.memberOIDCRegister.path)
            let registered = try await browser.post(SiteRoute.memberOIDCRegister.path, form: [
                "_csrf": try #require(form.csrfToken), "username": "uma", "givenName": "Uma", "familyName": "Unverified",
                "email": "uma.unverified@example.org", "memberOrganisation": ""])
            #expect(registered.status == .ok && registered.body.contains("Vi har skickat ett meddelande"))
            #expect(try await TestBrowser(app).get("/member").status != .ok)
            #expect(try await roundTrip(TestBrowser(app), identity: 2).location == Self.base + "/login?oidc=unverified")

            let verify = try await MemberTests().verificationPath(app, for: "uma.unverified@example.org")
            let confirm = try await browser.get(verify)
            #expect(try await browser.post(verify, form: ["_csrf": try #require(confirm.csrfToken)]).status == .ok)
            let signedIn = TestBrowser(app)
            #expect(try await roundTrip(signedIn, identity: 2).location == "/member")

            // The provider is this member's only way in: it cannot be disconnected, but the member can leave.
            let home = try await signedIn.get("/member")
            #expect(home.body.contains("name=\"confirm\""), "no password to type: a confirmation box instead")
            let kept = try await signedIn.post(SiteRoute.memberOIDCUnlink(.value("lots-test")).path, form: ["_csrf": try #require(home.csrfToken)])
            #expect(kept.location == "/member?oidc=last_method")
            #expect(try await signedIn.post("/member/delete", form: ["_csrf": try #require(home.csrfToken)]).location == "/member?delete=refused")
            let deleted = try await signedIn.post("/member/delete", form: ["_csrf": try #require(home.csrfToken), "confirm": "yes"])
            #expect(deleted.location?.contains("deleted=1") == true)
            #expect(try await Member.query(on: app.db).count() == 0)
            #expect(try await MemberExternalIdentity.query(on: app.db).count() == 0)
        }
    }

    @Test func abandonedRegistrationsAreErasedWithTheirKey() async throws {
        try await seeded { app in
            let browser = TestBrowser(app)
            #expect(try await roundTrip(browser).location == SiteRoute.memberOIDCRegister.path)
            let pending = try #require(try await MemberOIDCFlow.query(on: app.db).first())
            let pendingID = try #require(pending.memberID)
            #expect(try await SubjectKey.find(pendingID, on: app.db) != nil)
            pending.expiresAt = app.clock.now().addingTimeInterval(-1)
            try await pending.update(on: app.db)
            let housekeeping = try await app.jobQueue.enqueue(SignInHousekeepingJob(), payload: [String: String](), on: app.db)
            #expect(try await app.jobs.runNow(housekeeping, on: app) == .succeeded)
            #expect(try await MemberOIDCFlow.query(on: app.db).count() == 0)
            #expect(app.keyRing.shredded.contains(pendingID), "the claims' key is shredded")
            #expect(try await browser.get(SiteRoute.memberOIDCRegister.path).location == SiteRoute.home.path)
        }
    }

    // MARK: - The ID token checks, with tokens the test provider signs on purpose

    @Test func idTokensFailingAnyCheckAreRefused() async throws {
        try await seeded { app in
            let provider = try #require(app.oidcProviders.first { $0.id == "lots-test" })
            let client = app.oidcClient
            let now = app.clock.now()
            let metadata = try await client.metadata(issuer: provider.issuer, now: now)
            let good = OIDCIDToken(issuer: .init(value: metadata.issuer), subject: "someone", audience: .init(value: [provider.clientID]),
                                   expires: .init(value: now.addingTimeInterval(300)), issuedAt: .init(value: now), nonce: "n-123",
                                   authorizedParty: nil, email: "a@example.org", emailVerified: true, givenName: "A", familyName: "B", name: "A B")
            func check(_ token: OIDCIDToken, nonce: String = "n-123", signer: OIDCTestProvider? = nil) async throws -> OIDCError? {
                let jwt = try await (signer ?? app.oidcTestProvider).sign(token)
                return await check(jwt, nonce: nonce)
            }
            func check(_ jwt: String, nonce: String = "n-123") async -> OIDCError? {
                do { _ = try await client.verify(idToken: jwt, clientID: provider.clientID, nonce: nonce, metadata: metadata, now: now); return nil }
                catch { return error }
            }
            #expect(try await check(good) == nil, "a proper token passes")

            var token = good
            token.audience = .init(value: ["someone-else"])
            #expect(try await check(token) != nil, "another client's token")
            token = good
            token.audience = .init(value: [provider.clientID, "someone-else"])
            #expect(try await check(token) != nil, "an untrusted extra audience")
            token = good
            token.issuer = .init(value: "http://evil.example/oidc-test")
            #expect(try await check(token) == .invalidIDToken("issuer"))
            token = good
            token.expires = .init(value: now.addingTimeInterval(-600))
            #expect(try await check(token) == .invalidIDToken("expired"))
            token = good
            token.issuedAt = .init(value: now.addingTimeInterval(3600))
            #expect(try await check(token) == .invalidIDToken("issued in the future"))
            token = good
            token.authorizedParty = "someone-else"
            #expect(try await check(token) == .invalidIDToken("authorized party"))
            #expect(try await check(good, nonce: "another-nonce") == .invalidIDToken("nonce"), "a token minted for another sign-in")
            token = good
            token.nonce = nil
            #expect(try await check(token) == .invalidIDToken("nonce"))

            // Signed by a key the provider never published.
            let impostor = OIDCTestProvider(now: { now })
            #expect(try await check(good, signer: impostor) != nil)
            // Tampered claims, and an unsigned token.
            let jwt = try await app.oidcTestProvider.sign(good)
            let parts = jwt.split(separator: ".").map(String.init)
            var claims = try JSONSerialization.jsonObject(with: try #require(Data(base64URL: parts[1]))) as? [String: Any] ?? [:]
            claims["sub"] = "someone-important"
            let tampered = parts[0] + "." + (try JSONSerialization.data(withJSONObject: claims)).base64URLEncoded + "." + parts[2]
            #expect(await check(tampered) != nil)
            let unsignedHeader = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64URLEncoded
            #expect(await check(unsignedHeader + "." + parts[1] + ".") != nil)
            #expect(await check("not a token") != nil)
        }
    }

    @Test func theTestProviderInsistsOnPKCEClientAuthenticationAndOneUseCodes() async throws {
        try await seeded { app in
            let provider = app.oidcTestProvider
            let verifier = OIDCClient.randomToken()
            let redirect = app.oidcRedirectURI(provider: "lots-test")
            func code() -> String {
                provider.issueCode(.init(clientID: OIDCTestProvider.clientID, redirectURI: redirect, nonce: "n", codeChallenge: OIDCClient.codeChallenge(verifier),
                                         identity: OIDCTestProvider.identities[0], expiresAt: app.clock.now().addingTimeInterval(60)))
            }
            func token(_ form: [String: String], secret: String = OIDCTestProvider.clientSecret) async throws -> (HTTPResponseStatus, String) {
                var headers = HTTPHeaders()
                headers.contentType = .urlEncodedForm
                headers.basicAuthorization = .init(username: OIDCTestProvider.clientID, password: secret)
                let body = form.map { "\($0)=\(OIDCClient.formEncode($1))" }.joined(separator: "&")
                var result: (HTTPResponseStatus, String)?
                try await app.testing().test(.POST, SiteRoute.oidcTestProvider(.token).path, headers: headers, body: .init(string: body)) {
                    result = ($0.status, $0.body.string)
                }
                return try #require(result)
            }
            let base = ["grant_type": "authorization_code", "redirect_uri": redirect]

            let wrongVerifier = code()
            #expect(try await token(base.merging(["code": wrongVerifier, "code_verifier": OIDCClient.randomToken()]) { $1 }) == (.badRequest, #"{"error":"invalid_grant"}"#))
            #expect(try await token(base.merging(["code": wrongVerifier, "code_verifier": verifier]) { $1 }).0 == .badRequest, "a failed attempt spends the code")
            #expect(try await token(base.merging(["code": code()]) { $1 }).0 == .badRequest, "no verifier, no token")
            #expect(try await token(base.merging(["code": code(), "code_verifier": verifier]) { $1 }, secret: "guess").0 == .unauthorized)
            #expect(try await token(base.merging(["code": code(), "code_verifier": verifier, "redirect_uri": redirect + "x"]) { $1 }).0 == .badRequest)
            let good = code()
            let (status, body) = try await token(base.merging(["code": good, "code_verifier": verifier]) { $1 })
            #expect(status == .ok && body.contains("\"id_token\"") && body.contains("\"token_type\":\"Bearer\""))
            #expect(try await token(base.merging(["code": good, "code_verifier": verifier]) { $1 }).0 == .badRequest, "a code works once")

            // An unknown client or return address gets a page, never a redirect (which could leak a code).
            let authorize = SiteRoute.oidcTestProvider(.authorize).path
            let (response, _) = try await app.get(authorize + "?client_id=evil&redirect_uri=http://evil.example/cb&response_type=code&scope=openid")
            #expect(response.status == .badRequest && response.headers.first(name: .location) == nil)
            let noPKCE = authorize + "?client_id=\(OIDCTestProvider.clientID)&redirect_uri=\(OIDCClient.formEncode(redirect))&response_type=code&scope=openid&state=s"
            let (refused, _) = try await app.get(noPKCE)
            #expect(refused.headers.first(name: .location)?.contains("error=invalid_request") == true)
        }
    }
}

extension Data {
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
