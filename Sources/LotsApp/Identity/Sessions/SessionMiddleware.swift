import Vapor

/// Attaches the signed-in session, if any, to the request.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "lots_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookieValue(Self.cookieName), !token.isEmpty,
           let session = try await request.application.sessionStore.find(token: token, now: request.clock.now(), on: request.db) {
            request.signedIn = session
        }
        return try await next.respond(to: request)
    }

    static func cookie(token: String, secure: Bool) -> HTTPCookies.Value {
        // No Max-Age: the cookie dies with the browser; the server enforces idle and absolute timeouts.
        HTTPCookies.Value(string: token, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static var expired: HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    private struct SignedInKey: StorageKey { typealias Value = SignedInSession }

    var signedIn: SignedInSession? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }
}
