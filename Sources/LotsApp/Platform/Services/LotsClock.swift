import Foundation
import Vapor

/// Time is injected so deadlines, retention and job backoff can be tested at fixed dates.
public protocol LotsClock: Sendable {
    func now() -> Date
}

public struct SystemClock: LotsClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock tests can set and advance.
public final class FixedClock: LotsClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ date: Date) { current = date }

    public func now() -> Date { lock.withLock { current } }
    public func set(_ date: Date) { lock.withLock { current = date } }
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any LotsClock }

    public var clock: any LotsClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var clock: any LotsClock { application.clock }
}
