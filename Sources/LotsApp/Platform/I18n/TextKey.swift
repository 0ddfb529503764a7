/// A set of localisation keys, one enum per feature. Raw values are the keys in `Resources/Localization/*.json`.
protocol TextKey: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

/// Every key set; a test checks that each key exists in every catalog and that catalogs hold no unused keys.
enum TextKeyRegistry {
    static let keySets: [any TextKey.Type] = [
        CommonText.self, ErrorText.self, HomeText.self, PrivacyText.self, MailboxText.self, RoleText.self,
        LoginText.self, BankIDText.self, StartText.self, BankIDAppText.self, AdminText.self, IdentityNumberText.self, APIClientText.self, AuditText.self, ParticipantText.self, ActivityText.self, NoticeText.self, MemberText.self, OIDCTestText.self, ImportText.self, ParticipantSelfText.self, AppointmentText.self, GroupActivityText.self, MailOutText.self, DocumentText.self, JournalText.self, PlanText.self, FormText.self, ProtectionText.self, RegistrationText.self,
    ]

    static var allKeys: [String] {
        keySets.flatMap { keySet in keySet.allKeyStrings }
    }
}

extension TextKey {
    static var allKeyStrings: [String] { allCases.map(\.rawValue) }
}
