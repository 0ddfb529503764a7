import Foundation
import Logging

/// Keeps every log line a test's client writes, so tests can check what reaches the logs.
final class MailLogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var logger: Logger {
        Logger(label: "mail-test") { _ in Handler(recorder: self) }
    }

    /// All messages with their metadata, one per line.
    var text: String {
        lock.withLock { lines.joined(separator: "\n") }
    }

    fileprivate func record(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    private struct Handler: LogHandler {
        let recorder: MailLogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.record("\(event.level) \(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}
