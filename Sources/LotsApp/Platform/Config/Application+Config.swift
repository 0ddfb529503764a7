import Vapor

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    /// The validated configuration; set once by `configure`.
    public var config: AppConfig {
        get { required(ConfigKey.self, "the configuration") }
        set { storage[ConfigKey.self] = newValue }
    }
}
