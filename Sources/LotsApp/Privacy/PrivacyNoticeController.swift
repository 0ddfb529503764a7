import Fluent
import Plot
import Vapor

/// The public page on how personal data is processed, linked from every page's footer.
enum PrivacyNoticeController {
    @Sendable
    static func show(req: Request) async throws -> HTML {
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all().map(OrganisationSummary.init)
        return PrivacyNoticePage.render(organisations, context: req.pageContext)
    }
}
