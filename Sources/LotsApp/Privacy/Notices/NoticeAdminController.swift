import Fluent
import Foundation
import Vapor

/// `/privacy/notices`: the data-protection officer publishes new versions of the organisation's notice.
enum NoticeAdminController {
    struct Form: Content, Sendable {
        var sv: String?
        var en: String?
        var fi: String?

        var texts: [String: String] { ["sv": sv, "en": en, "fi": fi].compactMapValues { $0 } }
    }

    @Sendable
    static func index(req: Request) async throws -> Response {
        let published = req.queryValue("published").flatMap { Int($0) }
        return try await render(req, form: nil, error: nil, published: published, status: .ok)
    }

    @Sendable
    static func publish(req: Request) async throws -> Response {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        let form = try req.content.decode(Form.self)
        do {
            let version = try await req.application.privacyNotices.publish(
                organisationID: session.organisationID, introduction: form.texts,
                by: AuditDraft(actorID: session.accountID, actorRole: StaffActor(session).auditRole, action: .adminChange,
                               purpose: "privacy_notice"),
                on: req.db)
            return req.redirect(to: SiteRoute.noticeAdmin.path + "?published=\(version)")
        } catch let failure as PrivacyNotices.Failure {
            return try await render(req, form: form, error: failure, published: nil, status: .unprocessableEntity)
        }
    }

    private static func render(_ req: Request, form: Form?, error: PrivacyNotices.Failure?, published: Int?,
                               status: HTTPResponseStatus) async throws -> Response {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        let versions = try await PrivacyNoticeVersion.query(on: req.db).filter(\.$organisationID == session.organisationID)
            .sort(\.$version, .descending).all()
        let names = try await Names.load(units: [], staff: versions.compactMap(\.publishedBy), on: req.db)
        let current = versions.first?.introduction ?? [:]
        let model = NoticeAdminPage.Model(
            versions: versions.map { .init(version: $0.version, publishedAt: $0.publishedAt, by: $0.publishedBy.flatMap(names.staff)) },
            introduction: form?.texts ?? current, error: error, published: published)
        return NoticeAdminPage.render(model, context: req.pageContext).encodeResponse(status: status)
    }
}
