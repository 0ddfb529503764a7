import Fluent
import Vapor
import Foundation

/// Publishing and reading privacy notices. A notice is generated from the record of processing
/// activities plus the organisation's own introduction; each publication is a new, immutable version,
/// announced to the participants it concerns by a background job.
struct PrivacyNotices: Sendable {
    var audit: AuditLog
    var queue: JobQueue
    var clock: any LotsClock

    static let languages = ["sv", "en", "fi"]

    struct Notice: Sendable, Equatable {
        var version: Int
        var publishedAt: Date
        var introduction: String
        var rows: [ActivityRecord.Row]
    }

    enum Failure: Error, Equatable {
        case introductionMissing
        case tooLong
    }

    /// Publishes the next version. With `announce`, the participants concerned are told by e-mail.
    @discardableResult
    func publish(organisationID: UUID, introduction: [String: String], by actor: AuditDraft, announce: Bool = true,
                 on database: any Database) async throws -> Int {
        let texts = introduction.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        guard texts["sv"] != nil else { throw Failure.introductionMissing }
        guard texts.values.allSatisfy({ $0.count <= 10_000 }) else { throw Failure.tooLong }
        return try await database.transaction { db in
            let latest = try await PrivacyNoticeVersion.query(on: db).filter(\.$organisationID == organisationID)
                .sort(\.$version, .descending).first()?.version ?? 0
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            var record: [String: String] = [:]
            for language in Self.languages {
                let rows = try await ActivityRecord.rows(organisationID: organisationID, language: language, on: db)
                record[language] = String(decoding: try encoder.encode(rows), as: UTF8.self)
            }
            let notice = PrivacyNoticeVersion()
            notice.organisationID = organisationID
            notice.version = latest + 1
            notice.introduction = texts
            notice.record = record
            notice.publishedAt = clock.now()
            notice.publishedBy = actor.actorID
            try await notice.create(on: db)
            var draft = actor
            draft.organisationID = organisationID
            draft.action = .adminChange
            draft.subject = "privacy_notice"
            draft.query = "publish version=\(notice.version)"
            try await audit.record(draft, in: db)
            if announce {
                try await queue.enqueue(NoticeAnnouncementJob(), payload: NoticeAnnouncementJob.Payload(noticeVersionID: try notice.requireID()), on: db)
            }
            return notice.version
        }
    }

    /// The current (latest) version in one language, or a given version.
    static func notice(organisationID: UUID, version: Int? = nil, language: String, on db: any Database) async throws -> Notice? {
        var query = PrivacyNoticeVersion.query(on: db).filter(\.$organisationID == organisationID)
        if let version { query = query.filter(\.$version == version) }
        guard let stored = try await query.sort(\.$version, .descending).first() else { return nil }
        let json = stored.record[language] ?? stored.record["sv"] ?? "[]"
        return Notice(version: stored.version, publishedAt: stored.publishedAt,
                      introduction: stored.introduction[language] ?? stored.introduction["sv"] ?? "",
                      rows: try JSONDecoder().decode([ActivityRecord.Row].self, from: Data(json.utf8)))
    }
}

extension Application {
    var privacyNotices: PrivacyNotices { PrivacyNotices(audit: auditLog, queue: jobQueue, clock: clock) }
}
