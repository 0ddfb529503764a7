import Foundation

/// Upload an AF assignment file, see every row's outcome, commit.
enum ImportPage {
    enum Stage: Sendable {
        case upload(problem: String?)
        case preview(AssignmentImport.Plan, uploadID: UUID, unit: String)
        case committed(AssignmentImport.Committed)
    }

    struct Model: Sendable {
        var units: [(id: UUID, name: String)]
        var stage: Stage
    }

    /// A preview lists at most this many rows that import cleanly; rows with errors are always listed.
    static let listedRows = 1000

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(ImportText.title), content: .group(
            .h1(.text(t(ImportText.title))),
            stage(model, context)
        ))
    }

    private static func stage(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        switch model.stage {
        case .upload(let problem):
            return .group(
                .p(.class("lead"), .text(t(ImportText.lead))),
                .unwrap(problem) { .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                uploadForm(model, context)
            )
        case .preview(let plan, let uploadID, let unit):
            let summary = ImportCommand.summary(plan, t)
            let errorsOrFirst = plan.rows.enumerated().filter { $0.offset < listedRows || $0.element.outcome.name == "error" }.map(\.element)
            return .group(
                .p(.class("lead"), .attribute(named: "role", value: "status"), .text(summary)),
                .p(.text(t(ImportText.previewUnit) + " "), .span(.attribute(named: "translate", value: "no"), .text(unit))),
                .if(!plan.ignoredColumns.isEmpty, .p(.class("alert alert-info"),
                                                     .text(t(ImportText.ignoredColumns, ["columns": plan.ignoredColumns.joined(separator: ", ")])))),
                .if(plan.importable > 0, .form(
                    .method(.post), .action(SiteRoute.participantImportCommit(.value(uploadID)).path),
                    Components.csrfField(context.csrfToken),
                    .p(.text(t(ImportText.commitLead))),
                    .div(.class("form-actions"), .button(.type(.submit), .class("button"), .data(named: "e2e", value: "import-commit"),
                                                         .text(t(ImportText.commitButton))))
                ), else: .p(.class("alert alert-info"), .text(t(ImportText.nothingToImport)))),
                .table(
                    .class("table"),
                    .caption(.text(t(ImportText.previewCaption))),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), .text(t(ImportText.columnLine))),
                        .th(.attribute(named: "scope", value: "col"), .text(t(ImportText.columnReference))),
                        .th(.attribute(named: "scope", value: "col"), .text(t(ImportText.columnOutcome))),
                        .th(.attribute(named: "scope", value: "col"), .text(t(ImportText.columnReasons)))
                    )),
                    .tbody(.forEach(errorsOrFirst) { row in
                        .tr(
                            .data(named: "outcome", value: row.outcome.name),
                            .th(.attribute(named: "scope", value: "row"), .text(String(row.line))),
                            .td(.attribute(named: "translate", value: "no"), .text(row.assignment?.implementationReference ?? "–")),
                            .td(.text(t(ImportText(row.outcome)))),
                            .td(.text(t.reasons(row.outcome).joined(separator: "; ")))
                        )
                    })
                ),
                .if(errorsOrFirst.count < plan.rows.count, .p(.text(t(ImportText.rowsNotListed, ["count": String(plan.rows.count - errorsOrFirst.count)])))),
                .p(.a(.href(SiteRoute.participantImport.path), .text(t(ImportText.another))))
            )
        case .committed(let result):
            return .group(
                .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(t(ImportText.committed, [
                    "created": String(result.created), "extended": String(result.extended), "updated": String(result.updated),
                    "unchanged": String(result.unchanged), "refused": String(result.refused)]))),
                .p(.a(.href(SiteRoute.participants.path), .text(t(ImportText.toParticipants)))),
                .p(.a(.href(SiteRoute.participantImport.path), .text(t(ImportText.another))))
            )
        }
    }

    private static func uploadForm(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .form(
            .method(.post), .action(SiteRoute.participantImport.path), .enctype(.multipartData), .class("account-form"),
            Components.csrfField(context.csrfToken),
            .label(.for("unit"), .text(t(ImportText.unit))),
            .select(.id("unit"), .attribute(named: "name", value: "unit"), .attribute(named: "required", value: "required"),
                    .forEach(Array(model.units.enumerated())) { index, unit in
                        Components.option(unit.id.uuidString.lowercased(), unit.name, selected: index == 0, isData: true)
                    }),
            .label(.for("file"), .text(t(ImportText.file)), .span(.class("hint"), .id("file-hint"), .text(t(ImportText.fileHint)))),
            .input(.type(.file), .id("file"), .name("file"), .required(true), .attribute(named: "accept", value: ".csv,.json,text/csv,application/json"),
                   .attribute(named: "aria-describedby", value: "file-hint")),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .data(named: "e2e", value: "import-preview"),
                                                 .text(t(ImportText.previewButton))))
        )
    }
}
