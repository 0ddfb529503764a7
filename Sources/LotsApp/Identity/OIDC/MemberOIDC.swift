import Fluent
import Foundation
import Vapor

/// Partnership members signing in with an existing account at an OpenID Connect provider ("social
/// login"): starting the authorization-code flow with PKCE, finishing it, registering a newcomer, and
/// linking or unlinking a provider account on the member's own page.
struct MemberOIDC: Sendable {
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock
    var client: OIDCClient
    var accounts: MemberAccounts

    /// How long the provider has to send the browser back.
    static let flowLifetime: TimeInterval = 10 * 60
    /// How long a newcomer has to choose a username once the provider answered.
    static let registrationLifetime: TimeInterval = 30 * 60

    struct Started: Sendable {
        /// Goes into the browser's cookie and the `state` parameter; the database keeps its hash.
        var state: String
        var authorizationURL: String
    }

    /// Starts a flow: a row with the PKCE verifier and nonce, and the provider's authorization URL.
    func start(_ provider: AppConfig.OIDCProviderSetting, organisationID: UUID, linkingMemberID: UUID?, redirectURI: String,
               on db: any Database) async throws(OIDCError) -> Started {
        let metadata = try await client.metadata(issuer: provider.issuer, now: clock.now())
        let state = OIDCClient.randomToken()
        let flow = MemberOIDCFlow()
        flow.organisationID = organisationID
        flow.provider = provider.id
        flow.stateHash = SessionStore.hash(state)
        flow.codeVerifier = OIDCClient.randomToken()
        flow.nonce = OIDCClient.randomToken()
        flow.intent = linkingMemberID == nil ? .signIn : .link
        flow.memberID = linkingMemberID
        flow.expiresAt = clock.now().addingTimeInterval(Self.flowLifetime)
        do { try await flow.create(on: db) } catch { throw .transport("database") }
        let url = OIDCClient.authorizationURL(metadata, .init(clientID: provider.clientID, redirectURI: redirectURI, state: state,
                                                             nonce: flow.nonce, codeVerifier: flow.codeVerifier))
        return Started(state: state, authorizationURL: url)
    }

    enum Outcome: Equatable, Sendable {
        case signedIn(memberID: UUID)
        /// Signed in as far as the provider goes; the member also uses one-time codes.
        case needsCode(memberID: UUID)
        case linked(memberID: UUID)
        /// A newcomer: they choose a username next (the flow row now holds the provider's claims).
        case register(organisationID: UUID)
        case refused(Refusal, organisationID: UUID?)
    }

    enum Refusal: String, Sendable {
        /// The person cancelled at the provider.
        case cancelled
        /// No matching flow: the link is stale, used, or from another browser.
        case expired
        /// The provider could not be reached, refused the code, or sent an ID token that failed a check.
        case provider
        /// The provider account already belongs to another member.
        case alreadyLinked = "already_linked"
        /// The member is deactivated or has not confirmed their address yet.
        case inactive
        case unverified
    }

    /// The claims a newcomer registers with, kept sealed while they choose a username.
    struct Claims: Codable, Sendable, Equatable {
        var givenName: String
        var familyName: String
        var email: String
        var emailVerified: Bool
    }

