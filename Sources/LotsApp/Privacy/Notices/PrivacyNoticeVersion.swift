import Fluent
import Foundation

/// One published version of an organisation's privacy notice: the editable introduction and a snapshot
/// of the record of processing activities as it stood, per language. Versions are never changed.
final class PrivacyNoticeVersion: Model, @unchecked Sendable {
    static let schema = "privacy_notice_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "introduction") var introduction: [String: String]
    /// Language code → the record's rows in that language, as JSON.
    @Field(key: "record") var record: [String: String]
    @Field(key: "published_at") var publishedAt: Date
    @OptionalField(key: "published_by") var publishedBy: UUID?

    init() {}
}

/// Who has been told about which version, so an announcement that is run again tells no one twice.
final class PrivacyNoticeAnnouncement: Model, @unchecked Sendable {
    static let schema = "privacy_notice_announcements"

    @ID(key: .id) var id: UUID?
    @Field(key: "notice_version_id") var noticeVersionID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "announced_at") var announcedAt: Date

    init() {}
}

struct CreatePrivacyNoticeVersions: AsyncMigration {
    var name: String { "020_create_privacy_notice_versions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("privacy_notice_versions")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("introduction", .dictionary(of: .string), .required)
            .field("record", .dictionary(of: .string), .required)
            .field("published_at", .datetime, .required)
            .field("published_by", .uuid)
            .unique(on: "organisation_id", "version")
            .create()
        try await database.schema("privacy_notice_announcements")
            .id()
            .field("notice_version_id", .uuid, .required, .references("privacy_notice_versions", "id", onDelete: .cascade))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("announced_at", .datetime, .required)
            .unique(on: "notice_version_id", "participant_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("privacy_notice_announcements").delete()
        try await database.schema("privacy_notice_versions").delete()
    }
}

/// Which member has been told about which version (members and participants are separate tables).
final class MemberNoticeAnnouncement: Model, @unchecked Sendable {
    static let schema = "member_notice_announcements"

    @ID(key: .id) var id: UUID?
    @Field(key: "notice_version_id") var noticeVersionID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "announced_at") var announcedAt: Date

    init() {}
}

struct CreateMemberNoticeAnnouncements: AsyncMigration {
    var name: String { "023_create_member_notice_announcements" }

    func prepare(on database: any Database) async throws {
        try await database.schema("member_notice_announcements")
            .id()
            .field("notice_version_id", .uuid, .required, .references("privacy_notice_versions", "id", onDelete: .cascade))
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("announced_at", .datetime, .required)
            .unique(on: "notice_version_id", "member_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("member_notice_announcements").delete()
    }
}
