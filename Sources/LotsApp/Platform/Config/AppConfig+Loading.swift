import Foundation

extension AppConfig {
    /// Reads and validates the configuration; throws one error naming every bad or missing setting.
    public static func load(environment env: [String: String], arguments: [String] = []) throws(AppConfigError) -> AppConfig {
        var reader = SettingReader(env: env)
        let mode = reader.choice("LOTS_ENV", default: Mode.development)
        let demo = arguments.contains("--demo")
        let production = mode == .production && !demo

        let dataDirectory = reader.string("LOTS_DATA_DIR", default: "./data")
        reader.check("LOTS_DATA_DIR") { try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true) }

        let database: DatabaseSetting
        if let url = reader.optional("DATABASE_URL") {
            reader.validate("DATABASE_URL", url, "must be a postgres:// or postgresql:// URL with a host, e.g. postgres://lots:secret@127.0.0.1:5432/lots") {
                guard let parsed = URLComponents(string: $0), ["postgres", "postgresql"].contains(parsed.scheme ?? ""),
                      let host = parsed.host, !host.isEmpty else { return false }
                return true
            }
            database = .postgres(url: url, searchPath: nil)
        } else {
            database = .sqliteFile(path: (dataDirectory as NSString).appendingPathComponent("lots.sqlite"))
        }

        // `serve --hostname/--port` override the settings, and the public URL's default follows them, so links
        // in mail and the redirect address given to sign-in services point where the server really listens.
        func flag(_ names: String...) -> String? {
            guard let index = arguments.lastIndex(where: names.contains), arguments.indices.contains(index + 1) else { return nil }
            return arguments[index + 1]
        }
        let hostname = flag("--hostname", "-H") ?? reader.string("LOTS_HOSTNAME", default: "127.0.0.1")
        let port = flag("--port", "-p").flatMap(Int.init) ?? reader.integer("LOTS_PORT", default: 8080, range: 1...65535)
        let publicBaseURL = reader.string("LOTS_PUBLIC_URL", default: "http://\(hostname):\(port)", requiredIn: production)
        reader.validate("LOTS_PUBLIC_URL", publicBaseURL, "must be an absolute http:// or https:// URL") {
            guard let url = URLComponents(string: $0), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else { return false }
            return true
        }

        var mail = MailSetting.devMailbox
        if let smtpURL = reader.optional("LOTS_SMTP_URL"), !demo {
            do { mail = .smtp(try SMTPConfiguration(url: smtpURL)) } catch {
                reader.problem("LOTS_SMTP_URL", "\(error) (expected smtp://user:password@host:587 or smtps://host:465; add ?starttls=required|optional|off)")
            }
        } else if production {
            reader.problem("LOTS_SMTP_URL", "is required in production (mail is only kept in the dev mailbox in development and demo mode)")
        }
        var mailFrom = try! MailAddress("no-reply@localhost", name: "Lots")
        if let from = reader.optional("LOTS_MAIL_FROM") {
            do { mailFrom = try MailAddress(parsing: from) } catch {
                reader.problem("LOTS_MAIL_FROM", "must be an e-mail address, optionally with a name: \"Lots <lots@example.org>\"")
            }
        } else if production {
            reader.problem("LOTS_MAIL_FROM", "is required in production")
        }

        var bankID = BankIDSetting.testServer
        if let url = reader.optional("LOTS_BANKID_URL"), !demo {
            reader.validate("LOTS_BANKID_URL", url, "must be an https:// URL, e.g. https://appapi2.bankid.com/rp/v6.0") {
                URLComponents(string: $0)?.scheme == "https" && URLComponents(string: $0)?.host != nil
            }
            let certificate = reader.existingFile("LOTS_BANKID_CERT_FILE", requiredIn: true)
            let passphrase = reader.optional("LOTS_BANKID_CERT_PASSPHRASE") ?? ""
            let trustRoot = reader.existingFile("LOTS_BANKID_CA_FILE", requiredIn: true)
            if let certificate, let trustRoot {
                bankID = .live(url: url, certificateFile: certificate, passphrase: passphrase, trustRootFile: trustRoot)
            }
        } else if production {
            reader.problem("LOTS_BANKID_URL", "is required in production (staff sign in with BankID); the BankID test server runs only in development and demo mode")
        }