    /// Finishes a flow when the provider sends the browser back. The `state` must match the browser's
    /// cookie and a live flow for this provider; the flow is spent whatever happens next.
    func finish(_ provider: AppConfig.OIDCProviderSetting, state: String?, cookieState: String?, code: String?, error: String?,
                redirectURI: String, on db: any Database) async throws -> Outcome {
        guard let state, let cookieState, CSRFMiddleware.equal(state, cookieState),
              let flow = try await MemberOIDCFlow.query(on: db).filter(\.$stateHash == SessionStore.hash(state)).first(),
              flow.provider == provider.id, flow.intent != .register else { return .refused(.expired, organisationID: nil) }
        try await flow.delete(on: db)
        let organisationID = flow.organisationID
        guard flow.expiresAt > clock.now() else { return .refused(.expired, organisationID: organisationID) }
        guard error == nil, let code else {
            try await refusedAudit(organisationID, provider, error == "access_denied" ? "cancelled" : "provider error")
            return .refused(error == "access_denied" ? .cancelled : .provider, organisationID: organisationID)
        }
        let redeemed = await redeem(provider, code: code, flow: flow, redirectURI: redirectURI)
        guard case .success(let token) = redeemed else {
            if case .failure(let failure) = redeemed { try await refusedAudit(organisationID, provider, failure.safeDescription) }
            return .refused(.provider, organisationID: organisationID)
        }
        let subjectIndex = try await keyRing.blindIndex(provider.issuer + " " + token.subject.value, field: MemberExternalIdentity.subjectField,
                                                        organisationID: organisationID, on: db)
        let existing = try await MemberExternalIdentity.query(on: db).filter(\.$organisationID == organisationID)
            .filter(\.$provider == provider.id).filter(\.$subjectIndex == subjectIndex).first()

        if flow.intent == .link, let memberID = flow.memberID {
            if let existing {
                guard existing.memberID == memberID else {
                    try await refusedAudit(organisationID, provider, "account linked to another member")
                    return .refused(.alreadyLinked, organisationID: organisationID)
                }
                return .linked(memberID: memberID)
            }
            try await db.transaction { tx in
                try await link(memberID: memberID, organisationID: organisationID, provider: provider.id, subjectIndex: subjectIndex, on: tx)
                try await audit.record(AuditDraft(organisationID: organisationID, actorID: memberID, actorRole: "member", action: .update,
                                                  subject: SubjectReference.member(memberID), purpose: "membership", query: "link " + provider.id), in: tx)
            }
            return .linked(memberID: memberID)
        }

        if let existing {
            guard let member = try await Member.find(existing.memberID, on: db), member.active else {
                try await refusedAudit(organisationID, provider, "inactive")
                return .refused(.inactive, organisationID: organisationID)
            }
            guard member.emailVerifiedAt != nil else { return .refused(.unverified, organisationID: organisationID) }
            let memberID = try member.requireID()
            return member.totpEnabledAt != nil ? .needsCode(memberID: memberID) : .signedIn(memberID: memberID)
        }

        // A newcomer: keep what the provider said, sealed under the key of the member they may become.
        let pendingID = UUID()
        let claims = Claims(givenName: token.givenName ?? "", familyName: token.familyName ?? "", email: token.email ?? "",
                            emailVerified: token.email != nil && token.emailVerified?.value == true)
        try await db.transaction { tx in
            let pending = MemberOIDCFlow()
            pending.organisationID = organisationID
            pending.provider = provider.id
            pending.stateHash = SessionStore.hash(state)
            pending.codeVerifier = ""
            pending.nonce = ""
            pending.intent = .register
            pending.memberID = pendingID
            pending.subjectIndex = subjectIndex
            pending.id = UUID()
            let key = try await keyRing.subjectKey(pendingID, organisationID: organisationID, create: true, on: tx)
            pending.claims = try SealedRow(key: key, table: MemberOIDCFlow.schema, rowID: try pending.requireID())
                .seal(String(decoding: try JSONEncoder().encode(claims), as: UTF8.self), "claims")
            pending.expiresAt = clock.now().addingTimeInterval(Self.registrationLifetime)
            try await pending.create(on: tx)
        }
        return .register(organisationID: organisationID)
    }

    private func redeem(_ provider: AppConfig.OIDCProviderSetting, code: String, flow: MemberOIDCFlow, redirectURI: String) async
        -> Result<OIDCIDToken, OIDCError> {
        do {
            let metadata = try await client.metadata(issuer: provider.issuer, now: clock.now())
            return .success(try await client.redeem(code: code, codeVerifier: flow.codeVerifier, redirectURI: redirectURI, clientID: provider.clientID,
                                                    clientSecret: provider.clientSecret, nonce: flow.nonce, metadata: metadata, now: clock.now()))
        } catch {
            return .failure(error)
        }
    }

    struct Pending: Sendable {
        var flow: MemberOIDCFlow
        var claims: Claims
    }

    /// The registration waiting behind the browser's cookie, with the provider's claims opened.
    func pending(state: String?, on db: any Database) async throws -> Pending? {
        guard let state, let flow = try await MemberOIDCFlow.query(on: db).filter(\.$stateHash == SessionStore.hash(state)).first(),
              flow.intent == .register, flow.expiresAt > clock.now(), let memberID = flow.memberID, let sealed = flow.claims else { return nil }
        let key = try await keyRing.subjectKey(memberID, organisationID: flow.organisationID, on: db)
        let json = try SealedRow(key: key, table: MemberOIDCFlow.schema, rowID: try flow.requireID()).open(sealed, "claims")
        return Pending(flow: flow, claims: try JSONDecoder().decode(Claims.self, from: Data(json.utf8)))
    }

