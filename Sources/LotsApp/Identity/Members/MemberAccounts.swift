import Crypto
import Fluent
import Foundation
import LotsCore
import NIOConcurrencyHelpers
import Vapor

/// Partnership members' own accounts: registration with a username and a password, e-mail
/// verification, and rate-limited password sign-in.
struct MemberAccounts: Sendable {
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock
    var outbox: Outbox
    var localizer: Localizer
    var publicBaseURL: String
    var bcryptCost: Int

    static let verificationLifetime: TimeInterval = 48 * 3600
    static let lockWindow: TimeInterval = 15 * 60
    static let failuresPerUsername = 5
    static let failuresPerAddress = 30

    struct Registration: Sendable {
        var username: String
        var givenName: String
        var familyName: String
        var email: String
        var memberOrganisation: String
        var password: String
    }

    enum Problem: Hashable, Sendable {
        case usernameInvalid, usernameTaken, nameMissing, emailInvalid
        /// A sign-in service vouched for an address that already belongs to a member.
        case emailTaken
        case password(PasswordPolicy.Problem)
    }

    struct Refused: Error, Equatable { var problems: [Problem] }

    enum SignIn: Equatable {
        case signedIn(memberID: UUID)
        /// The password was right and the member uses two-step verification: a code is needed next.
        case needsCode(memberID: UUID)
        case invalid
        case locked
        case unverified
    }

    static func canonicalUsername(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }

