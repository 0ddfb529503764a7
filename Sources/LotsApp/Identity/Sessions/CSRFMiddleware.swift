import Crypto
import Foundation
import Vapor

/// Every state-changing request must carry the form token: the session's, or for visitors not signed in
/// a token bound to a cookie (double submit). Machine endpoints that never use cookies are exempt.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "lots_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"
    /// Endpoints called by other servers with their own credentials, never by a browser with cookies.
    static let exemptPrefixes = ["/api/", "/bankid-test/rp/", "/oidc-test/token"]
    /// Form posts that carry a file: the AF import and a participant's documents (each route sets its own, lower, limit).
    static func isUpload(_ path: String) -> Bool {
        path == SiteRoute.participantImport.path || (path.hasPrefix("/participants/") && path.hasSuffix("/documents"))
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let anonymousToken = request.cookieValue(Self.cookieName).flatMap { $0.count >= 32 ? $0 : nil }
        let issued = anonymousToken ?? SessionStore.randomToken()
        request.csrfToken = request.signedIn?.csrfToken ?? issued

        if ![.GET, .HEAD, .OPTIONS].contains(request.method), !Self.exemptPrefixes.contains(where: request.url.path.hasPrefix) {
            // Uploads may be larger than a form; everything else is held to the default limit.
            let limit = Self.isUpload(request.url.path) ? ImportAPIController.maxUpload : request.application.routes.defaultMaxBodySize
            _ = try await request.body.collect(max: limit.value).get()
            let sent = request.headers.first(name: Self.headerName) ?? (try? request.content.get(String.self, at: Self.fieldName))
            let expected = request.signedIn?.csrfToken ?? anonymousToken
            guard let sent, let expected, Self.equal(sent, expected) else {
                throw Abort(.forbidden, reason: "The form has expired or did not come from Lots. Reload the page and try again.")
            }
        }
        let response = try await next.respond(to: request)
        if anonymousToken == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: issued, path: "/", isSecure: request.application.config.behindTLS, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    /// Constant time, so the comparison does not leak how much of a guess was right.
    static func equal(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token forms on this page must send back.
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}
