import Foundation

/// Search by name, personnummer or case number, with the purpose stated; the search is audited.
enum ParticipantSearchPage {
    enum SearchError: Sendable { case purposeMissing, termInvalid }

    struct Model: Sendable {
        var query: String
        var purpose: SearchPurpose?
        var hits: [ParticipantSearchHit]?
        var error: SearchError?
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(ParticipantText.searchTitle), content: .group(
            .h1(.text(t(ParticipantText.searchTitle))),
            .p(.class("lead"), .text(t(ParticipantText.searchLead))),
            .unwrap(model.error) { error in
                .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"),
                   .text(t(error == .purposeMissing ? ParticipantText.errorPurpose : ParticipantText.errorTerm)))
            },
            form(model, context),
            .unwrap(model.hits) { hits in results(hits, context) }
        ))
    }

    private static func form(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        var options: [Node<HTML.SelectContext>] = [Components.option("", t(ParticipantText.searchPurposeChoose), selected: model.purpose == nil)]
        options += SearchPurpose.allCases.map { Components.option($0.rawValue, t(ParticipantText($0)), selected: model.purpose == $0) }
        return .form(
            .method(.get), .action(SiteRoute.participantSearch.path), .class("account-form"),
            .label(.for("q"), .text(t(ParticipantText.searchTerm)), .span(.class("hint"), .id("q-hint"), .text(t(ParticipantText.searchTermHint)))),
            .input(.type(.search), .id("q"), .name("q"), .value(model.query), .required(true), .attribute(named: "autocomplete", value: "off"),
                   .attribute(named: "aria-describedby", value: "q-hint")),
            .label(.for("purpose"), .text(t(ParticipantText.searchPurpose))),
            .select(.id("purpose"), .attribute(named: "name", value: "purpose"), .attribute(named: "required", value: "required"), .group(options)),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(ParticipantText.searchButton))))
        )
    }

    private static func results(_ hits: [ParticipantSearchHit], _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .section(
            .attribute(named: "aria-live", value: "polite"),
            .h2(.text(hits.isEmpty ? t(ParticipantText.searchNoHits) : t(ParticipantText.searchHits, ["count": String(hits.count)]))),
            .ul(.class("hits"), .forEach(hits) { hit in
                .li(
                    .data(named: "participant", value: hit.id.uuidString.lowercased()),
                    .if(hit.restricted, .group(
                        .text(t(ParticipantText.restrictedHit) + " "), .span(.attribute(named: "translate", value: "no"), .text(hit.unitName)), .text(" "),
                        .a(.href(SiteRoute.participantAccess(.value(hit.id)).path), .text(t(ParticipantText.requestAccess)))
                    ), else: .group(
                        .a(.href(SiteRoute.participant(.value(hit.id)).path), .attribute(named: "translate", value: "no"), .text(hit.name ?? "")),
                        .span(.attribute(named: "translate", value: "no"), .text(" · \(hit.caseNumber ?? "") · \(hit.unitName)"))
                    ))
                )
            })
        )
    }
}
