import Vapor

/// What a route requires of the caller. Every route declares one when it is registered.
enum Permission: Sendable, Equatable, CustomStringConvertible {
    /// Anyone, signed in or not. Such pages must never show personal data.
    case `public`
    /// Exists only in development and demo mode, where all data is made up.
    case developmentOnly

    var description: String {
        switch self {
        case .public: "public"
        case .developmentOnly: "development-only"
        }
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
    func get<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, permission: Permission, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.GET, route, permission: permission, use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, permission: Permission, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.POST, route, permission: permission, use: handler)
    }

    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, permission: Permission,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let registered = on(method, route.pathComponents, use: handler)
        registered.permission = permission
        return registered
    }
}
