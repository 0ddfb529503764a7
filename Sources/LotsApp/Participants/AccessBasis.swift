import Foundation

/// On what ground a staff member sees a participant. It decides what the audit event gives as purpose.
enum AccessBasis: Sendable, Equatable {
    /// The participant is in the handledare's own caseload.
    case ownCaseload
    /// A colleague's participant, opened for a stated reason until the grant expires.
    case colleagueGrant(AccessReason, expiresAt: Date)
    /// A unit manager following up their unit.
    case unitFollowUp
    /// An administrator managing placements.
    case placementAdministration
    /// The participant themselves, signed in with BankID (right of access).
    case ownData

    /// Whether the basis lets the staff member document (write about) the participant: their own caseload
    /// or a granted access. Following up a unit or administering placements is reading only.
    var allowsDocumenting: Bool {
        switch self {
        case .ownCaseload, .colleagueGrant: true
        case .unitFollowUp, .placementAdministration, .ownData: false
        }
    }

    var purpose: String {
        switch self {
        case .ownCaseload: "casework"
        case .colleagueGrant(let reason, _): "colleague_access:\(reason.rawValue)"
        case .unitFollowUp: "unit_follow_up"
        case .placementAdministration: "placement_administration"
        case .ownData: "own_data"
        }
    }
}

/// Which participants a list or search covers for a staff member: the widest of their roles.
enum ParticipantScope: Sendable, Equatable {
    case organisation
    case units(Set<UUID>)
    case caseload(UUID)
    case none

    init(_ staff: StaffActor) {
        if staff.has(.administrator) {
            self = .organisation
        } else if staff.has(.unitManager) {
            self = staff.managedUnits.map { .units($0) } ?? .organisation
        } else if staff.has(.handledare) {
            self = .caseload(staff.accountID)
        } else {
            self = .none
        }
    }

    var basis: AccessBasis? {
        switch self {
        case .organisation: .placementAdministration
        case .units: .unitFollowUp
        case .caseload: .ownCaseload
        case .none: nil
        }
    }

    var auditName: String {
        switch self {
        case .organisation: "organisation"
        case .units: "units"
        case .caseload: "caseload"
        case .none: "none"
        }
    }
}
