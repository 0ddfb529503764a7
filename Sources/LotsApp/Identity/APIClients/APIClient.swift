import Fluent
import Foundation

/// What an integration may do with its token. Raw values are what `--scope` and the admin page take.
enum APIScope: String, CaseIterable, Sendable, Codable {
    /// Upload assignments from Arbetsförmedlingen (imports).
    case importsWrite = "imports:write"
    /// Read the anonymised warehouse export.
    case warehouseRead = "warehouse:read"
}

/// A service account of an organisation: an integration that calls the API with a bearer token.
/// Only the token's SHA-256 is stored; the token itself is shown once, when it is created.
final class APIClient: Model, @unchecked Sendable {
    static let schema = "api_clients"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    /// Comma-separated `APIScope` raw values.
    @Field(key: "scopes") var scopes: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters of the token, so people can tell tokens apart without the secret.
    @Field(key: "token_prefix") var tokenPrefix: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "created_by") var createdBy: UUID?

    init() {}

    init(organisationID: UUID, name: String, scopes: [APIScope], tokenHash: String, tokenPrefix: String, createdAt: Date,
         expiresAt: Date, createdBy: UUID?) {
        self.id = UUID()
        self.$organisation.id = organisationID
        self.name = name
        self.scopes = scopes.map(\.rawValue).sorted().joined(separator: ",")
        self.tokenHash = tokenHash
        self.tokenPrefix = tokenPrefix
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.createdBy = createdBy
    }

    var scopeSet: Set<APIScope> { Set(scopes.split(separator: ",").compactMap { APIScope(rawValue: String($0)) }) }
}

struct CreateAPIClients: AsyncMigration {
    var name: String { "014_create_api_clients" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_clients")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("scopes", .string, .required)
            .field("token_hash", .string, .required)
            .field("token_prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .field("created_by", .uuid)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_clients").delete()
    }
}
