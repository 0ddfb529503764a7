import Foundation
import Vapor

extension AppConfig.OIDCProviderSetting {
    /// The id of Lots's own OpenID provider, offered in development, tests and demo mode.
    public static let testProviderID = "lots-test"

    func offered(to organisation: Organisation) -> Bool {
        organisations.map { $0.contains(organisation.slug) } ?? true
    }
}

extension Application {
    private struct OIDCCacheKey: StorageKey { typealias Value = OIDCProviderCache }

    /// Lots's own OpenID provider runs where the BankID test server does: never in production, unless in demo mode.
    var oidcTestProviderEnabled: Bool { config.mode != .production || config.demo }

    /// The configured OpenID Connect providers, plus Lots's own test provider where it runs. The test
    /// provider's issuer is this server's loopback origin, so Lots calls itself over HTTP like any provider.
    var oidcProviders: [AppConfig.OIDCProviderSetting] {
        var providers = config.oidcProviders
        if oidcTestProviderEnabled {
            providers.append(.init(id: AppConfig.OIDCProviderSetting.testProviderID, name: "Lots test ID",
                                   issuer: localOrigin + SiteRoute.oidcTestProvider(.issuer).path,
                                   clientID: OIDCTestProvider.clientID, clientSecret: OIDCTestProvider.clientSecret, organisations: nil))
        }
        return providers
    }

    func oidcProviders(for organisation: Organisation) -> [AppConfig.OIDCProviderSetting] {
        oidcProviders.filter { $0.offered(to: organisation) }
    }

    /// Discovery documents and key sets of the providers; created by `configure`.
    var oidcProviderCache: OIDCProviderCache {
        get { required(OIDCCacheKey.self, "the OpenID provider cache") }
        set { storage[OIDCCacheKey.self] = newValue }
    }

    var oidcClient: OIDCClient { OIDCClient(httpClient: http.client.shared, cache: oidcProviderCache) }

    /// Where a provider sends the browser back: one fixed address per provider, as providers register it.
    func oidcRedirectURI(provider: String) -> String {
        config.publicBaseURL + SiteRoute.memberOIDCCallback(.value(provider)).path
    }
}
