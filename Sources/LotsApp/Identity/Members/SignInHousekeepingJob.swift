import Fluent
import Foundation

/// Removes what password sign-in leaves behind once it has served: attempt records older than a day
/// (the lockout looks back 15 minutes), used or expired e-mail verification links, and expired or
/// exhausted one-time-code challenges. Unverified registrations whose link expired a week ago go too,
/// with their key: the person never confirmed the address. Expired OpenID sign-in flows go as well, and a
/// registration through a sign-in service that was never finished is erased with its key.
struct SignInHousekeepingJob: JobHandler {
    var name: String { "members.housekeeping" }

    func run(_ job: JobContext) async throws {
        let app = job.application
        let now = app.clock.now()
        let db = job.database
        try await LoginAttempt.query(on: db).filter(\.$at < now.addingTimeInterval(-86_400)).delete()
        try await MemberEmailVerification.query(on: db).filter(\.$usedAt != nil).delete()
        try await MemberLoginChallenge.query(on: db).filter(\.$expiresAt < now).delete()
        // Sign-ins with a provider that never came back, and registrations never finished: the provider's
        // claims go with the key they were sealed under.
        for flow in try await MemberOIDCFlow.query(on: db).filter(\.$expiresAt < now).all() {
            try await db.transaction { tx in
                try await flow.delete(on: tx)
                if flow.intent == .register, let pendingID = flow.memberID, try await Member.find(pendingID, on: tx) == nil {
                    try await app.keyRing.shred(pendingID, on: tx)
                }
            }
        }
        let abandoned = try await MemberEmailVerification.query(on: db).filter(\.$expiresAt < now.addingTimeInterval(-7 * 86_400)).all()
        for verification in abandoned {
            guard let member = try await Member.find(verification.memberID, on: db), member.emailVerifiedAt == nil else {
                try await verification.delete(on: db)
                continue
            }
            let memberID = try member.requireID()
            try await db.transaction { tx in
                try await member.delete(on: tx)
                try await app.keyRing.shred(memberID, on: tx)
                try await app.auditLog.record(AuditDraft(organisationID: member.organisationID, action: .erase,
                                                         subject: SubjectReference.member(memberID), purpose: "retention",
                                                         query: "unverified registration"), in: tx)
            }
        }
    }
}
