import Fluent
import Foundation
import Vapor

/// The system administrator's page for integrations' API tokens.
enum APIClientAdminController {
    struct CreateForm: Content {
        var name: String
        var scopes: [String]?
        var days: Int?
    }

    @Sendable
    static func index(req: Request) async throws -> Response {
        try await render(req, newToken: nil, error: nil, status: .ok)
    }

    @Sendable
    static func create(req: Request) async throws -> Response {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        let form = try req.content.decode(CreateForm.self)
        do {
            let scopes = try APIClientService.parseScopes((form.scopes ?? []).joined(separator: ","))
            let (token, _) = try await service(req).create(organisationID: session.organisationID, name: form.name, scopes: scopes,
                                                           days: form.days ?? 90, createdBy: session.accountID, on: req.db)
            // The token is shown on this response only; it is never stored or shown again.
            return try await render(req, newToken: token, error: nil, status: .ok)
        } catch let failure as APIClientService.Failure {
            return try await render(req, newToken: nil, error: failure, status: .unprocessableEntity)
        }
    }

    @Sendable
    static func revoke(req: Request) async throws -> Response {
        guard let session = req.signedIn, let id = req.parameters.get("clientID", as: UUID.self) else { throw Abort(.notFound) }
        do { try await service(req).revoke(id, organisationID: session.organisationID, by: session.accountID, on: req.db) } catch APIClientService.Failure.notFound {
            throw Abort(.notFound)
        }
        return req.redirect(to: SiteRoute.adminAPIClients.path)
    }

    private static func service(_ req: Request) -> APIClientService {
        APIClientService(clock: req.clock, audit: req.application.auditLog)
    }

    private static func render(_ req: Request, newToken: String?, error: APIClientService.Failure?, status: HTTPResponseStatus) async throws -> Response {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        let now = req.clock.now()
        let clients = try await APIClient.query(on: req.db).filter(\.$organisation.$id == session.organisationID).sort(\.$createdAt, .descending).all()
        let rows = try clients.map { client in
            APIClientListPage.Row(id: try client.requireID(), name: client.name, prefix: client.tokenPrefix, scopes: client.scopes,
                                  expiresAt: client.expiresAt, lastUsedAt: client.lastUsedAt,
                                  active: client.revokedAt == nil && client.expiresAt > now)
        }
        let page = APIClientListPage.render(.init(rows: rows, newToken: newToken, error: error), context: req.pageContext)
        let response = page.encodeResponse(status: status)
        return response
    }
}
