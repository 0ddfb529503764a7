import Fluent
import Foundation

/// Who is signed in, with what they need on every request: names for the header and roles for
/// authorisation.
struct SignedInSession: Sendable, Equatable {
    var sessionID: UUID
    var accountID: UUID
    var kind: UserSession.AccountKind
    var organisationID: UUID
    var organisationName: String
    var displayName: String
    /// The person's own language setting, which wins over the browser's.
    var preferredLanguage: UILanguage?
    var roles: [RoleGrant]
    var csrfToken: String
    var lastSeenAt: Date
    var expiresAt: Date

    struct RoleGrant: Sendable, Equatable {
        var role: StaffRole
        var unitID: UUID?
    }

    func has(_ role: StaffRole) -> Bool { roles.contains { $0.role == role } }

    static func load(_ record: UserSession, on database: any Database) async throws -> SignedInSession? {
        if record.accountKind == .member { return try await loadMember(record, on: database) }
        if record.accountKind == .participant { return try await loadParticipant(record, on: database) }
        guard let account = try await StaffAccount.find(record.accountID, on: database), account.active,
              account.$organisation.id == record.organisationID,
              let organisation = try await Organisation.find(record.organisationID, on: database) else { return nil }
        let grants = try await StaffRoleAssignment.query(on: database)
            .filter(\.$staffAccount.$id == record.accountID).filter(\.$organisation.$id == record.organisationID).all()
        return SignedInSession(
            sessionID: try record.requireID(), accountID: record.accountID, kind: record.accountKind,
            organisationID: record.organisationID, organisationName: organisation.name, displayName: account.displayName,
            preferredLanguage: account.preferredLanguage.flatMap(UILanguage.init(rawValue:)),
            roles: grants.map { RoleGrant(role: $0.role, unitID: $0.$unit.id) }, csrfToken: record.csrfToken,
            lastSeenAt: record.lastSeenAt, expiresAt: record.expiresAt)
    }

    /// A participant's session: no roles; the header shows no name (the page itself shows their data).
    private static func loadParticipant(_ record: UserSession, on database: any Database) async throws -> SignedInSession? {
        guard let participant = try await Participant.find(record.accountID, on: database), participant.organisationID == record.organisationID,
              let organisation = try await Organisation.find(record.organisationID, on: database) else { return nil }
        return SignedInSession(
            sessionID: try record.requireID(), accountID: record.accountID, kind: .participant, organisationID: record.organisationID,
            organisationName: organisation.name, displayName: "", preferredLanguage: nil, roles: [],
            csrfToken: record.csrfToken, lastSeenAt: record.lastSeenAt, expiresAt: record.expiresAt)
    }

    /// A member's session: no roles; the username stands for them in the page header.
    private static func loadMember(_ record: UserSession, on database: any Database) async throws -> SignedInSession? {
        guard let member = try await Member.find(record.accountID, on: database), member.active, member.emailVerifiedAt != nil,
              member.organisationID == record.organisationID,
              let organisation = try await Organisation.find(record.organisationID, on: database) else { return nil }
        return SignedInSession(
            sessionID: try record.requireID(), accountID: record.accountID, kind: .member, organisationID: record.organisationID,
            organisationName: organisation.name, displayName: member.username, preferredLanguage: nil, roles: [],
            csrfToken: record.csrfToken, lastSeenAt: record.lastSeenAt, expiresAt: record.expiresAt)
    }
}
