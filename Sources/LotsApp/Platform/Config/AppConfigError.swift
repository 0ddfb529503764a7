/// All configuration problems found at boot, reported together so one restart fixes them all.
public struct AppConfigError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable {
        public var setting: String
        public var message: String
    }

    public var problems: [Problem]

    public var report: String {
        var lines = ["Lots cannot start: the configuration has \(problems.count) problem\(problems.count == 1 ? "" : "s"):", ""]
        for problem in problems {
            lines.append("  - \(problem.setting): \(problem.message)")
        }
        lines.append("")
        lines.append("See .env.example for every setting and its meaning.")
        return lines.joined(separator: "\n") + "\n"
    }

    public var description: String { report }
}
