import Vapor

/// What a route requires of the caller. Every route declares one when it is registered.
enum Permission: Sendable, Equatable, CustomStringConvertible {
    /// Anyone, signed in or not. Such pages must never show personal data.
    case `public`
    /// Exists only in development and demo mode, where all data is made up.
    case developmentOnly
    /// Any signed-in person; what they then see is limited by their roles.
    case signedIn
    /// Signed-in staff with a role that grants the capability (see `PermissionMatrix`).
    case capability(Capability)
    /// Signed-in staff with a role that grants at least one of the capabilities; the handler then
    /// limits what they see to what their roles allow (e.g. the participant list).
    case anyCapability([Capability])
    /// A signed-in member of a partnership platform (not staff).
    case member
    /// A signed-in participant (BankID), for their own data only.
    case participant
    /// An integration's bearer token; with a scope, the token must carry it.
    case apiClient(APIScope?)

    var description: String {
        switch self {
        case .public: "public"
        case .developmentOnly: "development-only"
        case .signedIn: "signed-in"
        case .member: "member"
        case .participant: "participant"
        case .capability(let capability): capability.rawValue
        case .anyCapability(let capabilities): capabilities.map(\.rawValue).joined(separator: "|")
        case .apiClient(let scope): "api-client" + (scope.map { ":" + $0.rawValue } ?? "")
        }
    }
}

/// Checks a route's permission before its handler runs; routes registered through `RoutesBuilder.on(_:_:permission:use:)`
/// cannot skip it.
enum Authorization {
    static func check(_ permission: Permission, _ request: Request) throws {
        switch permission {
        case .public, .developmentOnly:
            return
        case .signedIn:
            _ = try requireSession(request)
        case .member:
            guard try requireSession(request).kind == .member else { throw Abort(.forbidden) }
        case .participant:
            guard try requireSession(request).kind == .participant else { throw Abort(.forbidden) }
        case .capability(let capability):
            let session = try requireSession(request)
            guard PermissionMatrix.allows(capability, roles: session.roles.map(\.role)) else { throw Abort(.forbidden) }
        case .anyCapability(let capabilities):
            let session = try requireSession(request)
            guard capabilities.contains(where: { PermissionMatrix.allows($0, roles: session.roles.map(\.role)) }) else { throw Abort(.forbidden) }
        case .apiClient(let scope):
            guard let client = request.apiClient else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "This endpoint needs an API token.")
            }
            if let scope, !client.scopes.contains(scope) { throw Abort(.forbidden, reason: "The token lacks the scope \(scope.rawValue).") }
        }
    }

    private static func requireSession(_ request: Request) throws -> SignedInSession {
        guard let session = request.signedIn else {
            if LotsErrorMiddleware.wantsJSON(request) { throw Abort(.unauthorized) }
            throw Abort.redirect(to: SiteRoute.login.path)
        }
        return session
    }
}

extension Route {
    private static let permissionKey = "lots.permission"

    var permission: Permission? {
        get { userInfo[Self.permissionKey] as? Permission }
        set { userInfo[Self.permissionKey] = newValue }
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<Output: AsyncResponseEncodable>(
        _ route: SiteRoute, permission: Permission, use handler: @Sendable @escaping (Request) async throws -> Output
    ) -> Route {
        on(.GET, route, permission: permission, use: handler)
    }

    /// `body`: how much a route accepts; uploads name a larger limit than the default.
    @discardableResult
    func post<Output: AsyncResponseEncodable>(
        _ route: SiteRoute, permission: Permission, body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Output
    ) -> Route {
        on(.POST, route, permission: permission, body: body, use: handler)
    }

    @discardableResult
    func on<Output: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, permission: Permission, body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Output
    ) -> Route {
        let registered = on(method, route.pathComponents, body: body) { request async throws -> Vapor.Response in
            try Authorization.check(permission, request)
            return try await handler(request).encodeResponse(for: request)
        }
        registered.permission = permission
        return registered
    }
}
