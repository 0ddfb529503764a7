import Fluent
import SQLKit
import Vapor

/// `GET /health`: for load balancers and monitoring; says which database is in use and whether it answers.
enum HealthController {
    struct Status: Content {
        var status: String
        var database: String
    }

    @Sendable
    static func show(req: Request) async throws -> Response {
        let kind = req.application.config.database.kindName
        do {
            _ = try await req.db.sql.raw("SELECT 1 AS ok").first()
            return try await Status(status: "ok", database: kind).encodeResponse(status: .ok, for: req)
        } catch {
            req.logger.error("health check: database unavailable: \(ErrorDescription.safe(error))")
            return try await Status(status: "unavailable", database: kind).encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}
