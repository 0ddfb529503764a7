import Foundation
import NIOCore

extension SMTPConfiguration {
    /// Why a mail server URL was refused. Never repeats the URL, which may hold a password.
    public struct InvalidURL: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Reads `smtp://user:password@host:587` or `smtps://host:465`.
    ///
    /// `smtp://` requires STARTTLS unless `?starttls=optional` or `?starttls=off` says otherwise.
    /// Other query items: `helo=NAME`, `auth=plain|login`, `timeout=SECONDS`. User and password
    /// are percent-decoded, so reserved characters in a password can be written as `%40` and so on.
    public init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw InvalidURL(reason: "not a URL")
        }
        guard scheme == "smtp" || scheme == "smtps" else { throw InvalidURL(reason: "scheme must be smtp or smtps") }
        guard var host = components.host, !host.isEmpty else { throw InvalidURL(reason: "no host") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var security: Security = scheme == "smtps" ? .tls : .startTLS
        var helo = "localhost"
        var auth: AuthMethod?
        var timeout = TimeAmount.seconds(30)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name.lowercased() {
            case "starttls":
                guard scheme == "smtp" else { throw InvalidURL(reason: "starttls applies to smtp://, not smtps://") }
                switch value.lowercased() {
                case "required": security = .startTLS
                case "optional": security = .startTLSIfAvailable
                case "off": security = .plain
                default: throw InvalidURL(reason: "starttls must be required, optional or off")
                }
            case "helo":
                guard !value.isEmpty, !value.contains(where: { $0.isWhitespace }) else { throw InvalidURL(reason: "helo must be a host name") }
                helo = value
            case "auth":
                guard let method = AuthMethod(rawValue: value.uppercased()) else { throw InvalidURL(reason: "auth must be plain or login") }
                auth = method
            case "timeout":
                guard let seconds = Int(value), seconds > 0 else { throw InvalidURL(reason: "timeout must be a positive number of seconds") }
                timeout = .seconds(Int64(seconds))
            default:
                throw InvalidURL(reason: "unknown setting \(item.name)")
            }
        }
        // `user` and `password` come back percent-decoded already.
        let username = components.user, password = components.password
        guard (username == nil) == (password == nil) else { throw InvalidURL(reason: "user and password must be given together") }
        self.init(
            host: host, port: components.port, security: security, username: username, password: password,
            heloName: helo, timeout: timeout, preferredAuth: auth
        )
    }
}
