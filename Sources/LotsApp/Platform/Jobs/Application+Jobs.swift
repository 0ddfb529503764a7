import Vapor

extension Application {
    private struct JobRunnerKey: StorageKey { typealias Value = JobRunner }

    /// The registry of job handlers and schedules, and the in-process runner.
    var jobs: JobRunner {
        if let existing = storage[JobRunnerKey.self] { return existing }
        let runner = JobRunner()
        storage[JobRunnerKey.self] = runner
        return runner
    }

    var jobQueue: JobQueue { JobQueue(clock: clock) }
}

/// Starts the runner when the server starts and lets in-flight jobs finish on shutdown.
struct JobRunnerLifecycle: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {}

    func shutdownAsync(_ application: Application) async {
        await application.jobs.stop()
    }
}
