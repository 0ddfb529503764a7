import Foundation
import Testing
@testable import LotsApp

/// The hand-written time texts agree with Foundation's formatters, across daylight-saving changes.
@Suite struct TimeTextTests {
    @Test func agreesWithDateFormatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "sv_SE")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var generator = SystemRandomNumberGenerator()
        // Around the 2026 changes (29 March, 25 October), and spread over 1900-2100.
        let changes = [1_774_746_000.0, 1_792_890_000.0]
        let samples = changes.flatMap { change in stride(from: change - 7200, through: change + 7200, by: 599).map { $0 } }
            + (0..<2000).map { _ in Double.random(in: -2_208_988_800...4_102_444_800, using: &generator) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(TimeText.local(date, seconds: true) == formatter.string(from: date), "\(seconds)")
            #expect(TimeText.iso8601(date) == date.formatted(.iso8601), "\(seconds)")
        }
        #expect(TimeText.local(Date(timeIntervalSince1970: 1_795_420_800)) == "2026-11-23 09:00")
    }
}
