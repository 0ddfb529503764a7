import Crypto
import Foundation

/// The hash chain over audit events: each event's hash covers its own fields and the previous hash,
/// so changing, removing or reordering any event breaks every hash after it.
public enum AuditChain {
    /// The "previous hash" of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The exact bytes that are hashed: every field, length-prefixed so no two events can serialise alike.
    public static func canonicalBytes(_ entry: AuditEntry) -> Data {
        Data(canonical(entry))
    }

    private static func canonical(_ entry: AuditEntry) -> [UInt8] {
        let fields: [String?] = [
            "v1", String(entry.sequence), String(entry.occurredAtMilliseconds), entry.organisationID.map(UUIDText.lowercase),
            entry.actorID.map(UUIDText.lowercase), entry.actorRole, entry.action, entry.subject, entry.purpose,
            entry.resultCount.map(String.init), entry.query, entry.previousHash,
        ]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(64) { $0 + ($1?.utf8.count ?? 0) })
        for field in fields {
            guard let field else {
                bytes += "-;".utf8
                continue
            }
            bytes += String(field.utf8.count).utf8
            bytes.append(UInt8(ascii: ":"))
            bytes += field.utf8
            bytes.append(UInt8(ascii: ";"))
        }
        return bytes
    }

    public static func hash(of entry: AuditEntry) -> String {
        Hex.encode(SHA256.hash(data: canonical(entry)))
    }

    /// Fills in the previous hash and the hash of each entry, continuing a chain that ends in `previousHash`.
    public static func link(_ entries: [AuditEntry], after previousHash: String) -> [AuditEntry] {
        var previous = previousHash
        return entries.map { entry in
            var linked = entry
            linked.previousHash = previous
            linked.hash = hash(of: linked)
            previous = linked.hash
            return linked
        }
    }

    public enum Break: Equatable, Sendable {
        /// The event's stored hash does not match its content: it was edited.
        case contentChanged(sequence: Int64)
        /// The event does not point at the hash of the event before it: events were removed, inserted or reordered.
        case linkBroken(sequence: Int64)
        /// Sequence numbers are not consecutive.
        case gap(after: Int64)

        public var sequence: Int64 {
            switch self {
            case .contentChanged(let sequence), .linkBroken(let sequence): sequence
            case .gap(let after): after + 1
            }
        }
    }

    /// Checks a run of consecutive events that follows `previousHash` (and `previousSequence`).
    /// - Returns: the first break, or nil when the run is intact.
    public static func verify(_ entries: [AuditEntry], after previousHash: String, previousSequence: Int64) -> Break? {
        var expectedPrevious = previousHash
        var expectedSequence = previousSequence + 1
        for entry in entries {
            if entry.sequence != expectedSequence { return .gap(after: expectedSequence - 1) }
            if entry.previousHash != expectedPrevious { return .linkBroken(sequence: entry.sequence) }
            if hash(of: entry) != entry.hash { return .contentChanged(sequence: entry.sequence) }
            expectedPrevious = entry.hash
            expectedSequence += 1
        }
        return nil
    }
}