    enum Registered: Equatable, Sendable {
        /// The provider vouched for the address: the member can sign in now.
        case signedIn(memberID: UUID)
        /// A verification link went to the address (or, if it is taken, a note to its owner).
        case checkMail
    }

    /// Turns a pending registration into a member linked to the provider account. The e-mail address
    /// counts as verified only if the provider said so and the person kept it.
    func register(_ pending: Pending, username: String, givenName: String, familyName: String, email: String, memberOrganisation: String,
                  organisation: Organisation, texts: Texts, on database: any Database) async throws -> Registered {
        let registration = MemberAccounts.Registration(username: username, givenName: givenName, familyName: familyName, email: email,
                                                       memberOrganisation: memberOrganisation, password: "")
        var problems = MemberAccounts.problems(registration, passwordRequired: false)
        let organisationID = try organisation.requireID()
        let canonicalUsername = MemberAccounts.canonicalUsername(username)
        if problems.isEmpty, try await Member.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$username == canonicalUsername).count() > 0 {
            problems.append(.usernameTaken)
        }
        let canonicalEmail = ParticipantRegistry.canonicalEmail(email)
        let verified = pending.claims.emailVerified && canonicalEmail == ParticipantRegistry.canonicalEmail(pending.claims.email)
        let emailIndex = try await keyRing.blindIndex(canonicalEmail, field: Member.emailField, organisationID: organisationID, on: database)
        let emailTaken = try await Member.query(on: database).filter(\.$organisationID == organisationID).filter(\.$emailIndex == emailIndex).count() > 0
        // Only an address the provider vouched for may be told apart as taken: anyone else gets the same answer either way.
        if problems.isEmpty, emailTaken, verified { problems.append(.emailTaken) }
        guard problems.isEmpty else { throw MemberAccounts.Refused(problems: problems) }
        guard let memberID = pending.flow.memberID, let subjectIndex = pending.flow.subjectIndex else { throw Abort(.gone) }
        if emailTaken {
            try await database.transaction { tx in
                try await pending.flow.delete(on: tx)
                try await keyRing.shred(memberID, on: tx)
                try await accounts.mailAlreadyRegistered(canonicalEmail, organisation: organisation, texts: texts, on: tx)
            }
            return .checkMail
        }
        try await database.transaction { tx in
            try await pending.flow.delete(on: tx)
            try await accounts.insert(registration, id: memberID, username: canonicalUsername, email: canonicalEmail, emailIndex: emailIndex,
                                      passwordHash: "", emailVerified: verified, method: pending.flow.provider, organisation: organisation,
                                      texts: texts, on: tx)
            try await link(memberID: memberID, organisationID: organisationID, provider: pending.flow.provider, subjectIndex: subjectIndex, on: tx)
        }
        return verified ? .signedIn(memberID: memberID) : .checkMail
    }

    /// Removes a provider account from a membership, unless it is the member's only way to sign in.
    func unlink(member: Member, provider: String, on database: any Database) async throws -> Bool {
        let memberID = try member.requireID()
        let links = try await MemberExternalIdentity.query(on: database).filter(\.$memberID == memberID).all()
        guard let link = links.first(where: { $0.provider == provider }), member.hasPassword || links.count > 1 else { return false }
        try await database.transaction { tx in
            try await link.delete(on: tx)
            try await audit.record(AuditDraft(organisationID: member.organisationID, actorID: memberID, actorRole: "member", action: .update,
                                              subject: SubjectReference.member(memberID), purpose: "membership", query: "unlink " + provider), in: tx)
        }
        return true
    }

    private func link(memberID: UUID, organisationID: UUID, provider: String, subjectIndex: String, on db: any Database) async throws {
        let identity = MemberExternalIdentity()
        identity.organisationID = organisationID
        identity.memberID = memberID
        identity.provider = provider
        identity.subjectIndex = subjectIndex
        try await identity.create(on: db)
    }

    private func refusedAudit(_ organisationID: UUID, _ provider: AppConfig.OIDCProviderSetting, _ reason: String) async throws {
        try await audit.record(AuditDraft(organisationID: organisationID, action: .loginRefused, purpose: "membership",
                                          query: "oidc \(provider.id): \(reason)"))
    }
}

extension Application {
    var memberOIDC: MemberOIDC {
        MemberOIDC(keyRing: keyRing, audit: auditLog, clock: clock, client: oidcClient, accounts: memberAccounts)
    }
}
