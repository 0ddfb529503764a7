import AsyncHTTPClient
import Crypto
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import NIOCore
import NIOFoundationCompat

/// What went wrong talking to an OpenID Connect provider. Safe to log: never holds a token or a claim value.
enum OIDCError: Error, Sendable, Equatable, SafelyDescribable {
    case transport(String)
    case invalidResponse(String)
    /// The provider answered the token request with an OAuth error code (`invalid_grant`, …).
    case rejected(String)
    /// The ID token failed a check: signature, issuer, audience, expiry, nonce …
    case invalidIDToken(String)

    var safeDescription: String {
        switch self {
        case .transport(let reason): "the OpenID provider could not be reached: \(reason)"
        case .invalidResponse(let what): "the OpenID provider sent an unusable \(what)"
        case .rejected(let code): "the OpenID provider refused the request: \(code)"
        case .invalidIDToken(let reason): "the ID token was refused: \(reason)"
        }
    }
}

/// The parts of a provider's discovery document Lots uses (OpenID Connect Discovery 1.0 §3).
struct OIDCProviderMetadata: Codable, Sendable, Equatable {
    var issuer: String
    var authorizationEndpoint: String
    var tokenEndpoint: String
    var jwksURI: String
    var codeChallengeMethodsSupported: [String]?
    var tokenEndpointAuthMethodsSupported: [String]?

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
    }
}

/// The claims of an ID token Lots reads (OpenID Connect Core 1.0 §2 and §5.1).
struct OIDCIDToken: JWTIdentityToken, Equatable {
    var issuer: IssuerClaim
    var subject: SubjectClaim
    var audience: AudienceClaim
    var expires: ExpirationClaim
    var issuedAt: IssuedAtClaim
    var nonce: String?
    var authorizedParty: String?
    var email: String?
    var emailVerified: BoolClaim?
    var givenName: String?
    var familyName: String?
    var name: String?

    enum CodingKeys: String, CodingKey {
        case issuer = "iss", subject = "sub", audience = "aud", expires = "exp", issuedAt = "iat", nonce
        case authorizedParty = "azp", email, emailVerified = "email_verified", givenName = "given_name"
        case familyName = "family_name", name
    }

    /// Lots checks the time claims itself, against its own clock, in `OIDCClient.verify`.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// A relying-party client for OpenID Connect's authorization-code flow with PKCE: discovery, the
/// authorization request, the token request (client_secret_basic) and ID-token validation with JWTKit
/// against the provider's published keys.
struct OIDCClient: Sendable {
    var httpClient: HTTPClient
    var cache: OIDCProviderCache
    var timeout: TimeAmount = .seconds(10)
    /// How far the provider's clock may differ from ours.
    static let allowedSkew: TimeInterval = 120

    /// The provider's discovery document, cached for an hour. Its issuer must be exactly the configured one.
    func metadata(issuer: String, now: Date) async throws(OIDCError) -> OIDCProviderMetadata {
        if let cached = cache.metadata(issuer, now: now) { return cached }
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        let data = try await get(base + "/.well-known/openid-configuration")
        guard let metadata = try? JSONDecoder().decode(OIDCProviderMetadata.self, from: data) else { throw .invalidResponse("discovery document") }
        guard metadata.issuer == issuer else { throw .invalidResponse("discovery document (issuer differs)") }
        cache.store(metadata, now: now)
        return metadata
    }

    struct AuthorizationRequest: Sendable {
        var clientID: String
        var redirectURI: String
        var state: String
        var nonce: String
        var codeVerifier: String
        var scope = "openid email profile"
    }

    /// The URL the browser is sent to.
    static func authorizationURL(_ metadata: OIDCProviderMetadata, _ request: AuthorizationRequest) -> String {
        var components = URLComponents(string: metadata.authorizationEndpoint) ?? URLComponents()
        components.queryItems = (components.queryItems ?? []) + [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: request.clientID),
            URLQueryItem(name: "redirect_uri", value: request.redirectURI),
            URLQueryItem(name: "scope", value: request.scope),
            URLQueryItem(name: "state", value: request.state),
            URLQueryItem(name: "nonce", value: request.nonce),
            URLQueryItem(name: "code_challenge", value: codeChallenge(request.codeVerifier)),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        // `+` and other sub-delimiters in values must reach the provider escaped.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string ?? metadata.authorizationEndpoint
    }

    /// PKCE's S256 transformation (RFC 7636 §4.2).
    static func codeChallenge(_ verifier: String) -> String {
        Data(SHA256.hash(data: Data(verifier.utf8))).base64URLEncoded
    }

    /// A high-entropy random string for state, nonce and the PKCE verifier (RFC 7636 §4.1: 43–128 characters).
    static func randomToken() -> String {
        Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64URLEncoded
    }

    private struct TokenResponse: Decodable {
        var idToken: String?
        var tokenType: String?
        enum CodingKeys: String, CodingKey { case idToken = "id_token", tokenType = "token_type" }
    }

    private struct TokenError: Decodable { var error: String }

