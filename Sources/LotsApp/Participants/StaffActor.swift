import Foundation
import Vapor

/// The staff member asking for participant data, as the access path and the audit trail see them.
struct StaffActor: Sendable, Equatable {
    var accountID: UUID
    var organisationID: UUID
    var roles: [SignedInSession.RoleGrant]

    init(accountID: UUID, organisationID: UUID, roles: [SignedInSession.RoleGrant]) {
        self.accountID = accountID
        self.organisationID = organisationID
        self.roles = roles
    }

    init(_ session: SignedInSession) {
        self.init(accountID: session.accountID, organisationID: session.organisationID, roles: session.roles)
    }

    /// The roles as the audit trail records them, e.g. `handledare` or `administrator,unit_manager`.
    var auditRole: String { Set(roles.map(\.role.rawValue)).sorted().joined(separator: ",") }

    func has(_ role: StaffRole) -> Bool { roles.contains { $0.role == role } }

    /// The units a unit manager follows up; nil when one of their grants covers the whole organisation.
    var managedUnits: Set<UUID>? {
        let grants = roles.filter { $0.role == .unitManager }
        if grants.contains(where: { $0.unitID == nil }) { return nil }
        return Set(grants.compactMap(\.unitID))
    }

    func draft(_ action: AuditAction, subject: String?, purpose: String, resultCount: Int? = nil, query: String? = nil) -> AuditDraft {
        AuditDraft(organisationID: organisationID, actorID: accountID, actorRole: auditRole, action: action, subject: subject,
                   purpose: purpose, resultCount: resultCount, query: query)
    }
}

extension Request {
    /// The signed-in staff member. Routes that need a staff capability only reach their handler for staff;
    /// anyone else is refused here too.
    func staffActor() throws -> StaffActor {
        guard let session = signedIn else { throw Abort(.unauthorized) }
        guard session.kind == .staff else { throw Abort(.forbidden) }
        return StaffActor(session)
    }
}
