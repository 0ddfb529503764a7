import Fluent
import Foundation

/// A BankID sign-in in progress, bound to the browser that started it. Deleted when it ends; the QR
/// secret never leaves the server.
final class BankIDLogin: Model, @unchecked Sendable {
    static let schema = "bankid_logins"

    enum State: String, Codable, Sendable {
        case pending, complete, failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "order_ref") var orderRef: String
    @Field(key: "auto_start_token") var autoStartToken: String
    @Field(key: "qr_start_token") var qrStartToken: String
    @Field(key: "qr_start_secret") var qrStartSecret: String
    /// SHA-256 of a random token in the starting browser's cookie.
    @Field(key: "browser_hash") var browserHash: String
    @Enum(key: "state") var state: State
    @OptionalField(key: "hint_code") var hintCode: String?
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "collected_at") var collectedAt: Date?
    /// For a person with accounts in several organisations (or both staff and participant), once BankID
    /// has identified them: those accounts as `kind:id`, space-separated, until they choose one.
    @OptionalField(key: "candidate_accounts") var candidateAccounts: String?

    /// An account BankID's answer fits: a staff account, or a participant's own access.
    struct Candidate: Hashable, Sendable, LosslessStringConvertible {
        var kind: UserSession.AccountKind
        var id: UUID

        init(kind: UserSession.AccountKind, id: UUID) {
            self.kind = kind
            self.id = id
        }

        /// `staff:<uuid>` or `participant:<uuid>`.
        init?(_ description: String) {
            let parts = description.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = UserSession.AccountKind(rawValue: parts[0]), kind != .member,
                  let id = UUID(uuidString: parts[1]) else { return nil }
            self.init(kind: kind, id: id)
        }

        var description: String { "\(kind.rawValue):\(id.uuidString.lowercased())" }
    }

    /// The accounts the person may choose between, while the choice is open.
    func candidates(now: Date) -> [Candidate] {
        guard state == .complete, let collectedAt, now.timeIntervalSince(collectedAt) < BankIDLoginService.chooseWithin else { return [] }
        return (candidateAccounts ?? "").split(separator: " ").compactMap { Candidate(String($0)) }
    }

    init() {}

    init(order: BankIDAPI.AuthResponse, browserHash: String, now: Date) {
        self.id = UUID()
        self.orderRef = order.orderRef
        self.autoStartToken = order.autoStartToken
        self.qrStartToken = order.qrStartToken
        self.qrStartSecret = order.qrStartSecret
        self.browserHash = browserHash
        self.state = .pending
        self.startedAt = now
    }
}

struct CreateBankIDLogins: AsyncMigration {
    var name: String { "012_create_bankid_logins" }

    func prepare(on database: any Database) async throws {
        try await database.schema("bankid_logins")
            .id()
            .field("order_ref", .string, .required)
            .field("auto_start_token", .string, .required)
            .field("qr_start_token", .string, .required)
            .field("qr_start_secret", .string, .required)
            .field("browser_hash", .string, .required)
            .field("state", .string, .required)
            .field("hint_code", .string)
            .field("started_at", .datetime, .required)
            .field("collected_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("bankid_logins").delete()
    }
}

struct AddBankIDLoginCandidates: AsyncMigration {
    var name: String { "025_add_bankid_login_candidates" }

    func prepare(on database: any Database) async throws {
        try await database.schema("bankid_logins").field("candidate_accounts", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("bankid_logins").deleteField("candidate_accounts").update()
    }
}
