import Fluent
import Foundation
import Vapor

/// The system administrator's account pages. Handlers parse, call `AccountAdministration`, and render.
enum AccountAdminController {
    @Sendable
    static func index(req: Request) async throws -> Response {
        let notice = req.queryValue("done").flatMap(AccountListPage.Notice.init(rawValue:))
        return try await render(req, notice: notice, form: .init(), errors: [], status: .ok)
    }

    @Sendable
    static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(AccountListPage.Form.self)
        guard let role = StaffRole(rawValue: form.role) else { throw Abort(.badRequest) }
        do {
            _ = try await administration(req).create(
                .init(name: form.name, personalNumber: form.personalNumber, role: role, unitID: form.unitID), on: req.db)
        } catch let failure as AccountAdministration.Failure {
            return try await render(req, notice: nil, form: form, errors: [failure], status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.adminAccounts.path + "?done=created")
    }

    @Sendable
    static func setActive(req: Request) async throws -> Response {
        struct Form: Content { var active: Bool }
        let form = try req.content.decode(Form.self)
        return try await change(req) { try await $0.setActive(form.active, accountID: $1, on: req.db) }
    }

    @Sendable
    static func setRole(req: Request) async throws -> Response {
        struct Form: Content { var role: String; var unit: String? }
        let form = try req.content.decode(Form.self)
        guard let role = StaffRole(rawValue: form.role) else { throw Abort(.badRequest) }
        let unitID = form.unit.flatMap(UUID.init(uuidString:))
        return try await change(req) { try await $0.setRole(role, unitID: unitID, accountID: $1, on: req.db) }
    }

    private static func change(_ req: Request, _ action: (AccountAdministration, UUID) async throws -> Void) async throws -> Response {
        guard let accountID = req.parameters.get("accountID", as: UUID.self) else { throw Abort(.notFound) }
        do { try await action(try administration(req), accountID) } catch let failure as AccountAdministration.Failure {
            if failure == .notFound { throw Abort(.notFound) }
            return try await render(req, notice: nil, form: .init(), errors: [failure], status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.adminAccounts.path + "?done=updated")
    }

    private static func administration(_ req: Request) throws -> AccountAdministration {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        return AccountAdministration(organisationID: session.organisationID, actingAccountID: session.accountID,
                                     keyRing: req.application.keyRing, sessions: req.application.sessionStore, clock: req.clock,
                                     audit: req.application.auditLog,
                                     actingRoles: session.roles.map(\.role.rawValue).sorted().joined(separator: ","))
    }

    private static func render(_ req: Request, notice: AccountListPage.Notice?, form: AccountListPage.Form,
                               errors: [AccountAdministration.Failure], status: HTTPResponseStatus) async throws -> Response {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        let model = AccountListPage.Model(
            accounts: try await AccountDirectory.rows(organisationID: session.organisationID, on: req.db),
            units: try await AccountDirectory.units(organisationID: session.organisationID, on: req.db),
            ownAccountID: session.accountID, notice: notice, form: form, errors: errors)
        return AccountListPage.render(model, context: req.pageContext).encodeResponse(status: status)
    }
}
