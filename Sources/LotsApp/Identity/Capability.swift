/// What a staff member may do. Roles grant capabilities (`PermissionMatrix`); routes require them.
enum Capability: String, CaseIterable, Sendable {
    /// See and document the participants one is handledare for.
    case documentOwnParticipants = "document_own_participants"
    /// Open a colleague's participant for a stated reason, for a limited time; every opening is audited.
    case accessColleagueParticipantWithReason = "access_colleague_participant_with_reason"
    /// See every participant of one's unit and follow up the unit's work.
    case followUpUnit = "follow_up_unit"
    /// Import assignments from Arbetsförmedlingen and manage placements.
    case manageAssignments = "manage_assignments"
    /// Create, deactivate and change the roles of staff accounts; manage settings. Not case notes.
    case manageAccounts = "manage_accounts"
    /// Read the audit trail, the record of processing activities and data-subject requests.
    case reviewDataProtection = "review_data_protection"
    /// See anonymised statistics.
    case viewStatistics = "view_statistics"
}

/// The permission matrix: which role grants which capability. The README's table mirrors it, and a
/// test runs every route as every role against it.
enum PermissionMatrix {
    static func capabilities(of role: StaffRole) -> Set<Capability> {
        switch role {
        case .handledare: [.documentOwnParticipants, .accessColleagueParticipantWithReason]
        case .unitManager: [.followUpUnit, .viewStatistics]
        case .administrator: [.manageAssignments, .viewStatistics]
        case .systemAdministrator: [.manageAccounts]
        case .dataProtectionOfficer: [.reviewDataProtection, .viewStatistics]
        }
    }

    static func allows(_ capability: Capability, roles: [StaffRole]) -> Bool {
        roles.contains { capabilities(of: $0).contains(capability) }
    }
}
