import Foundation
import Vapor

/// The HTTP side of Lots's own OpenID provider (OpenID Connect Core 1.0, Discovery 1.0, RFC 6749, RFC 7636).
enum OIDCTestProviderController {
    /// The issuer is the origin the request came to, so the provider works on whatever port Lots listens.
    private static func issuer(_ req: Request) -> String {
        let host = req.headers.first(name: .host) ?? "127.0.0.1"
        return "http://\(host)" + SiteRoute.oidcTestProvider(.issuer).path
    }

    @Sendable
    static func discovery(req: Request) async throws -> Response {
        let issuer = issuer(req)
        let document: [String: JSONValue] = [
            "issuer": .string(issuer),
            "authorization_endpoint": .string(issuer + "/authorize"),
            "token_endpoint": .string(issuer + "/token"),
            "jwks_uri": .string(issuer + "/jwks"),
            "response_types_supported": .array([.string("code")]),
            "subject_types_supported": .array([.string("public")]),
            "id_token_signing_alg_values_supported": .array([.string("ES256")]),
            "scopes_supported": .array(["openid", "email", "profile"].map(JSONValue.string)),
            "token_endpoint_auth_methods_supported": .array([.string("client_secret_basic"), .string("client_secret_post")]),
            "code_challenge_methods_supported": .array([.string("S256")]),
            "claims_supported": .array(["sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "given_name", "family_name", "name"]
                .map(JSONValue.string)),
        ]
        return try json(document, status: .ok)
    }

    @Sendable
    static func keys(req: Request) async throws -> Response {
        try json(req.application.oidcTestProvider.keySet, status: .ok)
    }

    /// The parameters of an authorization request (OpenID Connect Core §3.1.2.1).
    struct AuthorizationRequest: Content, Sendable {
        var responseType: String?
        var clientID: String?
        var redirectURI: String?
        var scope: String?
        var state: String?
        var nonce: String?
        var codeChallenge: String?
        var codeChallengeMethod: String?

        enum CodingKeys: String, CodingKey {
            case responseType = "response_type", clientID = "client_id", redirectURI = "redirect_uri", scope, state, nonce
            case codeChallenge = "code_challenge", codeChallengeMethod = "code_challenge_method"
        }
    }

    /// Either a page (the request cannot be answered to the client, §3.1.2.6) or a redirect with an error code.
    private enum Check { case page, redirect(String), ok }

    private static func check(_ request: AuthorizationRequest, _ app: Application) -> Check {
        guard request.clientID == OIDCTestProvider.clientID, request.redirectURI == OIDCTestProvider.registeredRedirectURI(app) else { return .page }
        guard request.responseType == "code" else { return .redirect("unsupported_response_type") }
        guard request.scope?.split(separator: " ").contains("openid") == true else { return .redirect("invalid_scope") }
        guard let challenge = request.codeChallenge, challenge.count == 43, request.codeChallengeMethod == "S256" else { return .redirect("invalid_request") }
        return .ok
    }

    private static func redirect(_ req: Request, to redirectURI: String, _ items: [URLQueryItem]) -> Response {
        var components = URLComponents(string: redirectURI) ?? URLComponents()
        components.queryItems = (components.queryItems ?? []) + items
        return req.redirect(to: components.string ?? redirectURI)
    }

    @Sendable
    static func authorize(req: Request) async throws -> Response {
        let request = try req.query.decode(AuthorizationRequest.self)
        switch check(request, req.application) {
        case .page:
            return try await OIDCTestProviderPage.render(.init(request: nil), context: req.pageContext).encodeResponse(status: .badRequest, for: req)
        case .redirect(let error):
            return redirect(req, to: request.redirectURI ?? "", [URLQueryItem(name: "error", value: error), URLQueryItem(name: "state", value: request.state)])
        case .ok:
            return try await OIDCTestProviderPage.render(.init(request: request), context: req.pageContext).encodeResponse(for: req)
        }
    }

    @Sendable
    static func decide(req: Request) async throws -> Response {
        struct Decision: Content { var identity: Int?; var decision: String }
        let request = try req.content.decode(AuthorizationRequest.self)
        let decision = try req.content.decode(Decision.self)
        guard case .ok = check(request, req.application), let redirectURI = request.redirectURI, let challenge = request.codeChallenge else {
            return try await OIDCTestProviderPage.render(.init(request: nil), context: req.pageContext).encodeResponse(status: .badRequest, for: req)
        }
        guard decision.decision == "approve", let index = decision.identity, OIDCTestProvider.identities.indices.contains(index) else {
            return redirect(req, to: redirectURI, [URLQueryItem(name: "error", value: "access_denied"), URLQueryItem(name: "state", value: request.state)])
        }
        let code = req.application.oidcTestProvider.issueCode(.init(
            clientID: OIDCTestProvider.clientID, redirectURI: redirectURI, nonce: request.nonce, codeChallenge: challenge,
            identity: OIDCTestProvider.identities[index], expiresAt: req.clock.now().addingTimeInterval(OIDCTestProvider.codeLifetime)))
        return redirect(req, to: redirectURI, [URLQueryItem(name: "code", value: code), URLQueryItem(name: "state", value: request.state)])
    }

    /// The token endpoint (RFC 6749 §4.1.3, §5): client authentication by HTTP Basic or form fields.
    @Sendable
    static func token(req: Request) async throws -> Response {
        struct Form: Content {
            var grantType: String?
            var code: String?
            var redirectURI: String?
            var codeVerifier: String?
            var clientID: String?
            var clientSecret: String?
            enum CodingKeys: String, CodingKey {
                case grantType = "grant_type", code, redirectURI = "redirect_uri", codeVerifier = "code_verifier"
                case clientID = "client_id", clientSecret = "client_secret"
            }
        }
        guard req.headers.contentType == .urlEncodedForm, let form = try? req.content.decode(Form.self) else {
            return try json(["error": "invalid_request"], status: .badRequest)
        }
        var clientID = form.clientID
        var clientSecret = form.clientSecret
        if let basic = req.headers.basicAuthorization {
            clientID = basic.username.removingPercentEncoding
            clientSecret = basic.password.removingPercentEncoding
        }
        guard clientID == OIDCTestProvider.clientID, let clientSecret,
              CSRFMiddleware.equal(clientSecret, OIDCTestProvider.clientSecret) else {
            let response = try json(["error": "invalid_client"], status: .unauthorized)
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Basic realm=\"lots-test\"")
            return response
        }
        guard form.grantType == "authorization_code" else { return try json(["error": "unsupported_grant_type"], status: .badRequest) }
        let provider = req.application.oidcTestProvider
        do {
            let grant = try provider.redeem(code: form.code ?? "", clientID: OIDCTestProvider.clientID, redirectURI: form.redirectURI ?? "",
                                            codeVerifier: form.codeVerifier)
            let idToken = try await provider.idToken(for: grant, issuer: issuer(req))
            return try json(TokenResponse(accessToken: OIDCClient.randomToken(), tokenType: "Bearer", expiresIn: Int(OIDCTestProvider.tokenLifetime),
                                          idToken: idToken), status: .ok)
        } catch let failure as OIDCTestProvider.TokenFailure {
            return try json(["error": failure.error], status: failure.status)
        }
    }

    /// A successful token response (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3).
    private struct TokenResponse: Encodable {
        var accessToken: String
        var tokenType: String
        var expiresIn: Int
        var idToken: String
        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", tokenType = "token_type", expiresIn = "expires_in", idToken = "id_token"
        }
    }

    private static func json(_ value: some Encodable, status: HTTPResponseStatus) throws -> Response {
        let response = Response(status: status, body: .init(data: try JSONEncoder().encode(value)))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// A JSON value, for the discovery document's mixed types.
    enum JSONValue: Encodable {
        case string(String)
        case array([JSONValue])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .array(let values): try container.encode(values)
            }
        }
    }
}
