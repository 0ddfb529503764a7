import Fluent
import Vapor

/// The ordered list of every migration. New ones are appended; landed ones are never edited or reordered.
enum MigrationRegistry {
    static func register(on app: Application) {
        app.migrations.add([
            CreateOrganisations(),
            CreateUnits(),
            CreateStaffAccounts(),
            CreateStaffRoleAssignments(),
            CreateJobs(),
            CreateJobSchedules(),
            CreateMailOutbox(),
            CreateDevMailboxMessages(),
            CreateOrganisationKeys(),
            AddStaffPersonalNumberIndex(),
            CreateSessions(),
            CreateBankIDLogins(),
            CreateAuditEvents(),
            CreateAPIClients(),
            CreateSubjectKeys(),
            CreateParticipants(),
            CreatePlacements(),
            CreateParticipantAccessGrants(),
            CreateProcessingActivities(),
            CreatePrivacyNoticeVersions(),
            CreateMembers(),
            AddMemberSecondFactor(),
            CreateMemberNoticeAnnouncements(),
            CreateMemberOIDC(),
            AddBankIDLoginCandidates(),
            AddPlacementAssignmentFields(),
            CreateImportUploads(),
            CreateAppointments(),
            CreateGroupActivities(),
            CreateMailOuts(),
            CreateApplicationDocuments(),
            CreateJournalEntries(),
            CreateParticipantPlans(),
            CreateCVsAndAFDetails(),
            CreateProtectedIdentityAccess(),
            AddLookupIndexes(),
            AuditHeadFollowsEvents(),
        ])
    }
}
