import LotsApp
import NIOCore
import NIOPosix
import Vapor

// Swift concurrency runs on NIO's event loops, the same threads that serve the sockets: an async handler then
// continues where its request arrived instead of hopping to another pool and back (each hop is a thread wake-up,
// the largest cost of a short request on a small machine). Done first, before any other concurrency code runs.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

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
    // Written to standard error, not rethrown: an error thrown from top-level code ends the process with a
    // crash report, which is no answer to a mistyped command or a file with the wrong columns.
    let message = (error as? any DebuggableError)?.reason ?? (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