        var oidcProviders: [OIDCProviderSetting] = []
        if let file = reader.existingFile("LOTS_OIDC_PROVIDERS_FILE", requiredIn: false) {
            do {
                oidcProviders = try JSONDecoder().decode([OIDCProviderSetting].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                reader.problem("LOTS_OIDC_PROVIDERS_FILE", "must hold a JSON list of {\"id\", \"name\", \"issuer\", \"client_id\", \"client_secret\", \"organisations\"?} objects")
            }
            for provider in oidcProviders {
                if provider.id.isEmpty || provider.id == OIDCProviderSetting.testProviderID
                    || !provider.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
                    reader.problem("LOTS_OIDC_PROVIDERS_FILE", "provider id \"\(provider.id)\" must be lower-case letters, digits and hyphens (and not \(OIDCProviderSetting.testProviderID))")
                }
                let issuer = URLComponents(string: provider.issuer)
                if issuer?.host == nil || !(issuer?.scheme == "https" || (!production && issuer?.scheme == "http")) || issuer?.query != nil {
                    reader.problem("LOTS_OIDC_PROVIDERS_FILE", "issuer of \"\(provider.id)\" must be an https:// URL without a query")
                }
                if provider.clientID.isEmpty || provider.clientSecret.isEmpty || provider.name.isEmpty {
                    reader.problem("LOTS_OIDC_PROVIDERS_FILE", "provider \"\(provider.id)\" needs a name, a client_id and a client_secret")
                }
            }
            if Set(oidcProviders.map(\.id)).count != oidcProviders.count {
                reader.problem("LOTS_OIDC_PROVIDERS_FILE", "provider ids must be unique")
            }
        }

        let kekFile = reader.existingFile("LOTS_KEK_FILE", requiredIn: production)
        let previousKEKFile = reader.existingFile("LOTS_KEK_PREVIOUS_FILE", requiredIn: false)
        let auditKeyFile = reader.existingFile("LOTS_AUDIT_KEY_FILE", requiredIn: production)
        let checkpointFile = reader.string("LOTS_AUDIT_CHECKPOINT_FILE", default: (dataDirectory as NSString).appendingPathComponent("audit-checkpoints.jsonl"))
        let shreddedFile = reader.string("LOTS_SHREDDED_KEYS_FILE", default: (dataDirectory as NSString).appendingPathComponent("keys/shredded-subjects.txt"))
        let behindTLS = reader.boolean("LOTS_BEHIND_TLS", default: false)
        let pollInterval = Double(reader.integer("LOTS_JOB_POLL_MS", default: 1000, range: 10...600_000)) / 1000
        let resources = reader.string("LOTS_RESOURCES_DIR", default: FileManager.default.currentDirectoryPath + "/Resources")
        reader.validate("LOTS_RESOURCES_DIR", resources, "must be the Resources folder of Lots (holding Localization/); run Lots from the repository root or set LOTS_RESOURCES_DIR") {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("Localization/sv.json"))
        }

        if !reader.problems.isEmpty { throw AppConfigError(problems: reader.problems) }
        return AppConfig(
            mode: mode, demo: demo, dataDirectory: dataDirectory, database: database,
            hostname: hostname, port: port, publicBaseURL: publicBaseURL, mail: mail, mailFrom: mailFrom, bankID: bankID, oidcProviders: oidcProviders,
            keyEncryptionKeyFile: kekFile, previousKeyEncryptionKeyFile: previousKEKFile, auditSigningKeyFile: auditKeyFile, auditCheckpointFile: checkpointFile,
            shreddedKeysFile: shreddedFile, behindTLS: behindTLS,
            jobPollInterval: pollInterval, runJobsInProcess: true, resourcesDirectory: resources
        )
    }
}

/// Collects problems instead of stopping at the first one.
struct SettingReader {
    let env: [String: String]
    var problems: [AppConfigError.Problem] = []

    mutating func problem(_ name: String, _ message: String) {
        problems.append(.init(setting: name, message: message))
    }

    func optional(_ name: String) -> String? {
        guard let value = env[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    mutating func string(_ name: String, default fallback: String, requiredIn required: Bool = false) -> String {
        if let value = optional(name) { return value }
        if required { problem(name, "is required in production") }
        return fallback
    }

    mutating func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let raw = optional(name) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            problem(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(raw)\"")
            return fallback
        }
        return value
    }

    mutating func boolean(_ name: String, default fallback: Bool) -> Bool {
        guard let raw = optional(name)?.lowercased() else { return fallback }
        switch raw {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problem(name, "must be true or false, got \"\(raw)\"")
            return fallback
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T) -> T where T.RawValue == String {
        guard let raw = optional(name) else { return fallback }
        guard let value = T(rawValue: raw.lowercased()) else {
            problem(name, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(raw)\"")
            return fallback
        }
        return value
    }

    mutating func existingFile(_ name: String, requiredIn required: Bool) -> String? {
        guard let path = optional(name) else {
            if required { problem(name, "is required in production") }
            return nil
        }
        if !FileManager.default.isReadableFile(atPath: path) { problem(name, "names \(path), which does not exist or cannot be read") }
        return path
    }

    mutating func validate(_ name: String, _ value: String, _ message: String, _ isValid: (String) -> Bool) {
        if !isValid(value) { problem(name, message) }
    }

    mutating func check(_ name: String, _ body: () throws -> Void) {
        do { try body() } catch { problem(name, "cannot be used: \(error.localizedDescription)") }
    }
}
