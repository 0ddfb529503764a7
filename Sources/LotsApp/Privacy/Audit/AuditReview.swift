import Fluent
import Foundation
import LotsCore
import SQLKit

/// Reading the audit trail for review: one organisation's events, filtered by actor, subject and period.
/// Reviewing is itself recorded, so the trail shows who looked at it.
enum AuditReview {
    struct Filter: Sendable, Equatable {
        var actorID: UUID?
        var subject: String?
        var from: Date?
        var to: Date?
        /// For a unit manager: only events by these staff members (those of their units).
        var actorsWithin: [UUID]? = nil
    }

    struct Row: Sendable, Equatable {
        var sequence: Int64
        var occurredAt: Date
        var actorName: String?
        var actorRole: String?
        var action: String
        var subject: String?
        var purpose: String?
        var resultCount: Int?
        var details: String?
    }

    static let limit = 500

    static func rows(organisationID: UUID, filter: Filter, on database: any Database) async throws -> [Row] {
        var query = SQLQueryString("SELECT * FROM audit_events WHERE organisation_id = \(bind: organisationID)")
        if let actor = filter.actorID { query.appendInterpolation(unsafeRaw: " AND actor_id = "); query.appendInterpolation(bind: actor) }
        if let actors = filter.actorsWithin {
            guard !actors.isEmpty else { return [] }
            query.appendInterpolation(unsafeRaw: " AND actor_id IN (")
            for (index, actor) in actors.enumerated() {
                if index > 0 { query.appendInterpolation(unsafeRaw: ", ") }
                query.appendInterpolation(bind: actor)
            }
            query.appendInterpolation(unsafeRaw: ")")
        }
        if let subject = filter.subject {
            // Lists and searches name every participant they showed, separated by spaces.
            query.appendInterpolation(unsafeRaw: " AND (subject = ")
            query.appendInterpolation(bind: subject)
            query.appendInterpolation(unsafeRaw: " OR ' ' || subject || ' ' LIKE ")
            query.appendInterpolation(bind: "% " + subject.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + " %")
            query.appendInterpolation(unsafeRaw: ")")
        }
        if let from = filter.from {
            query.appendInterpolation(unsafeRaw: " AND occurred_at_ms >= ")
            query.appendInterpolation(bind: Int64(from.timeIntervalSince1970 * 1000))
        }
        if let to = filter.to {
            query.appendInterpolation(unsafeRaw: " AND occurred_at_ms < ")
            query.appendInterpolation(bind: Int64(to.timeIntervalSince1970 * 1000))
        }
        query.appendInterpolation(unsafeRaw: " ORDER BY sequence DESC LIMIT \(limit)")
        let entries = try await database.sql.raw(query).all().map(AuditVerifier.entry)
        let actorIDs = Set(entries.compactMap(\.actorID))
        let names = Dictionary(uniqueKeysWithValues: try await StaffAccount.query(on: database)
            .filter(\.$organisation.$id == organisationID).filter(\.$id ~~ actorIDs).all().map { (try $0.requireID(), $0.displayName) })
        return entries.map { entry in
            Row(sequence: entry.sequence, occurredAt: Date(timeIntervalSince1970: Double(entry.occurredAtMilliseconds) / 1000),
                actorName: entry.actorID.flatMap { names[$0] }, actorRole: entry.actorRole, action: entry.action, subject: entry.subject,
                purpose: entry.purpose, resultCount: entry.resultCount, details: entry.query)
        }
    }

    /// CSV for the reviewer's own analysis; fields quoted as RFC 4180 says, and formula-like cells defused
    /// so a spreadsheet never executes them.
    static func csv(_ rows: [Row]) -> String {
        var lines = ["sequence,occurred_at,actor,actor_role,action,subject,purpose,result_count,details"]
        for row in rows {
            let fields: [String] = [
                String(row.sequence), row.occurredAt.formatted(.iso8601), row.actorName ?? "", row.actorRole ?? "", row.action,
                row.subject ?? "", row.purpose ?? "", row.resultCount.map(String.init) ?? "", row.details ?? "",
            ]
            lines.append(fields.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
