import Fluent
import Foundation
import Vapor

/// `/privacy/activities`: the record of processing activities, for the data-protection officer, with
/// CSV and JSON exports.
enum ActivityRecordController {
    @Sendable
    static func index(req: Request) async throws -> HTML {
        let rows = try await rows(req)
        return ActivityRecordPage.render(rows, context: req.pageContext)
    }

    @Sendable
    static func csv(req: Request) async throws -> Response {
        download(ActivityRecord.csv(try await rows(req)), type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]),
                 filename: "processing-activities.csv")
    }

    @Sendable
    static func json(req: Request) async throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let body = String(decoding: try encoder.encode(try await rows(req)), as: UTF8.self)
        return download(body, type: .json, filename: "processing-activities.json")
    }

    private static func rows(_ req: Request) async throws -> [ActivityRecord.Row] {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        return try await ActivityRecord.rows(organisationID: session.organisationID, language: req.uiLanguage.rawValue, on: req.db)
    }

    private static func download(_ body: String, type: HTTPMediaType, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.contentDisposition = .init(.attachment, filename: filename)
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
