import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// Optional two-step verification for members with an authenticator app (TOTP).
struct MemberTwoStep: Sendable {
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock

    static let challengeLifetime: TimeInterval = 5 * 60
    static let attemptsPerChallenge = 5

    private func row(_ member: Member, on db: any Database) async throws -> SealedRow {
        let id = try member.requireID()
        return SealedRow(key: try await keyRing.subjectKey(id, organisationID: member.organisationID, on: db), table: Member.schema, rowID: id)
    }

    /// The secret being set up (made on first call) or in use.
    func secret(for member: Member, on db: any Database) async throws -> Data {
        let sealed = try await row(member, on: db)
        if let stored = try sealed.open(member.totpSecret, "totp_secret"), let secret = Base32.decode(stored) { return secret }
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0.prefix(20)) }
        member.totpSecret = try sealed.seal(Base32.encode(secret), "totp_secret")
        try await member.update(on: db)
        return secret
    }

    /// Checks a code against the member's secret and, when right, uses up its time step.
    func accept(_ code: String, for member: Member, on db: any Database) async throws -> Bool {
        guard member.totpSecret != nil else { return false }
        let secret = try await secret(for: member, on: db)
        guard let step = TOTP.verify(code, secret: secret, at: clock.now(), after: member.totpLastStep) else { return false }
        member.totpLastStep = step
        try await member.update(on: db)
        return true
    }

    func enable(_ code: String, for member: Member, on db: any Database) async throws -> Bool {
        guard member.totpEnabledAt == nil, try await accept(code, for: member, on: db) else { return false }
        member.totpEnabledAt = clock.now()
        try await member.update(on: db)
        try await record(member, "totp_enabled")
        return true
    }

    func disable(_ code: String, for member: Member, on db: any Database) async throws -> Bool {
        guard member.totpEnabledAt != nil, try await accept(code, for: member, on: db) else { return false }
        member.totpEnabledAt = nil
        member.totpSecret = nil
        member.totpLastStep = nil
        try await member.update(on: db)
        try await record(member, "totp_disabled")
        return true
    }

    /// Starts the code step of a sign-in; returns the token the browser keeps.
    func challenge(memberID: UUID, organisationID: UUID, on db: any Database) async throws -> String {
        let token = SessionStore.randomToken()
        let challenge = MemberLoginChallenge()
        challenge.memberID = memberID
        challenge.organisationID = organisationID
        challenge.tokenHash = SessionStore.hash(token)
        challenge.expiresAt = clock.now().addingTimeInterval(Self.challengeLifetime)
        challenge.attempts = 0
        try await challenge.create(on: db)
        return token
    }

    enum Answer: Equatable { case accepted(memberID: UUID), wrong(memberID: UUID), expired }

    /// A challenge ends with the right code, after five wrong ones, or after five minutes.
    func answer(token: String, code: String, organisationID: UUID, on db: any Database) async throws -> Answer {
        guard let challenge = try await MemberLoginChallenge.query(on: db).filter(\.$tokenHash == SessionStore.hash(token))
            .filter(\.$organisationID == organisationID).first() else { return .expired }
        guard challenge.expiresAt > clock.now(), challenge.attempts < Self.attemptsPerChallenge,
              let member = try await Member.find(challenge.memberID, on: db), member.active else {
            try await challenge.delete(on: db)
            return .expired
        }
        if try await accept(code, for: member, on: db) {
            try await challenge.delete(on: db)
            return .accepted(memberID: challenge.memberID)
        }
        challenge.attempts += 1
        try await challenge.update(on: db)
        return .wrong(memberID: challenge.memberID)
    }

    private func record(_ member: Member, _ what: String) async throws {
        let id = try member.requireID()
        try await audit.record(AuditDraft(organisationID: member.organisationID, actorID: id, actorRole: "member", action: .update,
                                          subject: SubjectReference.member(id), purpose: "membership", query: what))
    }
}

extension Application {
    var memberTwoStep: MemberTwoStep { MemberTwoStep(keyRing: keyRing, audit: auditLog, clock: clock) }
}
