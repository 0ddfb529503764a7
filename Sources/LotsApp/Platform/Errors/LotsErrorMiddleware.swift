import Vapor

/// Turns every error into a page in the visitor's language, or into JSON for `/api` and JSON clients.
/// Details of unexpected errors are logged (without personal data) but never shown.
struct LotsErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, on: request)
        }
    }

    static func response(for error: any Error, on request: Request) -> Response {
        let status: HTTPResponseStatus
        let reason: String
        var headers = HTTPHeaders()
        switch error {
        case let abort as any AbortError:
            status = abort.status
            reason = abort.reason
            headers = abort.headers
        case is DecodingError:
            status = .badRequest
            reason = "The request body or query could not be read."
        default:
            status = .internalServerError
            reason = "Internal server error."
        }
        if status.code >= 500 {
            request.logger.error("request failed: \(ErrorDescription.safe(error)) \(status.code)")
        } else {
            request.logger.debug("request refused: \(status.code)")
        }
        if wantsJSON(request) {
            let body = ErrorBody(error: .init(status: Int(status.code), reason: status.code >= 500 ? "Internal server error." : reason))
            let response = Response(status: status, headers: headers)
            try? response.content.encode(body, as: .json)
            return response
        }
        let response = ErrorPage.render(status: status, context: request.pageContext).encodeResponse(status: status)
        for (name, value) in headers where name.lowercased() != "content-type" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }

    static func wantsJSON(_ request: Request) -> Bool {
        if request.url.path.hasPrefix("/api/") || request.url.path == "/api" { return true }
        let accept = request.headers.accept.mediaTypes
        return accept.first == .json && !accept.contains(.html)
    }

    struct ErrorBody: Content {
        struct Detail: Content {
            var status: Int
            var reason: String
        }

        var error: Detail
    }
}
