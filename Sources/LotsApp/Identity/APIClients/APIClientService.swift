import Fluent
import Foundation

/// Issues, finds and revokes API tokens. Creating and revoking are audited; so is every use.
struct APIClientService: Sendable {
    var clock: any LotsClock
    var audit: AuditLog

    static let tokenPrefix = "lots_"
    static let maximumLifetimeDays = 365

    enum Failure: Error, Equatable {
        case nameMissing
        case noScopes
        case unknownScope(String)
        case invalidLifetime
        case notFound
    }

    /// - Returns: the token, which exists nowhere else afterwards.
    func create(organisationID: UUID, name: String, scopes: [APIScope], days: Int, createdBy: UUID?, on database: any Database) async throws -> (token: String, client: APIClient) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw Failure.nameMissing }
        guard !scopes.isEmpty else { throw Failure.noScopes }
        guard (1...Self.maximumLifetimeDays).contains(days) else { throw Failure.invalidLifetime }
        let token = Self.tokenPrefix + SessionStore.randomToken()
        let now = clock.now()
        let client = APIClient(organisationID: organisationID, name: name, scopes: scopes, tokenHash: SessionStore.hash(token),
                               tokenPrefix: String(token.prefix(12)), createdAt: now, expiresAt: now.addingTimeInterval(Double(days) * 86_400),
                               createdBy: createdBy)
        try await database.transaction { db in
            try await client.create(on: db)
            try await audit.record(AuditDraft(organisationID: organisationID, actorID: createdBy, action: .adminChange,
                                              subject: "api_client:\(try client.requireID().uuidString.lowercased())",
                                              purpose: "api_client_administration", query: "create scopes=\(client.scopes) days=\(days)"), in: db)
        }
        return (token, client)
    }

    func revoke(_ id: UUID, organisationID: UUID, by actor: UUID?, on database: any Database) async throws {
        guard let client = try await APIClient.query(on: database).filter(\.$id == id).filter(\.$organisation.$id == organisationID).first() else {
            throw Failure.notFound
        }
        guard client.revokedAt == nil else { return }
        try await database.transaction { db in
            client.revokedAt = clock.now()
            try await client.update(on: db)
            try await audit.record(AuditDraft(organisationID: organisationID, actorID: actor, action: .adminChange,
                                              subject: "api_client:\(id.uuidString.lowercased())", purpose: "api_client_administration",
                                              query: "revoke"), in: db)
        }
    }

    /// The live client for a presented token, or nil (unknown, revoked or expired).
    func authenticate(token: String, on database: any Database) async throws -> APIClient? {
        guard token.hasPrefix(Self.tokenPrefix),
              let client = try await APIClient.query(on: database).filter(\.$tokenHash == SessionStore.hash(token)).first(),
              client.revokedAt == nil, client.expiresAt > clock.now() else { return nil }
        return client
    }

    static func parseScopes(_ text: String) throws(Failure) -> [APIScope] {
        var scopes: [APIScope] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let scope = APIScope(rawValue: part) else { throw .unknownScope(part) }
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        guard !scopes.isEmpty else { throw .noScopes }
        return scopes
    }
}
