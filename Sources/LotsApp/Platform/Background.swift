import Dispatch

/// CPU-bound work run on a Dispatch worker thread. Swift concurrency in Lots runs on NIO's event loops, and a
/// task started from an event loop stays on that loop: long synchronous work there would stall everything else
/// the loop serves (including the continuation of the database query it was meant to overlap with).
enum Background {
    static func compute<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// `work` over the two halves of `items` at once, one per core (small inputs in one piece); the results in order.
    static func inHalves<Item: Sendable, Result: Sendable>(_ items: [Item], minimum: Int = 2000,
                                                          _ work: @escaping @Sendable (ArraySlice<Item>) throws -> [Result]) async throws -> [Result] {
        guard items.count >= minimum else { return try work(items[...]) }
        let middle = items.count / 2
        async let first = compute { try work(items[..<middle]) }
        let second = try await compute { try work(items[middle...]) }
        return try await first + second
    }
}
