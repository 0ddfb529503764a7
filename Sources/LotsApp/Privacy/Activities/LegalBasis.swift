/// The lawful bases of GDPR Art. 6(1).
enum LegalBasis: String, CaseIterable, Sendable, Codable {
    case consent, contract
    case legalObligation = "legal_obligation"
    case vitalInterests = "vital_interests"
    case publicInterest = "public_interest"
    case legitimateInterests = "legitimate_interests"
}

/// The exceptions of GDPR Art. 9(2) that allow processing special categories of data.
enum SpecialCategoryBasis: String, CaseIterable, Sendable, Codable {
    case explicitConsent = "explicit_consent"
    case employmentAndSocialSecurity = "employment_social_security"
    case substantialPublicInterest = "substantial_public_interest"
}

/// The data subject's rights (Art. 15–22), as far as they apply to an activity.
enum DataSubjectRight: String, CaseIterable, Sendable, Codable {
    case access, rectification, erasure, restriction, portability, objection
    case withdrawConsent = "withdraw_consent"

    /// What the lawful bases leave open: erasure does not reach data kept under a legal obligation
    /// (Art. 17(3)(b)); objection applies to public interest and legitimate interests (Art. 21);
    /// portability to consent and contract (Art. 20); withdrawal to consent (Art. 7(3)).
    static func available(for bases: [LegalBasis]) -> [DataSubjectRight] {
        var rights: [DataSubjectRight] = [.access, .rectification, .restriction]
        if !bases.contains(.legalObligation) { rights.append(.erasure) }
        if bases.contains(where: { $0 == .consent || $0 == .contract }) { rights.append(.portability) }
        if bases.contains(where: { $0 == .publicInterest || $0 == .legitimateInterests }) { rights.append(.objection) }
        if bases.contains(.consent) { rights.append(.withdrawConsent) }
        return rights
    }
}

/// What starts the retention clock of an activity, and what happens when it runs out.
enum RetentionTrigger: String, CaseIterable, Sendable, Codable {
    case placementEnded = "placement_ended"
    case attendanceRegistered = "attendance_registered"
    case requestAnswered = "request_answered"
    case memberLeaves = "member_leaves"
    /// The data is handed over and kept in another controller's system (e.g. AF's).
    case handedOver = "handed_over"
}

enum RetentionAction: String, CaseIterable, Sendable, Codable {
    case cryptoShred = "crypto_shred"
    case delete
    case none
}
