import Fluent
import Vapor

/// The language switch: remembers the choice in a cookie and returns to the page the visitor was on.
enum LanguageController {
    @Sendable
    static func choose(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"), let language = UILanguage(rawValue: code) else {
            throw Abort(.notFound)
        }
        if let session = req.signedIn, session.preferredLanguage != language {
            // A signed-in person's choice becomes their setting, on every device.
            try await StaffAccount.query(on: req.db).filter(\.$id == session.accountID).set(\.$preferredLanguage, to: language.rawValue).update()
            req.application.sessionStore.forget(accountID: session.accountID)
        }
        let response = req.redirect(to: safeReturnPath(req.queryValue("return")))
        response.cookies[LanguageMiddleware.cookieName] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 86_400, path: "/",
            isSecure: req.application.config.behindTLS, isHTTPOnly: true, sameSite: .lax
        )
        return response
    }

    /// Only same-site paths: an open redirect would let phishing links borrow Lots's address.
    static func safeReturnPath(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
              !candidate.contains(where: { $0.isNewline || $0 == "\\" }) else { return SiteRoute.home.path }
        return candidate
    }
}
