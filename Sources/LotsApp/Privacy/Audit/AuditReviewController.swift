import Fluent
import Foundation
import LotsCore
import Vapor

/// `/privacy/audit`: the data-protection officer's view of who did what, and its CSV export.
enum AuditReviewController {
    struct Query: Content {
        var actor: String?
        var subject: String?
        var from: String?
        var to: String?
    }

    @Sendable
    static func index(req: Request) async throws -> Response {
        let (session, query, filter) = try await scoped(try await resolved(try parse(req), req), req)
        let rows = try await AuditReview.rows(organisationID: session.organisationID, filter: filter, on: req.db)
        try await recordReview(req, session, filter, count: rows.count, action: .view)
        let staff = try await AccountDirectory.rows(organisationID: session.organisationID, on: req.db).map { ($0.id, $0.name) }
            .filter { id, _ in filter.actorsWithin?.contains(id) ?? true }
        return try await AuditReviewPage.render(.init(rows: rows, query: query, staff: staff), context: req.pageContext).encodeResponse(for: req)
    }

    @Sendable
    static func export(req: Request) async throws -> Response {
        let (session, _, filter) = try await scoped(try await resolved(try parse(req), req), req)
        let rows = try await AuditReview.rows(organisationID: session.organisationID, filter: filter, on: req.db)
        try await recordReview(req, session, filter, count: rows.count, action: .export)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "audit-trail.csv")
        return Response(status: .ok, headers: headers, body: .init(string: AuditReview.csv(rows)))
    }

    private static func parse(_ req: Request) throws -> (SignedInSession, Query, AuditReview.Filter) {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        let query = try req.query.decode(Query.self)
        let filter = AuditReview.Filter(
            actorID: query.actor.flatMap(UUID.init(uuidString:)),
            subject: query.subject.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) },
            from: try query.from.flatMap(day), to: try query.to.flatMap(day).map { $0.addingTimeInterval(86_400) })
        return (session, query, filter)
    }

    /// A unit manager (who is not also a data-protection officer) reviews only what the staff of their
    /// units did; a data-protection officer sees the whole organisation.
    private static func scoped(_ parsed: (SignedInSession, Query, AuditReview.Filter), _ req: Request) async throws
        -> (SignedInSession, Query, AuditReview.Filter) {
        let (session, query, _) = parsed
        var filter = parsed.2
        let roles = session.roles.map(\.role)
        guard !PermissionMatrix.allows(.reviewDataProtection, roles: roles),
              let units = StaffActor(session).managedUnits else { return parsed }
        let staff = try await StaffRoleAssignment.query(on: req.db).filter(\.$organisation.$id == session.organisationID)
            .filter(\.$unit.$id ~~ Array(units)).all().map(\.$staffAccount.id)
        filter.actorsWithin = Array(Set(staff)).sorted { $0.uuidString < $1.uuidString }
        return (session, query, filter)
    }

    /// A personnummer typed as the subject is looked up (by blind index, in the reviewer's organisation)
    /// and replaced by the participant's pseudonymous reference, which is what the trail holds.
    private static func resolved(_ parsed: (SignedInSession, Query, AuditReview.Filter), _ req: Request) async throws
        -> (SignedInSession, Query, AuditReview.Filter) {
        var (session, query, filter) = parsed
        guard let subject = filter.subject,
              let number = try? SwedishIdentityNumber(parsing: subject, today: CivilDate(req.clock.now())) else { return parsed }
        let index = try await req.application.keyRing.blindIndex(number.digits, field: Participant.personalNumberField,
                                                                 organisationID: session.organisationID, on: req.db)
        let participant = try await Participant.query(on: req.db).filter(\.$organisationID == session.organisationID)
            .filter(\.$personalNumberIndex == index).first()
        filter.subject = participant?.id.map(SubjectReference.participant) ?? "participant:unknown"
        query.subject = filter.subject
        return (session, query, filter)
    }

    /// Dates from the form (`YYYY-MM-DD`), as whole days in Swedish time.
    private static func day(_ text: String) throws -> Date? {
        if text.isEmpty { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: text) else { throw Abort(.badRequest, reason: "Dates are written YYYY-MM-DD.") }
        return date
    }

    private static func recordReview(_ req: Request, _ session: SignedInSession, _ filter: AuditReview.Filter, count: Int, action: AuditAction) async throws {
        var described: [String] = []
        if filter.actorID != nil { described.append("actor=?") }
        if filter.subject != nil { described.append("subject=?") }
        if filter.from != nil || filter.to != nil { described.append("period=?") }
        try await req.application.auditLog.record(AuditDraft(
            organisationID: session.organisationID, actorID: session.accountID,
            actorRole: session.roles.map(\.role.rawValue).sorted().joined(separator: ","), action: action,
            subject: "audit_trail", purpose: filter.actorsWithin == nil ? "data_protection_review" : "unit_follow_up", resultCount: count,
            query: described.isEmpty ? "all" : described.joined(separator: " ")))
    }
}
