import LotsApp
import Vapor

// The executable stays thin: everything lives in LotsApp so tests drive the same code.
var env = try Environment.detect()
if env.arguments.contains("--json") {
    // A command printing JSON owns standard output: log lines go to standard error instead.
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .notice
        return handler
    }
} else {
    try LoggingSystem.bootstrap(from: &env)
}
let app = try await Application.make(env)
do {
    let config = try AppConfig.load(environment: ProcessInfo.processInfo.environment, arguments: env.arguments)
    try await configure(app, config: config)
    try await app.execute()
} catch let error as AppConfigError {
    FileHandle.standardError.write(Data(error.report.utf8))
    try await app.asyncShutdown()
    exit(78) // EX_CONFIG
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    throw error
}
try await app.asyncShutdown()
