import Fluent
import Foundation
import Vapor

/// `POST /api/v1/imports`: an integration sends an AF assignment file (CSV or JSON) as the body.
/// `?dry_run=true` returns the preview only; otherwise every importable row is saved in one transaction.
enum ImportAPIController {
    /// Large enough for 200,000 rows of AF's fields.
    static let maxUpload: ByteCount = "64mb"

    struct Body: Content {
        struct Row: Content {
            var line: Int
            var outcome: String
            var reasons: [String]
        }
        struct Committed: Content {
            var created: Int
            var extended: Int
            var updated: Int
            var unchanged: Int
            var refused: Int
        }
        var committed: Committed?
        var summary: [String: Int]
        var ignoredColumns: [String]
        var rows: [Row]
    }

    struct Failure: Content { var error: String }

    @Sendable
    static func create(req: Request) async throws -> Response {
        guard let client = req.apiClient else { throw Abort(.unauthorized) }
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            return try await Failure(error: req.texts(ImportText.fileEmpty)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let data = Data(buffer: buffer)
        let texts = req.texts
        let dryRun = ["true", "1", "yes"].contains(req.queryValue("dry_run") ?? "")
        let importer = req.application.assignmentImport
        do {
            // A commit plans the file inside its own transaction; its plan is the one reported (no separate preview first).
            let plan: AssignmentImport.Plan
            var committed: Body.Committed?
            if dryRun {
                plan = try await importer.preview(data, organisationID: client.organisationID, on: req.db)
            } else {
                let unitID = try await unit(req.queryValue("unit"), organisationID: client.organisationID, req)
                let actor = AuditDraft(organisationID: client.organisationID, actorID: client.id, actorRole: "api_client", action: .create,
                                       purpose: "af_import")
                let (final, result) = try await importer.commit(data, organisationID: client.organisationID, unitID: unitID, by: actor, on: req.db)
                plan = final
                committed = .init(created: result.created, extended: result.extended, updated: result.updated, unchanged: result.unchanged,
                                  refused: result.refused)
            }
            let summary = Dictionary(uniqueKeysWithValues: ["new", "extension", "update", "duplicate", "error"].map { ($0, plan.count($0)) })
            let rows = plan.rows.map { Body.Row(line: $0.line, outcome: $0.outcome.name, reasons: texts.reasons($0.outcome)) }
            return try await Body(committed: committed, summary: summary, ignoredColumns: plan.ignoredColumns, rows: rows)
                .encodeResponse(status: dryRun ? .ok : .created, for: req)
        } catch let problem as AFAssignmentFile.Problem {
            return try await Failure(error: texts.message(problem)).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// The unit the placements go to: `?unit=` (its name or id), or the organisation's only unit.
    private static func unit(_ wanted: String?, organisationID: UUID, _ req: Request) async throws -> UUID {
        let units = try await OrganisationUnit.query(on: req.db).filter(\.$organisation.$id == organisationID).sort(\.$name).all()
        if let wanted {
            guard let unit = units.first(where: { $0.name == wanted || $0.id?.uuidString.lowercased() == wanted.lowercased() }) else {
                throw Abort(.badRequest, reason: "No unit \"\(wanted)\" in this organisation. Units: " + units.map(\.name).joined(separator: "; "))
            }
            return try unit.requireID()
        }
        guard units.count == 1 else {
            throw Abort(.badRequest, reason: "Name the unit: ?unit=… (one of: " + units.map(\.name).joined(separator: "; ") + ")")
        }
        return try units[0].requireID()
    }
}
