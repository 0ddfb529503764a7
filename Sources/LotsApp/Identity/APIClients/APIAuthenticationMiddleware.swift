import Fluent
import Vapor

/// Recognises `Authorization: Bearer <token>` on `/api` requests. Every authenticated call is audited.
struct APIAuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/"), let bearer = request.headers.bearerAuthorization else {
            return try await next.respond(to: request)
        }
        let service = APIClientService(clock: request.clock, audit: request.application.auditLog)
        guard let client = try await service.authenticate(token: bearer.token, on: request.db) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""],
                        reason: "The token is unknown, revoked or expired.")
        }
        let clientID = try client.requireID()
        // The audit event is committed before the call proceeds; if it cannot be written, the call fails.
        try await request.application.auditLog.record(AuditDraft(
            organisationID: client.$organisation.id, actorID: clientID, actorRole: "api_client", action: .apiAccess,
            subject: "api_client:\(clientID.uuidString.lowercased())", purpose: "integration",
            query: "\(request.method.rawValue) \(request.url.path)"))
        if client.lastUsedAt.map({ request.clock.now().timeIntervalSince($0) > 60 }) ?? true {
            client.lastUsedAt = request.clock.now()
            try await client.update(on: request.db)
        }
        request.apiClient = AuthenticatedAPIClient(id: clientID, organisationID: client.$organisation.id, name: client.name,
                                                   scopes: client.scopeSet, expiresAt: client.expiresAt)
        return try await next.respond(to: request)
    }
}

struct AuthenticatedAPIClient: Sendable, Equatable {
    var id: UUID
    var organisationID: UUID
    var name: String
    var scopes: Set<APIScope>
    var expiresAt: Date
}

extension Request {
    private struct APIClientKey: StorageKey { typealias Value = AuthenticatedAPIClient }

    var apiClient: AuthenticatedAPIClient? {
        get { storage[APIClientKey.self] }
        set { storage[APIClientKey.self] = newValue }
    }
}
