import Fluent
import Foundation
import Logging
import Vapor

/// A kind of background work. Handlers must be idempotent: a job may run again after a crash.
protocol JobHandler: Sendable {
    /// Stable name stored with each job; renaming orphans queued jobs.
    var name: String { get }
    var maxAttempts: Int { get }
    func run(_ job: JobContext) async throws
}

extension JobHandler {
    var maxAttempts: Int { 8 }
}

struct JobContext: Sendable {
    var id: UUID
    var name: String
    var payload: String
    var attempt: Int
    var application: Application
    var logger: Logger

    var database: any Database { application.db }

    func decodePayload<T: Decodable>(_ type: T.Type) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(payload.utf8)) } catch {
            throw JobFailure.permanent("payload does not decode as \(T.self)")
        }
    }
}

/// Errors a handler throws to say a retry cannot help.
enum JobFailure: Error, SafelyDescribable {
    case permanent(String)
    case unknownJob(String)

    var safeDescription: String {
        switch self {
        case .permanent(let reason): "permanent failure: \(reason)"
        case .unknownJob(let name): "no handler is registered for job \(name)"
        }
    }
}

/// Errors that can say whether trying again later may succeed (e.g. SMTP 4xx vs 5xx).
protocol TransienceClassifying {
    var isTransient: Bool { get }
}

/// Errors whose description is known to hold no personal data, so it may be stored and logged.
protocol SafelyDescribable {
    var safeDescription: String { get }
}

enum ErrorDescription {
    /// What may be logged or stored about an error: its own safe text, or only its type.
    static func safe(_ error: any Error) -> String {
        if let described = error as? any SafelyDescribable { return described.safeDescription }
        return String(reflecting: type(of: error))
    }
}
