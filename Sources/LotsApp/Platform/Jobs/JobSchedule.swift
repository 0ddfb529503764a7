import Foundation

/// A recurring job declared in code; its next run time lives in the database so every instance agrees.
struct JobSchedule: Sendable, Equatable {
    var name: String
    var jobName: String
    var interval: TimeInterval
}
