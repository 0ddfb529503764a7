import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// An assignment file uploaded for a preview, kept (encrypted under the organisation's upload key) until
/// the administrator commits it, and no longer than an hour. The content goes at the commit.
final class ImportUpload: Model, @unchecked Sendable {
    static let schema = "import_uploads"
    static let lifetime: TimeInterval = 3600

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "content") var content: Data?
    @Field(key: "fingerprint") var fingerprint: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "committed_at") var committedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct CreateImportUploads: AsyncMigration {
    var name: String { "027_create_import_uploads" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ImportUpload.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("uploaded_by", .uuid, .required)
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("content", .data)
            .field("fingerprint", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("committed_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportUpload.schema).delete()
    }
}

extension KeyRing {
    /// Seals an uploaded file under the organisation's upload key, bound to the upload's id.
    func sealUpload(_ data: Data, uploadID: UUID, organisationID: UUID, on db: any Database) async throws -> Data {
        let key = try await organisationKey(organisationID, .uploads, on: db)
        return try FieldCipher.seal(bytes: data, key: key, at: .init(table: ImportUpload.schema, column: "content", rowID: uploadID.uuidString.lowercased()))
    }

    func openUpload(_ sealed: Data, uploadID: UUID, organisationID: UUID, on db: any Database) async throws -> Data {
        let key = try await organisationKey(organisationID, .uploads, on: db)
        return try FieldCipher.open(bytes: sealed, key: key, at: .init(table: ImportUpload.schema, column: "content", rowID: uploadID.uuidString.lowercased()))
    }
}

/// Removes uploads whose hour has passed, committed or not.
struct ImportUploadPurgeJob: JobHandler {
    var name: String { "imports.purge" }

    func run(_ job: JobContext) async throws {
        try await ImportUpload.query(on: job.database).filter(\.$expiresAt < job.application.clock.now()).delete()
    }
}
