import Foundation
import NIOConcurrencyHelpers

/// The subjects whose keys were destroyed. The list lives beside the key-encryption key, outside the
/// database, so restoring a database backup from before an erasure cannot bring a key back into use:
/// the key ring refuses to unwrap keys of listed subjects.
final class ShreddedSubjects: Sendable {
    let file: String
    private let known: NIOLockedValueBox<Set<UUID>>

    init(file: String) throws {
        self.file = file
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        known = .init(Set(text.split(separator: "\n").compactMap { UUID(uuidString: String($0)) }))
    }

    func contains(_ subjectID: UUID) -> Bool {
        known.withLockedValue { $0.contains(subjectID) }
    }

    /// Written and flushed to disk before the key row is deleted, so a crash in between errs on the side of erasure.
    func add(_ subjectID: UUID) throws {
        let directory = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: file) {
            FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((subjectID.uuidString.lowercased() + "\n").utf8))
        try handle.synchronize()
        known.withLockedValue { _ = $0.insert(subjectID) }
    }
}
