import Foundation
import NIOCore
import NIOSSL

/// Where and how `SMTPClient` delivers mail.
public struct SMTPConfiguration: Sendable, CustomStringConvertible {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// No TLS at all; only sensible for a local relay or test sink.
        case plain
        /// STARTTLS is required; a server that does not offer it is an error.
        case startTLS
        /// STARTTLS when offered, plain otherwise (credentials are still never sent in the clear).
        case startTLSIfAvailable
        /// Implicit TLS from the first byte ("SMTPS", usually port 465).
        case tls
    }

    /// SASL mechanisms the client can use.
    public enum AuthMethod: String, Sendable, Hashable, CaseIterable {
        case plain = "PLAIN"
        case login = "LOGIN"
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// Sent with EHLO/HELO; some servers want a resolvable name of the sending host.
    public var heloName: String
    /// Applies to connecting and to each reply separately.
    public var timeout: TimeAmount
    public var tlsConfiguration: TLSConfiguration
    /// Used when the server offers it; otherwise PLAIN, then LOGIN.
    public var preferredAuth: AuthMethod?

    /// `port` defaults to 465 for `.tls` and 587 otherwise.
    public init(
        host: String,
        port: Int? = nil,
        security: Security = .startTLS,
        username: String? = nil,
        password: String? = nil,
        heloName: String = "localhost",
        timeout: TimeAmount = .seconds(30),
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
        preferredAuth: AuthMethod? = nil
    ) {
        self.host = host
        self.port = port ?? (security == .tls ? 465 : 587)
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.timeout = timeout
        self.tlsConfiguration = tlsConfiguration
        self.preferredAuth = preferredAuth
    }

    /// Credentials are set and non-empty.
    var credentials: (username: String, password: String)? {
        guard let username, let password, !username.isEmpty else { return nil }
        return (username, password)
    }

    /// Never shows the password, so a configuration can be logged.
    public var description: String {
        let user = username.map { "\($0)@" } ?? ""
        return "SMTPConfiguration(\(user)\(host):\(port), security: \(security.rawValue), helo: \(heloName))"
    }
}
