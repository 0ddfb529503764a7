import Foundation
import Testing
@testable import LotsApp

@Suite struct AppConfigTests {
    let resources = ["LOTS_RESOURCES_DIR": repositoryRoot + "/Resources", "LOTS_DATA_DIR": NSTemporaryDirectory() + "lots-config-test"]

    @Test func defaultsNeedNoSettings() throws {
        let config = try AppConfig.load(environment: resources)
        #expect(config.mode == .development)
        #expect(config.port == 8080)
        #expect(config.hostname == "127.0.0.1")
        #expect(config.database == .sqliteFile(path: NSTemporaryDirectory() + "lots-config-test/lots.sqlite"))
        #expect(config.demo == false)
        #expect(try AppConfig.load(environment: resources, arguments: ["lots", "serve", "--demo"]).demo)
        let flagged = try AppConfig.load(environment: resources, arguments: ["lots", "serve", "--demo", "--hostname", "0.0.0.0", "--port", "9191"])
        #expect(flagged.port == 9191 && flagged.publicBaseURL == "http://0.0.0.0:9191", "the public URL follows the serve flags")
    }

    @Test func openIDProvidersAreReadFromAFileAndChecked() throws {
        let file = NSTemporaryDirectory() + "lots-oidc-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        var env = resources
        env["LOTS_OIDC_PROVIDERS_FILE"] = file
        try Data((#"[{"id": "google", "name": "Google", "issuer": "https://accounts.google.com", "client_id": "abc", "client_secret": "s3cret","#
                  + #" "organisations": ["kumppanuus"]}]"#).utf8).write(to: URL(fileURLWithPath: file))
        let config = try AppConfig.load(environment: env)
        #expect(config.oidcProviders == [.init(id: "google", name: "Google", issuer: "https://accounts.google.com", clientID: "abc",
                                               clientSecret: "s3cret", organisations: ["kumppanuus"])])

        let bad = [
            #"[{"id": "lots-test", "name": "Mine", "issuer": "https://id.example.org", "client_id": "a", "client_secret": "b"}]"#,
            #"[{"id": "Google!", "name": "G", "issuer": "https://accounts.google.com", "client_id": "a", "client_secret": "b"}]"#,
            #"[{"id": "idp", "name": "IdP", "issuer": "ftp://id.example.org", "client_id": "a", "client_secret": "b"}]"#,
            #"[{"id": "idp", "name": "IdP", "issuer": "https://id.example.org", "client_id": "", "client_secret": "b"}]"#,
            #"[{"id": "idp", "name": "IdP", "issuer": "https://a.example.org", "client_id": "a", "client_secret": "b"},"#
                + #" {"id": "idp", "name": "IdP", "issuer": "https://b.example.org", "client_id": "a", "client_secret": "b"}]"#,
            #"{"id": "idp"}"#,
        ]
        for text in bad {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            #expect(throws: AppConfigError.self, "\(text)") { try AppConfig.load(environment: env) }
        }
    }

    @Test func postgresURLSelectsPostgres() throws {
        var env = resources
        env["DATABASE_URL"] = "postgres://lots:secret@127.0.0.1:5432/lots"
        let config = try AppConfig.load(environment: env)
        #expect(config.database.kindName == "postgres")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        var env = resources
        env["LOTS_ENV"] = "staging"
        env["LOTS_PORT"] = "eighty"
        env["DATABASE_URL"] = "mysql://db/lots"
        env["LOTS_BEHIND_TLS"] = "maybe"
        env["LOTS_MAIL_FROM"] = "not an address"
        do {
            _ = try AppConfig.load(environment: env)
            Issue.record("an invalid configuration was accepted")
        } catch {
            #expect(error.problems.map(\.setting).sorted() == ["DATABASE_URL", "LOTS_BEHIND_TLS", "LOTS_ENV", "LOTS_MAIL_FROM", "LOTS_PORT"])
            #expect(error.report.contains("5 problems"))
            #expect(error.report.split(separator: "\n").count < 20)
        }
    }

    @Test func productionRequiresItsSecretsAndMail() throws {
        var env = resources
        env["LOTS_ENV"] = "production"
        env["LOTS_KEK_FILE"] = "/nonexistent/kek"
        do {
            _ = try AppConfig.load(environment: env)
            Issue.record("production started without its settings")
        } catch {
            let settings = Set(error.problems.map(\.setting))
            #expect(settings == ["LOTS_PUBLIC_URL", "LOTS_SMTP_URL", "LOTS_MAIL_FROM", "LOTS_BANKID_URL", "LOTS_KEK_FILE", "LOTS_AUDIT_KEY_FILE"])
            #expect(error.report.contains("/nonexistent/kek"))
        }
    }

    @Test func smtpURLIsParsed() throws {
        var env = resources
        env["LOTS_SMTP_URL"] = "smtp://mailer:s3cret@smtp.example.org:587?starttls=required"
        guard case .smtp(let smtp) = try AppConfig.load(environment: env).mail else {
            Issue.record("SMTP was not configured")
            return
        }
        #expect(smtp.host == "smtp.example.org")
        #expect(smtp.port == 587)
        #expect(smtp.username == "mailer")
        #expect(smtp.security == .startTLS)
        // Demo mode never sends real mail, whatever is configured.
        guard case .devMailbox = try AppConfig.load(environment: env, arguments: ["--demo"]).mail else {
            Issue.record("demo mode would send real mail")
            return
        }
    }

    @Test func missingResourcesAreNamed() throws {
        var env = resources
        env["LOTS_RESOURCES_DIR"] = "/nonexistent"
        #expect(throws: AppConfigError.self) { try AppConfig.load(environment: env) }
    }
}
