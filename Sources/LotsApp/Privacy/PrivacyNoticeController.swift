import Fluent
import Vapor

/// The public page on how personal data is processed, linked from every page's footer.
enum PrivacyNoticeController {
    @Sendable
    static func show(req: Request) async throws -> HTML {
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all().map(OrganisationSummary.init)
        var notices: [UUID: PrivacyNotices.Notice] = [:]
        for organisation in organisations {
            notices[organisation.id] = try await PrivacyNotices.notice(organisationID: organisation.id, language: req.uiLanguage.rawValue, on: req.db)
        }
        return PrivacyNoticePage.render(organisations, notices: notices, context: req.pageContext)
    }
}
