/// What an audit event records. Raw values are stored; never rename a case.
enum AuditAction: String, Sendable, CaseIterable {
    case view, search, create, update, export, disclose, erase
    case login
    case loginRefused = "login_refused"
    case logout
    case adminChange = "admin_change"
    case subjectRequestStep = "subject_request_step"
    case apiAccess = "api_access"
    case accessGranted = "access_granted"
}

/// An event before it is chained: the caller's part.
struct AuditDraft: Sendable, Equatable {
    var organisationID: UUID?
    var actorID: UUID?
    var actorRole: String?
    var action: AuditAction
    /// A pseudonymous reference such as `staff:<uuid>`; never a name or an identity number.
    var subject: String?
    var purpose: String?
    var resultCount: Int?
    var query: String?
}

import Foundation
