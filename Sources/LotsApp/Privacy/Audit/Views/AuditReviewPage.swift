import Foundation

enum AuditReviewPage {
    struct Model: Sendable {
        var rows: [AuditReview.Row]
        var query: AuditReviewController.Query
        var staff: [(UUID, String)]
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(AuditText.title), content: .group(
            .h1(.text(t(AuditText.title))),
            .p(.class("lead"), .text(t(AuditText.lead))),
            filterForm(model, context),
            .p(.a(.href(exportLink(model.query)), .data(named: "e2e-skip", value: "download"), .text(t(AuditText.export)))),
            .if(model.rows.isEmpty, .p(.class("muted"), .text(t(AuditText.empty))), else: table(model.rows, t)),
            .if(model.rows.count == AuditReview.limit, .p(.class("muted"), .text(t(AuditText.limited, ["count": String(AuditReview.limit)]))))
        ))
    }

    private static func filterForm(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let selected = model.query.actor ?? ""
        var options: [Node<HTML.SelectContext>] = [Components.option("", t(AuditText.everyone), selected: selected.isEmpty)]
        options += model.staff.map { id, name in Components.option(id.uuidString.lowercased(), name, selected: selected.lowercased() == id.uuidString.lowercased(), isData: true) }
        return .form(
            .method(.get), .action(SiteRoute.auditReview.path), .class("account-form"),
            .label(.for("actor"), .text(t(AuditText.actor))),
            .select(.id("actor"), .attribute(named: "name", value: "actor"), .group(options)),
            .label(.for("subject"), .text(t(AuditText.subject)), .span(.class("hint"), .id("subject-hint"), .text(t(AuditText.subjectHint)))),
            .input(.type(.text), .id("subject"), .name("subject"), .value(model.query.subject ?? ""),
                   .attribute(named: "aria-describedby", value: "subject-hint")),
            .label(.for("from"), .text(t(AuditText.from))),
            .input(.type(.date), .id("from"), .name("from"), .value(model.query.from ?? "")),
            .label(.for("to"), .text(t(AuditText.to))),
            .input(.type(.date), .id("to"), .name("to"), .value(model.query.to ?? "")),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(AuditText.show))))
        )
    }

    private static func table(_ rows: [AuditReview.Row], _ t: Texts) -> Node<HTML.BodyContext> {
        let headers: [AuditText] = [.columnTime, .columnActor, .columnAction, .columnSubject, .columnPurpose, .columnCount, .columnDetails]
        return .table(
            .class("table"),
            .caption(.text(t(AuditText.title))),
            .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text(t($0))) })),
            .tbody(.forEach(rows) { row in
                .tr(
                    .td(Components.time(row.occurredAt, seconds: true)),
                    .td(.span(.attribute(named: "translate", value: "no"), .text(row.actorName ?? "–")),
                        .unwrap(row.actorRole) { .span(.class("muted"), .attribute(named: "translate", value: "no"), .text(" (\($0))")) }),
                    .td(.attribute(named: "translate", value: "no"), .text(row.action)),
                    .td(.attribute(named: "translate", value: "no"), .text(row.subject ?? "–")),
                    .td(.attribute(named: "translate", value: "no"), .text(row.purpose ?? "–")),
                    .td(.text(row.resultCount.map(String.init) ?? "–")),
                    .td(.attribute(named: "translate", value: "no"), .text(row.details ?? ""))
                )
            })
        )
    }

    private static func exportLink(_ query: AuditReviewController.Query) -> String {
        var components = URLComponents()
        components.path = SiteRoute.auditReviewExport.path
        let items = [("actor", query.actor), ("subject", query.subject), ("from", query.from), ("to", query.to)]
            .compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? SiteRoute.auditReviewExport.path
    }
}

enum AuditText: String, TextKey {
    case nav = "nav.audit"
    case title = "audit.title"
    case lead = "audit.lead"
    case actor = "audit.actor"
    case everyone = "audit.everyone"
    case subject = "audit.subject"
    case subjectHint = "audit.subject_hint"
    case from = "audit.from"
    case to = "audit.to"
    case show = "audit.show"
    case export = "audit.export"
    case empty = "audit.empty"
    case limited = "audit.limited"
    case columnTime = "audit.column_time"
    case columnActor = "audit.column_actor"
    case columnAction = "audit.column_action"
    case columnSubject = "audit.column_subject"
    case columnPurpose = "audit.column_purpose"
    case columnCount = "audit.column_count"
    case columnDetails = "audit.column_details"
}
