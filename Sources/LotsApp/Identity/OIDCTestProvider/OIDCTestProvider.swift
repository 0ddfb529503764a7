import Crypto
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import Vapor

/// Lots's own OpenID Connect provider, for development, tests and demo mode: discovery, a key set, an
/// authorization endpoint (a page where the tester picks a fictional person and approves or denies), and
/// a token endpoint that insists on client authentication, the registered redirect URI and PKCE (S256),
/// and issues ES256-signed ID tokens. Lots's real client signs in against it over HTTP like against any
/// provider. Codes live in memory and expire after a minute; the signing key is new at every start.
final class OIDCTestProvider: Sendable {
    /// The one client registered with the test provider: Lots itself. Published on purpose: it is a test provider.
    static let clientID = "lots-demo"
    static let clientSecret = "lots-demo-secret"
    static let codeLifetime: TimeInterval = 60
    static let tokenLifetime: TimeInterval = 300

    /// A fictional person with an account at the test provider.
    struct Identity: Sendable, Equatable {
        var subject: String
        var givenName: String
        var familyName: String
        var email: String
        var emailVerified: Bool
        var name: String { givenName + " " + familyName }
    }

    static let identities: [Identity] = [
        Identity(subject: "test-7f3a1c", givenName: "Maija", familyName: "Mallikas", email: "maija.mallikas@example.fi", emailVerified: true),
        Identity(subject: "test-2b9e44", givenName: "Erik", familyName: "Exempel", email: "erik.exempel@example.se", emailVerified: true),
        Identity(subject: "test-c05d18", givenName: "Uma", familyName: "Unverified", email: "uma.unverified@example.org", emailVerified: false),
    ]

    /// What an authorization code stands for until it is redeemed.
    struct Grant: Sendable {
        var clientID: String
        var redirectURI: String
        var nonce: String?
        var codeChallenge: String
        var identity: Identity
        var expiresAt: Date
    }

    /// An OAuth error code (RFC 6749 §5.2) with the HTTP status it goes with.
    struct TokenFailure: Error, Equatable {
        var error: String
        var status: HTTPResponseStatus
    }

    private let privateKey: ES256PrivateKey
    let keyID: String
    private let grants = NIOLockedValueBox<[String: Grant]>([:])
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        privateKey = ES256PrivateKey()
        keyID = "lots-test-" + String(OIDCClient.randomToken().prefix(8))
        self.now = now
    }

    /// The public half of the signing key as a JWK set (RFC 7517).
    var keySet: JWKS {
        let parameters = privateKey.publicKey.parameters
        return JWKS(keys: [.ecdsa(.es256, identifier: JWKIdentifier(string: keyID), x: parameters?.x, y: parameters?.y, curve: .p256)])
    }

    /// The redirect URI registered for Lots: its callback for this provider.
    static func registeredRedirectURI(_ app: Application) -> String {
        app.oidcRedirectURI(provider: AppConfig.OIDCProviderSetting.testProviderID)
    }

    func issueCode(_ grant: Grant) -> String {
        let code = OIDCClient.randomToken()
        grants.withLockedValue { grants in
            grants = grants.filter { $0.value.expiresAt > now() }
            grants[code] = grant
        }
        return code
    }

    /// Redeems a code once: a code is spent by the first attempt, right or wrong, as RFC 6749 §4.1.2 asks.
    func redeem(code: String, clientID: String, redirectURI: String, codeVerifier: String?) throws(TokenFailure) -> Grant {
        let grant = grants.withLockedValue { $0.removeValue(forKey: code) }
        guard let grant, grant.expiresAt > now(), grant.clientID == clientID, grant.redirectURI == redirectURI else {
            throw TokenFailure(error: "invalid_grant", status: .badRequest)
        }
        guard let codeVerifier, (43...128).contains(codeVerifier.count),
              OIDCClient.codeChallenge(codeVerifier) == grant.codeChallenge else {
            throw TokenFailure(error: "invalid_grant", status: .badRequest)
        }
        return grant
    }

    /// Signs an ID token with the provider's key.
    func sign(_ token: OIDCIDToken) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: privateKey, kid: JWKIdentifier(string: keyID))
        return try await keys.sign(token, kid: JWKIdentifier(string: keyID))
    }

    func idToken(for grant: Grant, issuer: String) async throws -> String {
        let issued = now()
        let identity = grant.identity
        return try await sign(OIDCIDToken(
            issuer: IssuerClaim(value: issuer), subject: SubjectClaim(value: identity.subject), audience: AudienceClaim(value: [grant.clientID]),
            expires: ExpirationClaim(value: issued.addingTimeInterval(Self.tokenLifetime)), issuedAt: IssuedAtClaim(value: issued),
            nonce: grant.nonce, authorizedParty: nil, email: identity.email, emailVerified: BoolClaim(value: identity.emailVerified),
            givenName: identity.givenName, familyName: identity.familyName, name: identity.name))
    }
}

extension Application {
    private struct OIDCTestProviderKey: StorageKey { typealias Value = OIDCTestProvider }

    /// The test provider; created by `configure` wherever it is enabled.
    var oidcTestProvider: OIDCTestProvider {
        get { required(OIDCTestProviderKey.self, "the OpenID test provider") }
        set { storage[OIDCTestProviderKey.self] = newValue }
    }
}
