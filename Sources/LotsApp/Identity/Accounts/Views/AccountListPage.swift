import Foundation
import Vapor

/// Staff accounts of the administrator's organisation, with their roles, and the form for a new account.
enum AccountListPage {
    enum Notice: String, Sendable { case created, updated }

    struct Form: Content, Sendable {
        var name: String = ""
        var personalNumber: String = ""
        var role: String = StaffRole.handledare.rawValue
        var unit: String?

        var unitID: UUID? { unit.flatMap(UUID.init(uuidString:)) }
    }

    struct Model: Sendable {
        var accounts: [AccountDirectory.Row]
        var units: [AccountDirectory.Unit]
        var ownAccountID: UUID
        var notice: Notice?
        var form: Form
        var errors: [AccountAdministration.Failure]
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(AdminText.title), content: .group(
            .h1(.text(t(AdminText.title))),
            .p(.class("lead"), .text(t(AdminText.lead))),
            .unwrap(model.notice) { notice in
                .p(.class("alert alert-success"), .attribute(named: "role", value: "status"),
                   .text(t(notice == .created ? AdminText.created : AdminText.updated)))
            },
            .if(!model.errors.isEmpty, .div(
                .class("alert alert-error"), .attribute(named: "role", value: "alert"), .id("errors"),
                .h2(.text(t(AdminText.errorHeading))),
                .ul(.forEach(model.errors) { .li(.text(t(AdminText.message(for: $0)))) })
            )),
            table(model, context),
            AccountForm.render(model, context)
        ))
    }

    private static func table(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .table(
            .class("table"),
            .caption(.text(t(AdminText.title))),
            .thead(.tr(
                .th(.attribute(named: "scope", value: "col"), .text(t(AdminText.columnName))),
                .th(.attribute(named: "scope", value: "col"), .text(t(AdminText.columnRoles))),
                .th(.attribute(named: "scope", value: "col"), .text(t(AdminText.columnStatus))),
                .th(.attribute(named: "scope", value: "col"), .text(t(AdminText.columnActions)))
            )),
            .tbody(.forEach(model.accounts) { row in
                .tr(
                    .data(named: "account", value: row.id.uuidString.lowercased()),
                    .th(.attribute(named: "scope", value: "row"), .attribute(named: "translate", value: "no"), .text(row.name)),
                    .td(.forEach(Array(row.roles.enumerated())) { index, grant in
                        .group(.if(index > 0, .text(", ")), .text(t(RoleText(grant.role)) + " ("),
                               .unwrap(grant.unit, { .span(.attribute(named: "translate", value: "no"), .text($0)) },
                                       else: .text(t(AdminText.wholeOrganisation))), .text(")"))
                    }),
                    .td(.text(t(row.active ? AdminText.active : AdminText.inactive))),
                    .td(AccountForm.rowActions(row, model, context))
                )
            })
        )
    }
}
