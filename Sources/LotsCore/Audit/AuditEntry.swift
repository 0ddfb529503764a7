import Foundation

/// One event of the audit trail as it is chained: who did what, to whom (pseudonymously), why, and
/// the hash linking it to the event before it.
public struct AuditEntry: Sendable, Equatable {
    public var sequence: Int64
    /// Milliseconds since 1970; an integer so both databases store exactly what was hashed.
    public var occurredAtMilliseconds: Int64
    public var organisationID: UUID?
    public var actorID: UUID?
    public var actorRole: String?
    public var action: String
    /// A pseudonymous reference to the data subject or object (an id, never a name or personnummer).
    public var subject: String?
    public var purpose: String?
    public var resultCount: Int?
    /// For searches: a description of the query with personal data replaced by placeholders.
    public var query: String?
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, occurredAtMilliseconds: Int64, organisationID: UUID?, actorID: UUID?, actorRole: String?,
                action: String, subject: String?, purpose: String?, resultCount: Int?, query: String?,
                previousHash: String, hash: String = "") {
        self.sequence = sequence
        self.occurredAtMilliseconds = occurredAtMilliseconds
        self.organisationID = organisationID
        self.actorID = actorID
        self.actorRole = actorRole
        self.action = action
        self.subject = subject
        self.purpose = purpose
        self.resultCount = resultCount
        self.query = query
        self.previousHash = previousHash
        self.hash = hash
    }
}
