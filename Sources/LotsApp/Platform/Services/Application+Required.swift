import Vapor

extension Application {
    /// A service `configure` sets at boot. Reading it before is a programming error, not a runtime condition.
    func required<Key: StorageKey>(_ key: Key.Type, _ what: String) -> Key.Value {
        guard let value = storage[key] else { fatalError("\(what) is not configured; configure(_:config:) sets it") }
        return value
    }
}
