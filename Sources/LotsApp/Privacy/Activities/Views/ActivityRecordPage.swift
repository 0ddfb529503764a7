import Foundation

/// The record of processing activities laid out like the table of a privacy notice, with each
/// activity's Art. 30 details below it.
enum ActivityRecordPage {
    static func render(_ rows: [ActivityRecord.Row], context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(ActivityText.title), content: .group(
            .h1(.text(t(ActivityText.title))),
            .p(.class("lead"), .text(t(ActivityText.lead))),
            .p(.a(.href(SiteRoute.activityRecordCSV.path), .data(named: "e2e-skip", value: "download"), .text(t(ActivityText.exportCSV))),
               .text(" · "),
               .a(.href(SiteRoute.activityRecordJSON.path), .data(named: "e2e-skip", value: "download"), .text(t(ActivityText.exportJSON)))),
            .if(rows.isEmpty, .p(.class("muted"), .text(t(ActivityText.empty))), else: table(rows, t)),
            .forEach(rows) { details($0, t) }
        ))
    }

    static func bases(_ row: ActivityRecord.Row, _ t: Texts) -> String {
        row.legalBasis.compactMap(LegalBasis.init(rawValue:)).map { t(ActivityText($0)) }.joined(separator: "; ")
    }

    /// The table of a privacy notice's section on processing; on the DPO's page names link to the details.
    static func table(_ rows: [ActivityRecord.Row], _ t: Texts, linkDetails: Bool = true) -> Node<HTML.BodyContext> {
        let headers: [ActivityText] = [.columnNumber, .columnName, .columnData, .columnPurpose, .columnBasis, .columnRetention]
        return .table(
            .class("table"),
            .caption(.text(t(ActivityText.title))),
            .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text(t($0))) })),
            .tbody(.forEach(rows) { row in
                .tr(
                    .data(named: "activity", value: row.key),
                    .td(.text(String(row.position))),
                    .th(.attribute(named: "scope", value: "row"), .if(linkDetails,
                        .a(.href("#\(anchor(row))"), .attribute(named: "translate", value: "no"), .text(row.name)),
                        else: .span(.attribute(named: "translate", value: "no"), .text(row.name)))),
                    .td(.attribute(named: "translate", value: "no"), .text(row.data)),
                    .td(.attribute(named: "translate", value: "no"), .text(row.purpose)),
                    .td(.text(bases(row, t))),
                    .td(.attribute(named: "translate", value: "no"), .text(row.retention))
                )
            })
        )
    }

    private static func anchor(_ row: ActivityRecord.Row) -> String { "activity-" + row.key.replacingOccurrences(of: ".", with: "-") }

    private static func details(_ row: ActivityRecord.Row, _ t: Texts) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id(anchor(row)),
            .h2(.span(.attribute(named: "translate", value: "no"), .text("\(row.position). \(row.name)"))),
            .dl(
                .class("facts"),
                .dt(.text(t(ActivityText.columnBasis))),
                .dd(.text(bases(row, t)), .unwrap(row.legalBasisReference) { .span(.attribute(named: "translate", value: "no"), .text(" (\($0))")) }),
                .dt(.text(t(ActivityText.specialBasis))),
                .if(row.needsSpecialCategoryBasis,
                    .dd(.class("alert alert-warning"), .text(t(ActivityText.specialBasisMissing))),
                    else: .dd(.unwrap(row.specialCategoryBasis.flatMap(SpecialCategoryBasis.init(rawValue:)), { .text(t(ActivityText($0))) },
                                      else: .text(t(ActivityText.notApplicable))),
                              .unwrap(row.specialCategoryReference) { .span(.attribute(named: "translate", value: "no"), .text(" (\($0))")) })),
                .dt(.text(t(ActivityText.categories))),
                .dd(.attribute(named: "translate", value: "no"), .text(row.dataCategories.joined(separator: ", "))),
                .dt(.text(t(ActivityText.subjects))),
                .dd(.attribute(named: "translate", value: "no"), .text(row.dataSubjects.joined(separator: ", "))),
                .dt(.text(t(ActivityText.recipients))),
                .dd(.attribute(named: "translate", value: "no"), .text(row.recipients)),
                .dt(.text(t(ActivityText.transfers))),
                .dd(.text(row.thirdCountryTransfers ? "⚠" : t(ActivityText.noTransfers))),
                .dt(.text(t(ActivityText.rights))),
                .dd(.text(row.rights.compactMap(DataSubjectRight.init(rawValue:)).map { t(ActivityText($0)) }.joined(separator: ", "))),
                .dt(.text(t(ActivityText.security))),
                .dd(.attribute(named: "translate", value: "no"), .text(row.securityMeasures)),
                .dt(.text(t(ActivityText.storedIn))),
                .dd(.if(row.storedIn.isEmpty, .text("–"), else: .code(.attribute(named: "translate", value: "no"), .text(row.storedIn.joined(separator: ", ")))))
            )
        )
    }
}
