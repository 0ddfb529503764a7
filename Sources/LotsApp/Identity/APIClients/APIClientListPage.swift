import Foundation

enum APIClientListPage {
    struct Row: Sendable {
        var id: UUID
        var name: String
        var prefix: String
        var scopes: String
        var expiresAt: Date
        var lastUsedAt: Date?
        var active: Bool
    }

    struct Model: Sendable {
        var rows: [Row]
        var newToken: String?
        var error: APIClientService.Failure?
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(APIClientText.title), content: .group(
            .h1(.text(t(APIClientText.title))),
            .p(.class("lead"), .text(t(APIClientText.lead))),
            .unwrap(model.newToken) { token in
                .div(.class("alert alert-success"), .attribute(named: "role", value: "status"),
                     .p(.text(t(APIClientText.created))),
                     .p(.code(.id("new-token"), .attribute(named: "translate", value: "no"), .text(token))))
            },
            .unwrap(model.error) { error in
                .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(APIClientText.message(for: error))))
            },
            .table(
                .class("table"),
                .caption(.text(t(APIClientText.title))),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .text(t(APIClientText.columnName))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(APIClientText.columnToken))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(APIClientText.columnScopes))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(APIClientText.columnExpires))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(APIClientText.columnStatus)))
                )),
                .tbody(.forEach(model.rows) { row in
                    .tr(
                        .th(.attribute(named: "scope", value: "row"), .attribute(named: "translate", value: "no"), .text(row.name)),
                        .td(.code(.attribute(named: "translate", value: "no"), .text(row.prefix + "…"))),
                        .td(.attribute(named: "translate", value: "no"), .text(row.scopes)),
                        .td(.time(.datetime(row.expiresAt.formatted(.iso8601)), .text(String(row.expiresAt.formatted(.iso8601).prefix(10))))),
                        .td(.if(row.active,
                                Components.actionButton(SiteRoute.adminAPIClientRevoke(.value(row.id)).path, label: t(APIClientText.revoke),
                                                        token: context.csrfToken, style: "button danger"),
                                else: .text(t(APIClientText.inactive))))
                    )
                })
            ),
            form(context)
        ))
    }

    private static func form(_ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .form(
            .method(.post), .action(SiteRoute.adminAPIClients.path), .class("account-form"),
            Components.csrfField(context.csrfToken),
            .h2(.text(t(APIClientText.newHeading))),
            .label(.for("client-name"), .text(t(APIClientText.name))),
            .input(.type(.text), .id("client-name"), .name("name"), .required(true)),
            .fieldset(
                .element(named: "legend", nodes: [.text(t(APIClientText.scopes))]),
                .forEach(APIScope.allCases) { scope in
                    .element(named: "div", nodes: [
                        .class("choice"),
                        .input(.type(.checkbox), .id("scope-\(scope.rawValue)"), .name("scopes[]"), .value(scope.rawValue)),
                        .label(.for("scope-\(scope.rawValue)"), .text(t(APIClientText.describe(scope)))),
                    ])
                }
            ),
            .label(.for("client-days"), .text(t(APIClientText.days))),
            .input(.type(.number), .id("client-days"), .name("days"), .value("90"), .attribute(named: "min", value: "1"),
                   .attribute(named: "max", value: String(APIClientService.maximumLifetimeDays))),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(APIClientText.create))))
        )
    }
}

enum APIClientText: String, TextKey {
    case navAPIClients = "nav.admin_api_clients"
    case title = "apiclients.title"
    case lead = "apiclients.lead"
    case created = "apiclients.created"
    case columnName = "apiclients.column_name"
    case columnToken = "apiclients.column_token"
    case columnScopes = "apiclients.column_scopes"
    case columnExpires = "apiclients.column_expires"
    case columnStatus = "apiclients.column_status"
    case revoke = "apiclients.revoke"
    case inactive = "apiclients.inactive"
    case newHeading = "apiclients.new_heading"
    case name = "apiclients.name"
    case scopes = "apiclients.scopes"
    case days = "apiclients.days"
    case create = "apiclients.create"
    case scopeImports = "apiclients.scope_imports_write"
    case scopeWarehouse = "apiclients.scope_warehouse_read"
    case errorName = "apiclients.error_name"
    case errorScopes = "apiclients.error_scopes"
    case errorDays = "apiclients.error_days"

    static func describe(_ scope: APIScope) -> APIClientText {
        switch scope {
        case .importsWrite: .scopeImports
        case .warehouseRead: .scopeWarehouse
        }
    }

    static func message(for failure: APIClientService.Failure) -> APIClientText {
        switch failure {
        case .nameMissing: .errorName
        case .noScopes, .unknownScope: .errorScopes
        case .invalidLifetime: .errorDays
        case .notFound: .errorName
        }
    }
}
