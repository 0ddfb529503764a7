import Vapor

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    /// The validated configuration; set once by `configure`.
    public var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:config:) has not run") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
