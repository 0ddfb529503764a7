import Foundation

/// The forms of the account page: a new account, and each row's role and status actions.
enum AccountForm {
    static func render(_ model: AccountListPage.Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let form = model.form
        return .form(
            .method(.post), .action(SiteRoute.adminAccounts.path), .class("account-form"),
            Components.csrfField(context.csrfToken),
            .h2(.text(t(AdminText.newHeading))),
            .label(.for("name"), .text(t(AdminText.name))),
            .input(.type(.text), .id("name"), .name("name"), .value(form.name), .required(true), .attribute(named: "autocomplete", value: "off")),
            .label(.for("personalNumber"), .text(t(AdminText.personalNumber)),
                   .span(.class("hint"), .id("personalNumber-hint"), .text(t(AdminText.personalNumberHint)))),
            .input(.type(.text), .id("personalNumber"), .name("personalNumber"), .value(form.personalNumber), .required(true),
                   .attribute(named: "autocomplete", value: "off"), .attribute(named: "inputmode", value: "numeric"),
                   .attribute(named: "aria-describedby", value: "personalNumber-hint")),
            .label(.for("role"), .text(t(AdminText.role))),
            roleSelect(id: "role", selected: form.role, context),
            .label(.for("unit"), .text(t(AdminText.unit))),
            unitSelect(id: "unit", selected: form.unitID, model.units, context),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(AdminText.create))))
        )
    }

    static func rowActions(_ row: AccountDirectory.Row, _ model: AccountListPage.Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let key = row.id.uuidString.lowercased()
        let current = row.roles.first
        return .div(
            .class("row-actions"),
            .form(
                .method(.post), .action(SiteRoute.adminAccountRole(.value(row.id)).path), .class("inline-form"),
                Components.csrfField(context.csrfToken),
                .label(.for("role-\(key)"), .class("visually-hidden"), .text(t(AdminText.roleFor, ["name": row.name]))),
                roleSelect(id: "role-\(key)", selected: current?.role.rawValue ?? "", context),
                .label(.for("unit-\(key)"), .class("visually-hidden"), .text(t(AdminText.unitFor, ["name": row.name]))),
                unitSelect(id: "unit-\(key)", selected: model.units.first { $0.name == current?.unit }?.id, model.units, context),
                .button(.type(.submit), .class("button secondary"), .text(t(AdminText.changeRole)))
            ),
            .if(row.id != model.ownAccountID, .form(
                .method(.post), .action(SiteRoute.adminAccountActive(.value(row.id)).path), .class("inline-form"),
                Components.csrfField(context.csrfToken),
                .input(.type(.hidden), .name("active"), .value(row.active ? "false" : "true")),
                .button(.type(.submit), .class(row.active ? "button danger" : "button secondary"),
                        .text(t(row.active ? AdminText.deactivate : AdminText.activate)))
            ))
        )
    }

    private static func roleSelect(id: String, selected: String, _ context: PageContext) -> Node<HTML.FormContext> {
        .select(.id(id), .attribute(named: "name", value: "role"), .forEach(StaffRole.allCases) { role in
            Components.option(role.rawValue, context.texts(RoleText(role)), selected: role.rawValue == selected)
        })
    }

    private static func unitSelect(id: String, selected: UUID?, _ units: [AccountDirectory.Unit], _ context: PageContext) -> Node<HTML.FormContext> {
        .select(.id(id), .attribute(named: "name", value: "unit"),
                Components.option("", context.texts(AdminText.wholeOrganisation), selected: selected == nil),
                .forEach(units) { unit in Components.option(unit.id.uuidString, unit.name, selected: unit.id == selected, isData: true) })
    }
}