    /// Exchanges the authorization code for tokens and returns the validated ID token's claims.
    func redeem(code: String, codeVerifier: String, redirectURI: String, clientID: String, clientSecret: String,
                nonce: String, metadata: OIDCProviderMetadata, now: Date) async throws(OIDCError) -> OIDCIDToken {
        var request = HTTPClientRequest(url: metadata.tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        // client_secret_basic (RFC 6749 §2.3.1): both parts form-encoded before joining.
        let credentials = Self.formEncode(clientID) + ":" + Self.formEncode(clientSecret)
        request.headers.add(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString())
        let form = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", codeVerifier)]
        request.body = .bytes(ByteBuffer(string: form.map { "\($0)=\(Self.formEncode($1))" }.joined(separator: "&")))
        let (status, data) = try await execute(request)
        guard (200..<300).contains(status) else {
            throw .rejected((try? JSONDecoder().decode(TokenError.self, from: data))?.error ?? "HTTP \(status)")
        }
        guard let tokens = try? JSONDecoder().decode(TokenResponse.self, from: data), let idToken = tokens.idToken,
              tokens.tokenType?.lowercased() == "bearer" else { throw .invalidResponse("token response") }
        return try await verify(idToken: idToken, clientID: clientID, nonce: nonce, metadata: metadata, now: now)
    }

    /// Validates an ID token as OpenID Connect Core §3.1.3.7 asks: signed by one of the provider's keys
    /// with the algorithm the key names (never `none`, never an HMAC keyed with public data), issued by
    /// the provider, for this client, not expired, not issued in the future, and carrying our nonce.
    func verify(idToken: String, clientID: String, nonce: String, metadata: OIDCProviderMetadata, now: Date) async throws(OIDCError) -> OIDCIDToken {
        let token: OIDCIDToken
        do {
            let cached = cache.keys(metadata.jwksURI, now: now) != nil
            let keys = try await signingKeys(metadata, now: now, refresh: false)
            do {
                token = try await keys.verify(idToken, as: OIDCIDToken.self, expectedAudience: clientID)
            } catch is JWTError where cached {
                // The provider may have rotated its keys since we cached them: fetch them once more.
                token = try await signingKeys(metadata, now: now, refresh: true).verify(idToken, as: OIDCIDToken.self, expectedAudience: clientID)
            }
        } catch let error as OIDCError {
            throw error
        } catch let error as JWTError {
            throw .invalidIDToken(error.errorType.description)
        } catch {
            throw .invalidIDToken("unreadable")
        }
        guard token.issuer.value == metadata.issuer else { throw .invalidIDToken("issuer") }
        if token.audience.value.count > 1 || token.authorizedParty != nil {
            guard token.authorizedParty == clientID else { throw .invalidIDToken("authorized party") }
        }
        guard token.expires.value > now.addingTimeInterval(-Self.allowedSkew) else { throw .invalidIDToken("expired") }
        guard token.issuedAt.value < now.addingTimeInterval(Self.allowedSkew) else { throw .invalidIDToken("issued in the future") }
        guard let tokenNonce = token.nonce, Self.constantTimeEqual(tokenNonce, nonce) else { throw .invalidIDToken("nonce") }
        guard !token.subject.value.isEmpty, token.subject.value.utf8.count <= 255 else { throw .invalidIDToken("subject") }
        return token
    }

    private func signingKeys(_ metadata: OIDCProviderMetadata, now: Date, refresh: Bool) async throws -> JWTKeyCollection {
        if !refresh, let keys = cache.keys(metadata.jwksURI, now: now) { return keys }
        let data = try await get(metadata.jwksURI)
        let keys = JWTKeyCollection()
        do {
            // Keys without an algorithm, or for encryption only, cannot sign: leave them out.
            let jwks = try JSONDecoder().decode(JWKS.self, from: data)
            let usable = jwks.keys.filter { $0.algorithm != nil && $0.keyIdentifier != nil && $0.algorithm != .rsaOAEP }
            guard !usable.isEmpty else { throw OIDCError.invalidResponse("key set (no usable signing key)") }
            try await keys.add(jwks: JWKS(keys: usable))
        } catch let error as OIDCError {
            throw error
        } catch {
            throw OIDCError.invalidResponse("key set")
        }
        cache.store(keys, for: metadata.jwksURI, now: now)
        return keys
    }

    private func get(_ url: String) async throws(OIDCError) -> Data {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let (status, data) = try await execute(request)
        guard status == 200 else { throw .invalidResponse("answer (HTTP \(status))") }
        return data
    }

    private func execute(_ request: HTTPClientRequest) async throws(OIDCError) -> (Int, Data) {
        do {
            let response = try await httpClient.execute(request, timeout: timeout)
            return (Int(response.status.code), Data(buffer: try await response.body.collect(upTo: 1 << 20)))
        } catch {
            throw .transport(String(describing: type(of: error)))
        }
    }

    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Discovery documents and key sets, kept for an hour per provider so a sign-in costs one request.
final class OIDCProviderCache: Sendable {
    static let lifetime: TimeInterval = 3600
    private let metadataByIssuer = NIOLockedValueBox<[String: (OIDCProviderMetadata, Date)]>([:])
    private let keysByURL = NIOLockedValueBox<[String: (JWTKeyCollection, Date)]>([:])

    func metadata(_ issuer: String, now: Date) -> OIDCProviderMetadata? {
        metadataByIssuer.withLockedValue { cached in cached[issuer].flatMap { $0.1 > now ? $0.0 : nil } }
    }

    func store(_ metadata: OIDCProviderMetadata, now: Date) {
        metadataByIssuer.withLockedValue { $0[metadata.issuer] = (metadata, now.addingTimeInterval(Self.lifetime)) }
    }

    func keys(_ url: String, now: Date) -> JWTKeyCollection? {
        keysByURL.withLockedValue { cached in cached[url].flatMap { $0.1 > now ? $0.0 : nil } }
    }

    func store(_ keys: JWTKeyCollection, for url: String, now: Date) {
        keysByURL.withLockedValue { $0[url] = (keys, now.addingTimeInterval(Self.lifetime)) }
    }
}

extension Data {
    /// Base64url without padding (RFC 4648 §5), as JOSE and PKCE use it.
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
