import LotsCore
import Vapor

/// Chooses the request's UI language: the signed-in user's own setting, then the language cookie chosen
/// with the language switch, then `Accept-Language`, then Swedish. Runs after `SessionMiddleware`.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "lots_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.uiLanguage = Self.resolve(request)
        return try await next.respond(to: request)
    }

    static func resolve(_ request: Request) -> UILanguage {
        if let own = request.signedIn?.preferredLanguage { return own }
        if let setting = request.cookieValue(cookieName), let language = UILanguage(rawValue: setting) {
            return language
        }
        if let header = request.headers.first(name: .acceptLanguage),
           let code = LanguageNegotiation.preferred(acceptLanguage: header, supported: UILanguage.allCases.map(\.rawValue)) {
            return UILanguage(rawValue: code) ?? .fallback
        }
        return .fallback
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = UILanguage }

    var uiLanguage: UILanguage {
        get { storage[LanguageKey.self] ?? LanguageMiddleware.resolve(self) }
        set { storage[LanguageKey.self] = newValue }
    }

    var texts: Texts { Texts(language: uiLanguage, localizer: application.localizer) }
}

extension Application {
    private struct LocalizerKey: StorageKey { typealias Value = Localizer }

    var localizer: Localizer {
        get { required(LocalizerKey.self, "the localisation catalog") }
        set { storage[LocalizerKey.self] = newValue }
    }
}
