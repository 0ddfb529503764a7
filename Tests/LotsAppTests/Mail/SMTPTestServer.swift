import Foundation

/// A real SMTP server for one test: `Tests/support/smtp_server.py` (aiosmtpd) in its own process,
/// with its own port and mail folder, so tests can run in parallel.
final class SMTPTestServer {
    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// What the server saved for one message; `text`, `html` and `subject` are as Python's email
    /// package decodes them (line ends as "\n").
    struct Received: Decodable {
        var mail_from: String
        var rcpt_tos: [String]
        var mail_options: [String]
        var authenticated: Bool
        var tls: Bool
        var headers: [[String]]
        var subject: String?
        var content_type: String
        var defects: [String]
        var max_line_length: Int
        var bare_lf: Bool
        var text: String?
        var html: String?
        var raw: Data = Data()

        enum CodingKeys: String, CodingKey {
            case mail_from, rcpt_tos, mail_options, authenticated, tls, headers, subject, content_type, defects
            case max_line_length, bare_lf, text, html
        }

        func header(_ name: String) -> String? {
            headers.first { $0.first?.lowercased() == name.lowercased() }?.last
        }
    }

    let port: Int
    let directory: URL
    var maildir: URL { directory.appendingPathComponent("mail") }
    private let process: Process
    private let input: Pipe

    enum TLS {
        case startTLS, implicit
    }

    /// The self-signed certificate the server uses when started with `tls`; tests trust it.
    let certificatePath: String

    /// `options` are smtp_server.py's flags, e.g. `["--auth", "user:secret"]`. With `tls`, a
    /// self-signed certificate for localhost and 127.0.0.1 is made for the server.
    init(_ options: [String] = [], tls: TLS? = nil) async throws {
        try Self.checkPython()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let maildir = directory.appendingPathComponent("mail")
        certificatePath = directory.appendingPathComponent("cert.pem").path
        var options = options
        if let tls {
            let key = directory.appendingPathComponent("key.pem").path
            try Self.makeCertificate(certificate: certificatePath, key: key)
            options += [tls == .startTLS ? "--starttls" : "--implicit-tls", certificatePath, key]
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", try Self.scriptPath(), "--maildir", maildir.path] + options
        input = Pipe()
        let output = Pipe()
        // A file, not a pipe: a pipe nobody reads would block the server once its buffer fills.
        let errorLog = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        // Our end of stdin stays open while the server should run; closing it stops the server.
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
        let process = self.process
        do {
            port = try await Self.readReady(output.fileHandleForReading, errorLog: errorLog, process: process)
        } catch {
            process.terminate()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            try? input.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Messages received so far, in order of arrival.
    func messages() throws -> [Received] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []
        let numbers = files.filter { $0.hasSuffix(".json") }.compactMap { Int($0.dropLast(5)) }.sorted()
        return try numbers.map { number in
            let base = maildir.appendingPathComponent("\(number)")
            var received = try JSONDecoder().decode(Received.self, from: Data(contentsOf: base.appendingPathExtension("json")))
            received.raw = try Data(contentsOf: base.appendingPathExtension("eml"))
            return received
        }
    }

    /// Made with the openssl command, as an operator would.
    static func makeCertificate(certificate: String, key: String) throws {
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw SetupError(description: "openssl could not make a test certificate") }
    }

    /// The script sits in Tests/support/; walking up finds it both here and in the Lots repository.
    private static func scriptPath(from file: String = #filePath) throws -> String {
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("support/smtp_server.py")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        throw SetupError(description: "Tests/support/smtp_server.py not found above \(file)")
    }

    /// A missing aiosmtpd must fail the tests loudly, never skip them.
    private static func checkPython() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import aiosmtpd"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        do {
            try check.run()
            check.waitUntilExit()
        } catch {
            throw SetupError(description: "python3 not found; the SMTP tests need python3 with aiosmtpd (pip install aiosmtpd)")
        }
        guard check.terminationStatus == 0 else {
            throw SetupError(description: "python3 cannot import aiosmtpd; the SMTP tests need it: pip install aiosmtpd")
        }
    }

    /// Blocking reads run on their own thread, not on the test's (small) cooperative pool.
    private static func readReady(_ output: FileHandle, errorLog: URL, process: Process) async throws -> Int {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            Thread.detachNewThread {
                var line = Data()
                while !line.contains(UInt8(ascii: "\n")) {
                    let chunk = output.availableData
                    if chunk.isEmpty { break }
                    line += chunk
                }
                let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) {
                    continuation.resume(returning: port)
                } else {
                    process.waitUntilExit()
                    let stderr = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
                    continuation.resume(throwing: SetupError(description: "smtp_server.py did not start: \(text) \(stderr)"))
                }
            }
        }
    }
}
