import Foundation

/// When to try a failed job again: exponential backoff with a ceiling and bounded jitter, so many
/// instances retrying the same outage do not all come back at the same second.
public struct RetryPolicy: Sendable, Equatable {
    public var baseDelay: TimeInterval
    public var multiplier: Double
    public var maximumDelay: TimeInterval
    /// Fraction of the delay that is randomised, 0...1.
    public var jitter: Double

    public init(baseDelay: TimeInterval = 30, multiplier: Double = 2, maximumDelay: TimeInterval = 3600, jitter: Double = 0.2) {
        precondition(baseDelay > 0 && multiplier >= 1 && maximumDelay >= baseDelay && (0...1).contains(jitter))
        self.baseDelay = baseDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.jitter = jitter
    }

    /// The delay after the given failed attempt (1 = the first attempt failed).
    /// - Parameter unit: a number in 0..<1 from the injected random source; 0.5 means no jitter.
    public func delay(afterAttempt attempt: Int, unit: Double) -> TimeInterval {
        let exponent = Double(max(attempt - 1, 0))
        let raw = min(baseDelay * pow(multiplier, exponent), maximumDelay)
        let spread = raw * jitter
        return min(max(raw - spread + 2 * spread * unit, 0), maximumDelay)
    }
}
