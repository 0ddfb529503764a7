import Foundation

/// Every setting Lots reads at boot, validated once. Nothing else reads the environment.
public struct AppConfig: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        case development, production, testing
    }

    public enum DatabaseSetting: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String, searchPath: [String]?)

        public var kindName: String {
            switch self {
            case .sqliteFile, .sqliteMemory: "sqlite"
            case .postgres: "postgres"
            }
        }
    }

    public enum MailSetting: Sendable {
        /// Messages are kept in the database and shown on the dev mailbox page.
        case devMailbox
        case smtp(SMTPConfiguration)
    }

    public enum BankIDSetting: Sendable, Equatable {
        /// Lots's own BankID test server (development, tests and demo mode).
        case testServer
        /// BankID's RP API over mutual TLS with the organisation's PKCS#12 certificate and BankID's CA pinned.
        case live(url: String, certificateFile: String, passphrase: String, trustRootFile: String)
    }

    /// An OpenID Connect provider partnership members may sign in with (LOTS_OIDC_PROVIDERS_FILE).
    public struct OIDCProviderSetting: Sendable, Equatable, Codable {
        /// The provider's short name in URLs, e.g. "google" (lower-case letters, digits and hyphens).
        public var id: String
        /// The name on the sign-in button, e.g. "Google".
        public var name: String
        /// The issuer identifier; the discovery document is read from issuer + /.well-known/openid-configuration.
        public var issuer: String
        public var clientID: String
        public var clientSecret: String
        /// The partnership organisations (slugs) offering this provider; all of them when left out.
        public var organisations: [String]?

        enum CodingKeys: String, CodingKey {
            case id, name, issuer, organisations
            case clientID = "client_id"
            case clientSecret = "client_secret"
        }
    }

    public var mode: Mode
    public var demo: Bool
    public var dataDirectory: String
    public var database: DatabaseSetting
    public var hostname: String
    public var port: Int
    public var publicBaseURL: String
    public var mail: MailSetting
    public var mailFrom: MailAddress
    public var bankID: BankIDSetting
    public var oidcProviders: [OIDCProviderSetting] = []
    public var keyEncryptionKeyFile: String?
    /// The key-encryption key before the current one, while `lots keys rotate` moves keys over (LOTS_KEK_PREVIOUS_FILE).
    public var previousKeyEncryptionKeyFile: String? = nil
    public var auditSigningKeyFile: String?
    /// Where signed audit checkpoints are appended; outside the database on purpose.
    public var auditCheckpointFile: String
    /// The list of erased subjects whose keys must never be used again; kept with the keys, not in the database.
    public var shreddedKeysFile: String
    /// Set when a TLS-terminating proxy sits in front of Lots; enables HSTS and Secure cookies.
    public var behindTLS: Bool
    /// How often the job runner looks for due work; tests shorten it.
    public var jobPollInterval: Double
    public var runJobsInProcess: Bool

    public var resourcesDirectory: String

    /// A configuration for tests: in-memory SQLite unless a database is given, dev mailbox, no job runner.
    public static func testing(database: DatabaseSetting = .sqliteMemory, resourcesDirectory: String) -> AppConfig {
        AppConfig(
            mode: .testing, demo: false, dataDirectory: NSTemporaryDirectory(), database: database,
            hostname: "127.0.0.1", port: 0, publicBaseURL: "http://127.0.0.1:8080",
            mail: .devMailbox, mailFrom: try! MailAddress("lots@example.org", name: "Lots"), bankID: .testServer,
            keyEncryptionKeyFile: nil, auditSigningKeyFile: nil,
            auditCheckpointFile: NSTemporaryDirectory() + "lots-test-checkpoints-\(UUID().uuidString).jsonl",
            shreddedKeysFile: NSTemporaryDirectory() + "lots-test-shredded-\(UUID().uuidString).txt", behindTLS: false,
            jobPollInterval: 0.05, runJobsInProcess: false, resourcesDirectory: resourcesDirectory
        )
    }
}
