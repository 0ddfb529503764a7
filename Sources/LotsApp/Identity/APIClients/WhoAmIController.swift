import Fluent
import Vapor

/// `GET /api/v1/whoami`: lets an integration check its token, organisation, scopes and expiry.
enum WhoAmIController {
    struct Body: Content {
        var client: String
        var organisation: String
        var scopes: [String]
        var expiresAt: Date
    }

    @Sendable
    static func show(req: Request) async throws -> Body {
        guard let client = req.apiClient, let organisation = try await Organisation.find(client.organisationID, on: req.db) else {
            throw Abort(.unauthorized)
        }
        return Body(client: client.name, organisation: organisation.slug, scopes: client.scopes.map(\.rawValue).sorted(), expiresAt: client.expiresAt)
    }
}