    /// What is wrong with a registration; without a password when the member signs in through a sign-in service.
    static func problems(_ registration: Registration, passwordRequired: Bool = true) -> [Problem] {
        var problems: [Problem] = []
        let username = canonicalUsername(registration.username)
        if !(3...32).contains(username.count) || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            problems.append(.usernameInvalid)
        }
        let names = [registration.givenName, registration.familyName].map { $0.trimmingCharacters(in: .whitespaces) }
        if names.contains(where: { $0.isEmpty || $0.count > 100 }) || registration.memberOrganisation.count > 200 { problems.append(.nameMissing) }
        let email = ParticipantRegistry.canonicalEmail(registration.email)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if email.count > 254 || parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(where: \.isWhitespace) {
            problems.append(.emailInvalid)
        }
        if passwordRequired {
            problems += PasswordPolicy.problems(registration.password, username: username, email: email).map(Problem.password)
        }
        return problems
    }

    /// Registers a member and mails them a verification link. An e-mail address already registered
    /// gets a note instead, and the caller sees the same outcome, so the form does not reveal who is a member.
    func register(_ registration: Registration, organisation: Organisation, language: UILanguage, on database: any Database) async throws {
        var problems = Self.problems(registration)
        let organisationID = try organisation.requireID()
        let username = Self.canonicalUsername(registration.username)
        if problems.isEmpty, try await Member.query(on: database).filter(\.$organisationID == organisationID).filter(\.$username == username).count() > 0 {
            problems.append(.usernameTaken)
        }
        guard problems.isEmpty else { throw Refused(problems: problems) }
        let email = ParticipantRegistry.canonicalEmail(registration.email)
        let emailIndex = try await keyRing.blindIndex(email, field: Member.emailField, organisationID: organisationID, on: database)
        let texts = Texts(language: language, localizer: localizer)
        if try await Member.query(on: database).filter(\.$organisationID == organisationID).filter(\.$emailIndex == emailIndex).count() > 0 {
            try await mailAlreadyRegistered(email, organisation: organisation, texts: texts, on: database)
            return
        }
        let passwordHash = try Bcrypt.hash(registration.password, cost: bcryptCost)
        try await database.transaction { db in
            try await insert(registration, id: UUID(), username: username, email: email, emailIndex: emailIndex, passwordHash: passwordHash,
                             emailVerified: false, method: "password", organisation: organisation, texts: texts, on: db)
        }
    }

    /// Creates a member row (sealed under a new or, for a registration through a sign-in service, the
    /// already created subject key), counts the registration, audits it, and unless the address is already
    /// verified, mails a verification link.
    func insert(_ registration: Registration, id: UUID, username: String, email: String, emailIndex: String, passwordHash: String,
                emailVerified: Bool, method: String, organisation: Organisation, texts: Texts, on db: any Database) async throws {
        let organisationID = try organisation.requireID()
        let key = try await keyRing.subjectKey(id, organisationID: organisationID, create: true, on: db)
        let row = SealedRow(key: key, table: Member.schema, rowID: id)
        let member = Member()
        member.id = id
        member.organisationID = organisationID
        member.username = username
        member.emailIndex = emailIndex
        member.givenName = try row.seal(registration.givenName.trimmingCharacters(in: .whitespaces), "given_name")
        member.familyName = try row.seal(registration.familyName.trimmingCharacters(in: .whitespaces), "family_name")
        member.email = try row.seal(email, "email")
        member.memberOrganisation = try row.seal(registration.memberOrganisation.trimmingCharacters(in: .whitespaces) as String?, "member_organisation")
        member.passwordHash = passwordHash
        member.emailVerifiedAt = emailVerified ? clock.now() : nil
        member.active = true
        try await member.create(on: db)
        try await countRegistration(organisationID: organisationID, on: db)
        try await audit.record(AuditDraft(organisationID: organisationID, actorID: id, actorRole: "member", action: .create,
                                          subject: SubjectReference.member(id), purpose: "membership", query: "register " + method), in: db)
        guard !emailVerified else { return }
        let token = SessionStore.randomToken()
        let verification = MemberEmailVerification()
        verification.memberID = id
        verification.tokenHash = SessionStore.hash(token)
        verification.expiresAt = clock.now().addingTimeInterval(Self.verificationLifetime)
        try await verification.create(on: db)
        let link = publicBaseURL + SiteRoute.memberVerify(.value(organisation.slug), .value(token)).path
        let arguments = ["organisation": organisation.name, "link": link, "hours": String(Int(Self.verificationLifetime / 3600))]
        try await outbox.enqueue(OutgoingMail(recipient: email, recipientName: nil, subject: texts(MemberText.mailVerifySubject, arguments),
                                              textBody: texts(MemberText.mailVerifyBody, arguments), htmlBody: nil),
                                 purpose: "member_registration", organisationID: organisationID, on: db)
    }

    /// Tells the owner of an address that it is already registered, instead of registering it twice.
    func mailAlreadyRegistered(_ email: String, organisation: Organisation, texts: Texts, on db: any Database) async throws {
        try await outbox.enqueue(OutgoingMail(recipient: email, recipientName: nil, subject: texts(MemberText.mailExistsSubject, ["organisation": organisation.name]),
                                              textBody: texts(MemberText.mailExistsBody, ["organisation": organisation.name]), htmlBody: nil),
                                 purpose: "member_registration", organisationID: try organisation.requireID(), on: db)
    }

    private func countRegistration(organisationID: UUID, on db: any Database) async throws {
        let month = String(CivilDate(clock.now()).description.prefix(7))
        if let count = try await RegistrationCount.query(on: db).filter(\.$organisationID == organisationID).filter(\.$month == month).first() {
            count.count += 1
            try await count.update(on: db)
        } else {
            let count = RegistrationCount()
            count.organisationID = organisationID
            count.month = month
            count.count = 1
            try await count.create(on: db)
        }
    }

    /// Confirms the address behind a verification link; false for an unknown, used or expired link.
    func verify(token: String, organisationID: UUID, on database: any Database) async throws -> Bool {
        try await database.transaction { db in
            guard let verification = try await MemberEmailVerification.query(on: db).filter(\.$tokenHash == SessionStore.hash(token)).first(),
                  verification.usedAt == nil, verification.expiresAt > clock.now(),
                  let member = try await Member.find(verification.memberID, on: db), member.organisationID == organisationID else { return false }
            verification.usedAt = clock.now()
            try await verification.update(on: db)
            member.emailVerifiedAt = clock.now()
            try await member.update(on: db)
            try await audit.record(AuditDraft(organisationID: organisationID, actorID: member.id, actorRole: "member", action: .update,
                                              subject: SubjectReference.member(try member.requireID()), purpose: "membership",
                                              query: "email_verified"), in: db)
            return true
        }
    }

    /// Checks a username and password. Five failures for one username (or thirty from one address) within
    /// fifteen minutes lock further tries, right or wrong, until the window has passed.
    func signIn(username: String, password: String, address: String, organisationID: UUID, on db: any Database) async throws -> SignIn {
        let canonical = Self.canonicalUsername(username)
        let (usernameHash, addressHash) = try await attemptHashes(username: canonical, address: address, organisationID: organisationID, on: db)
        let since = clock.now().addingTimeInterval(-Self.lockWindow)
        let recent = LoginAttempt.query(on: db).filter(\.$organisationID == organisationID).filter(\.$succeeded == false).filter(\.$at > since)
        let byName = try await recent.copy().filter(\.$usernameHash == usernameHash).count()
        let byAddress = try await recent.copy().filter(\.$addressHash == addressHash).count()
        guard byName < Self.failuresPerUsername, byAddress < Self.failuresPerAddress else { return .locked }

        let member = try await Member.query(on: db).filter(\.$organisationID == organisationID).filter(\.$username == canonical).first()
        // An unknown username costs as much time as a wrong password, so timing does not reveal members.
        // Members who joined through a sign-in service have no password (an empty hash): nothing matches.
        let storedHash = member.flatMap { $0.hasPassword ? $0.passwordHash : nil }
        let matches = try Bcrypt.verify(password, created: storedHash ?? Self.timingHash(cost: bcryptCost)) && storedHash != nil
        try await recordAttempt(usernameHash: usernameHash, addressHash: addressHash, succeeded: matches && member?.active == true,
                                organisationID: organisationID, on: db)
        guard let member, matches, member.active else {
            try await audit.record(AuditDraft(organisationID: organisationID, action: .loginRefused, purpose: "membership", query: "password"))
            return .invalid
        }
        guard member.emailVerifiedAt != nil else { return .unverified }
        if member.totpEnabledAt != nil { return .needsCode(memberID: try member.requireID()) }
        return .signedIn(memberID: try member.requireID())
    }

    /// A wrong one-time code counts against the username like a wrong password, so the lockout also
    /// limits guessing codes with a known password.
    func recordFailedCode(memberID: UUID, address: String, on db: any Database) async throws {
        guard let member = try await Member.find(memberID, on: db) else { return }
        let (usernameHash, addressHash) = try await attemptHashes(username: member.username, address: address,
                                                                  organisationID: member.organisationID, on: db)
        try await recordAttempt(usernameHash: usernameHash, addressHash: addressHash, succeeded: false,
                                organisationID: member.organisationID, on: db)
    }

    /// Attempts are counted by keyed hashes of the (canonical) username and the address, never in clear.
    private func attemptHashes(username: String, address: String, organisationID: UUID, on db: any Database) async throws
        -> (username: String, address: String) {
        (try await keyRing.blindIndex(username, field: "login_attempts.username", organisationID: organisationID, on: db),
         try await keyRing.blindIndex(address, field: "login_attempts.address", organisationID: organisationID, on: db))
    }

    private func recordAttempt(usernameHash: String, addressHash: String, succeeded: Bool, organisationID: UUID, on db: any Database) async throws {
        let attempt = LoginAttempt()
        attempt.organisationID = organisationID
        attempt.usernameHash = usernameHash
        attempt.addressHash = addressHash
        attempt.succeeded = succeeded
        attempt.at = clock.now()
        try await attempt.create(on: db)
    }

    /// A member deletes themselves: their password is checked, their sessions end, their rows go and their
    /// key is destroyed (crypto-shredding), so copies in backups cannot be read either. The monthly
    /// registration count stays.
    /// A member who joined through a sign-in service has no password: ticking the confirmation is enough.
    func deleteSelf(memberID: UUID, password: String?, confirmed: Bool, sessions: SessionStore, on database: any Database) async throws -> Bool {
        guard let member = try await Member.find(memberID, on: database) else { return false }
        let allowed = member.hasPassword ? try Bcrypt.verify(password ?? "", created: member.passwordHash) : confirmed
        guard allowed else { return false }
        try await database.transaction { db in
            try await member.delete(on: db)
            try await keyRing.shred(memberID, on: db)
            try await sessions.revokeAll(accountID: memberID, now: clock.now(), on: db)
            try await audit.record(AuditDraft(organisationID: member.organisationID, actorID: memberID, actorRole: "member", action: .erase,
                                              subject: SubjectReference.member(memberID), purpose: "self_deletion"), in: db)
        }
        return true
    }

    private static let timingHashes = NIOLockedValueBox<[Int: String]>([:])

    private static func timingHash(cost: Int) throws -> String {
        if let hash = timingHashes.withLockedValue({ $0[cost] }) { return hash }
        let hash = try Bcrypt.hash("lots-timing-equaliser", cost: cost)
        timingHashes.withLockedValue { $0[cost] = hash }
        return hash
    }
}

extension Application {
    private struct BcryptCostKey: StorageKey { typealias Value = Int }

    /// 12 in production; tests lower it to keep the suite fast.
    var bcryptCost: Int {
        get { storage[BcryptCostKey.self] ?? 12 }
        set { storage[BcryptCostKey.self] = newValue }
    }

    var memberAccounts: MemberAccounts {
        MemberAccounts(keyRing: keyRing, audit: auditLog, clock: clock, outbox: outbox, localizer: localizer,
                       publicBaseURL: config.publicBaseURL, bcryptCost: bcryptCost)
    }
}
