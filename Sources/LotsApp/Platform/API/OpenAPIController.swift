import Foundation
import Vapor

/// Serves the committed OpenAPI 3.1 document that describes every `/api` route.
enum OpenAPIController {
    static func documentPath(resourcesDirectory: String) -> String {
        (resourcesDirectory as NSString).appendingPathComponent("OpenAPI/openapi.json")
    }

    @Sendable
    static func show(req: Request) async throws -> Response {
        let path = documentPath(resourcesDirectory: req.application.config.resourcesDirectory)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
