import Fluent
import Vapor

/// `lots jobs list` shows the job kinds, schedules and dead letters; `lots jobs run NAME [--payload JSON]`
/// runs one job now, through the same queue so it is recorded like any other run.
struct JobsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "list or run")
        var action: String

        @Option(name: "name", short: "n", help: "The job to run (see lots jobs list).")
        var name: String?

        @Option(name: "payload", help: "The job's JSON payload (default {}).")
        var payload: String?
    }

    var help: String { "Lists background jobs or runs one now." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.migrateAndTune()
        switch signature.action {
        case "list":
            let schedules = Dictionary(uniqueKeysWithValues: app.jobs.schedules.map { ($0.jobName, $0.interval) })
            for name in app.jobs.handlerNames {
                let every = schedules[name].map { " (every \(Int($0)) s)" } ?? ""
                context.console.output("\(name)\(every)".consoleText())
            }
            let dead = try await JobRecord.query(on: app.db).filter(\.$status == .dead).count()
            context.console.output("dead letters: \(dead)".consoleText())
        case "run":
            guard let name = signature.name, let handler = app.jobs.handler(named: name) else {
                throw JobsCommandError.unknownJob(signature.name ?? "", known: app.jobs.handlerNames)
            }
            let payload = signature.payload ?? "{}"
            guard (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) != nil else { throw JobsCommandError.invalidPayload }
            let id = try await app.jobQueue.enqueue(name: name, payloadJSON: payload, maxAttempts: 1, on: app.db)
            let status = try await app.jobs.runNow(id, on: app)
            context.console.output("\(handler.name): \(status.rawValue)".consoleText())
            if status != .succeeded { throw JobsCommandError.failed(name) }
        default:
            throw JobsCommandError.unknownAction(signature.action)
        }
    }
}

enum JobsCommandError: Error, CustomStringConvertible {
    case unknownJob(String, known: [String])
    case unknownAction(String)
    case invalidPayload
    case failed(String)

    var description: String {
        switch self {
        case .unknownJob(let name, let known): "No job is called \"\(name)\". Jobs: \(known.joined(separator: ", "))."
        case .unknownAction(let action): "Unknown action \"\(action)\"; use list or run."
        case .invalidPayload: "--payload must be a JSON object or array."
        case .failed(let name): "The job \(name) did not succeed; see the log above."
        }
    }
}
