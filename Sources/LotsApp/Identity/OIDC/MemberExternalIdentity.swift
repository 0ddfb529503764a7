import Fluent
import Foundation

/// A member's account at an OpenID Connect provider. The provider's subject identifier is kept only as a
/// keyed hash (of issuer and subject), enough to recognise the member when they come back.
final class MemberExternalIdentity: Model, @unchecked Sendable {
    static let schema = "member_external_identities"
    static let subjectField = "member_external_identities.subject"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "provider") var provider: String
    @Field(key: "subject_index") var subjectIndex: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One OpenID Connect sign-in in progress: the browser holds the state value in a cookie, the database
/// its hash with the PKCE verifier and nonce. After the provider answered for someone who is not yet a
/// member, it also holds what the provider said about them (sealed under the future member's key) until
/// they finish registering.
final class MemberOIDCFlow: Model, @unchecked Sendable {
    static let schema = "member_oidc_flows"

    enum Intent: String, Codable, Sendable {
        /// Sign in, or register if the provider account is new.
        case signIn = "sign_in"
        /// A signed-in member adds a provider account to their membership.
        case link
        /// The provider answered; the person is choosing a username to become a member.
        case register
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "provider") var provider: String
    @Field(key: "state_hash") var stateHash: String
    @Field(key: "code_verifier") var codeVerifier: String
    @Field(key: "nonce") var nonce: String
    @Enum(key: "intent") var intent: Intent
    /// The member linking an account, or the id a registering person will get.
    @OptionalField(key: "member_id") var memberID: UUID?
    @OptionalField(key: "subject_index") var subjectIndex: String?
    /// The provider's claims (name, e-mail, whether it is verified) as sealed JSON, while registering.
    @OptionalField(key: "claims") var claims: Data?
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

struct CreateMemberOIDC: AsyncMigration {
    var name: String { "024_create_member_oidc" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MemberExternalIdentity.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("provider", .string, .required)
            .field("subject_index", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "provider", "subject_index")
            .create()
        try await database.schema(MemberOIDCFlow.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("provider", .string, .required)
            .field("state_hash", .string, .required)
            .field("code_verifier", .string, .required)
            .field("nonce", .string, .required)
            .field("intent", .string, .required)
            .field("member_id", .uuid)
            .field("subject_index", .string)
            .field("claims", .data)
            .field("expires_at", .datetime, .required)
            .unique(on: "state_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MemberOIDCFlow.schema).delete()
        try await database.schema(MemberExternalIdentity.schema).delete()
    }
}
