import Fluent
import Vapor

/// The dev mailbox: where mail lands in development and demo mode instead of being sent.
enum DevMailboxController {
    @Sendable
    static func index(req: Request) async throws -> HTML {
        let messages = try await DevMailboxMessage.query(on: req.db).sort(\.$receivedAt, .descending).limit(200).all()
        return DevMailboxPage.index(messages.map(DevMailboxPage.Summary.init), context: req.pageContext)
    }

    @Sendable
    static func show(req: Request) async throws -> HTML {
        guard let id = req.parameters.get("messageID", as: UUID.self),
              let message = try await DevMailboxMessage.find(id, on: req.db) else { throw Abort(.notFound) }
        return DevMailboxPage.message(.init(message), context: req.pageContext)
    }
}
