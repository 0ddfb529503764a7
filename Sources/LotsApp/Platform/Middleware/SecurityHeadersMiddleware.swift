import Vapor

/// Headers that keep browsers from running injected script, framing Lots, sniffing content types,
/// leaking URLs to other sites or caching pages that show personal data.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    var behindTLS: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if behindTLS || request.url.scheme == "https" {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        // Pages may hold personal data: no shared or disk caches. Static files (served with an ETag by the
        // file middleware) hold none, so browsers keep them and revalidate.
        if !response.headers.contains(name: .cacheControl) {
            let isStaticFile = response.headers.contains(name: .eTag) && request.method == .GET
            response.headers.replaceOrAdd(name: .cacheControl, value: isStaticFile ? "no-cache" : "no-store")
        }
        return response
    }
}
