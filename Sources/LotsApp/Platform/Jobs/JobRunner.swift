import Fluent
import Foundation
import LotsCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Runs queued jobs inside the server process. Several instances may share one PostgreSQL database:
/// a job is claimed with a lease (`FOR UPDATE SKIP LOCKED`), so each runs on one instance at a time and
/// is taken over when a crashed instance's lease runs out.
final class JobRunner: Sendable {
    let instanceID = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    private let state = NIOLockedValueBox(State())
    let retryPolicy: RetryPolicy
    let concurrency: Int
    /// How long a worker may hold a job before another instance may take it over.
    let leaseDuration: TimeInterval = 300

    private struct State {
        var handlers: [String: any JobHandler] = [:]
        var schedules: [JobSchedule] = []
        var loop: Task<Void, Never>?
    }

    init(retryPolicy: RetryPolicy = RetryPolicy(), concurrency: Int = 2) {
        self.retryPolicy = retryPolicy
        self.concurrency = concurrency
    }

    func register(_ handler: any JobHandler) {
        state.withLockedValue { $0.handlers[handler.name] = handler }
    }

    func schedule(_ handler: any JobHandler, every interval: TimeInterval) {
        let schedule = JobSchedule(name: handler.name, jobName: handler.name, interval: interval)
        state.withLockedValue { $0.schedules.append(schedule) }
    }

    var handlerNames: [String] { state.withLockedValue { $0.handlers.keys.sorted() } }
    var schedules: [JobSchedule] { state.withLockedValue { $0.schedules } }

    func handler(named name: String) -> (any JobHandler)? {
        state.withLockedValue { $0.handlers[name] }
    }

    // MARK: - lifecycle

    func start(on app: Application, pollInterval: TimeInterval) {
        let task = Task {
            do { try await self.installSchedules(on: app) } catch {
                app.logger.error("job schedules could not be installed: \(ErrorDescription.safe(error))")
            }
            while !Task.isCancelled {
                var worked = 0
                do { worked = try await self.tick(on: app) } catch {
                    app.logger.error("job runner tick failed: \(ErrorDescription.safe(error))")
                }
                if worked == 0 { try? await Task.sleep(for: .milliseconds(Int(pollInterval * 1000))) }
            }
        }
        state.withLockedValue { $0.loop = task }
    }

    func stop() async {
        let task = state.withLockedValue { state -> Task<Void, Never>? in
            defer { state.loop = nil }
            return state.loop
        }
        task?.cancel()
        await task?.value
    }

    // MARK: - one round

    /// Enqueues due schedules, then claims and runs up to `concurrency` jobs. Returns how many ran.
    @discardableResult
    func tick(on app: Application) async throws -> Int {
        try await enqueueDueSchedules(on: app)
        var claimed: [ClaimedJob] = []
        for _ in 0..<concurrency {
            guard let job = try await claim(on: app.db, now: app.clock.now(), only: nil) else { break }
            claimed.append(job)
        }
        await withTaskGroup(of: Void.self) { group in
            for job in claimed { group.addTask { await self.execute(job, on: app) } }
        }
        return claimed.count
    }

    /// Runs ticks until nothing is due; for tests and the CLI.
    func drain(on app: Application, maxRounds: Int = 1000) async throws {
        for _ in 0..<maxRounds where try await tick(on: app) > 0 {}
    }

    /// Runs one specific queued job now, in this process (the `lots jobs run` command).
    func runNow(_ id: UUID, on app: Application) async throws -> JobRecord.Status {
        guard let job = try await claim(on: app.db, now: app.clock.now(), only: id) else {
            throw Abort(.conflict, reason: "job \(id) is not waiting to run")
        }
        await execute(job, on: app)
        return try await JobRecord.find(id, on: app.db)?.status ?? .dead
    }
}
