import Fluent
import Foundation
import Vapor

/// `lots import participants FILE [--organisation SLUG] [--unit NAME] [--dry-run] [--json]`: imports AF
/// assignments from a CSV or JSON file. It prints every row's outcome (a table, or JSON with one object per
/// row: line, outcome, reasons); without --dry-run every importable row is saved in one transaction and the
/// outcomes printed are the ones that transaction decided.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "What to import: participants")
        var kind: String
        @Argument(name: "file", help: "A CSV (AF's column headers) or JSON (AF's field names) file")
        var file: String
        @Option(name: "organisation", help: "The organisation's slug (default: the only case-management organisation).")
        var organisation: String?
        @Option(name: "unit", help: "The unit the placements belong to (default: the organisation's only unit).")
        var unit: String?
        @Flag(name: "dry-run", help: "Only show what would happen; save nothing.")
        var dryRun: Bool
        @Flag(name: "json", help: "Print the preview as JSON: one object per row with line, outcome and reasons.")
        var json: Bool
    }

    var help: String { "Imports participants' assignments from Arbetsförmedlingen (preview, then an all-or-nothing commit)." }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct RowReport: Encodable {
        var line: Int
        var outcome: String
        var reasons: [String]
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard signature.kind == "participants" else { throw Failure(description: "Only participants can be imported: lots import participants FILE") }
        try await app.migrateAndTune()
        let texts = Texts(language: .en, localizer: app.localizer)
        let organisation = try await Self.organisation(signature.organisation, on: app.db)
        let organisationID = try organisation.requireID()
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw Failure(description: "Cannot read \(signature.file).")
        }
        // Without --dry-run the plan printed is the commit's own (made inside its transaction): the file is read and
        // compared with what is registered once, not once for the preview and again for the commit.
        let plan: AssignmentImport.Plan
        var committed: AssignmentImport.Committed?
        do {
            if signature.dryRun {
                plan = try await app.assignmentImport.preview(data, organisationID: organisationID, on: app.db)
            } else {
                let unitID = try await Self.unit(signature.unit, organisationID: organisationID, on: app.db)
                let actor = AuditDraft(organisationID: organisationID, actorRole: "command_line", action: .create, purpose: "af_import")
                (plan, committed) = try await app.assignmentImport.commit(data, organisationID: organisationID, unitID: unitID, by: actor, on: app.db)
            }
        } catch let problem as AFAssignmentFile.Problem {
            throw Failure(description: texts.message(problem))
        }
        if signature.json {
            let rows = plan.rows.map { RowReport(line: $0.line, outcome: $0.outcome.name, reasons: texts.reasons($0.outcome)) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.output(String(decoding: try encoder.encode(rows), as: UTF8.self).consoleText())
        } else {
            var table = ""
            for row in plan.rows {
                table += Self.tableLine(line: row.line, outcome: row.outcome.name, reasons: texts.reasons(row.outcome).joined(separator: "; "))
                table += "\n"
            }
            if !plan.ignoredColumns.isEmpty {
                table += texts(ImportText.ignoredColumns, ["columns": plan.ignoredColumns.joined(separator: ", ")]) + "\n"
            }
            table += Self.summary(plan, texts)
            context.console.output(table.consoleText())
        }
        guard let committed else { return }
        let message = texts(ImportText.committed, ["created": String(committed.created), "extended": String(committed.extended),
                                                   "updated": String(committed.updated), "unchanged": String(committed.unchanged),
                                                   "refused": String(committed.refused)])
        // With --json, stdout holds only the JSON; the result goes to stderr.
        if signature.json { FileHandle.standardError.write(Data((message + "\n").utf8)) } else { context.console.output(message.consoleText()) }
    }

    /// One row of the preview table: the line right-aligned in six columns, the outcome left-aligned in ten.
    static func tableLine(line: Int, outcome: String, reasons: String) -> String {
        let number = String(line)
        return String(repeating: " ", count: max(0, 6 - number.count)) + number + "  "
            + outcome + String(repeating: " ", count: max(0, 10 - outcome.count)) + "  " + reasons
    }

    static func summary(_ plan: AssignmentImport.Plan, _ texts: Texts) -> String {
        texts(ImportText.summary, ["new": String(plan.count("new")), "extension": String(plan.count("extension")),
                                   "update": String(plan.count("update")), "duplicate": String(plan.count("duplicate")),
                                   "error": String(plan.count("error"))])
    }

    static func organisation(_ slug: String?, on db: any Database) async throws -> Organisation {
        if let slug {
            guard let organisation = try await Organisation.query(on: db).filter(\.$slug == slug).first(), organisation.kind == .caseManagement else {
                throw Failure(description: "No case-management organisation has the slug \"\(slug)\".")
            }
            return organisation
        }
        let candidates = try await Organisation.query(on: db).filter(\.$kind == .caseManagement).all()
        guard candidates.count == 1 else {
            throw Failure(description: "Give --organisation SLUG: " + candidates.map(\.slug).joined(separator: ", "))
        }
        return candidates[0]
    }

    static func unit(_ name: String?, organisationID: UUID, on db: any Database) async throws -> UUID {
        let units = try await OrganisationUnit.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$name).all()
        if let name {
            guard let unit = units.first(where: { $0.name == name }) else {
                throw Failure(description: "No unit is called \"\(name)\". Units: " + units.map(\.name).joined(separator: "; "))
            }
            return try unit.requireID()
        }
        guard units.count == 1 else { throw Failure(description: "Give --unit NAME: " + units.map(\.name).joined(separator: "; ")) }
        return try units[0].requireID()
    }
}
