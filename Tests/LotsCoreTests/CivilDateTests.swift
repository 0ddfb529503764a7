import Foundation
import Testing
@testable import LotsCore

/// CivilDate counts days itself; these compare it with Foundation's Gregorian calendar.
@Suite struct CivilDateTests {
    static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    @Test func dayNumbersAgreeWithTheGregorianCalendar() throws {
        let utc = Self.calendar(TimeZone(identifier: "UTC")!)
        let epoch = try #require(CivilDate(year: 1970, month: 1, day: 1))
        #expect(epoch.dayNumber == 0)
        // Every day from 1899 to 2101 (century years, leap days, the epoch), by Foundation's count.
        var date = try #require(utc.date(from: DateComponents(year: 1899, month: 1, day: 1)))
        var expectedNumber = try #require(utc.dateComponents([.day], from: utc.date(from: DateComponents(year: 1970, month: 1, day: 1))!, to: date).day)
        while utc.component(.year, from: date) <= 2101 {
            let parts = utc.dateComponents([.year, .month, .day], from: date)
            let civil = try #require(CivilDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(civil.dayNumber == expectedNumber)
            #expect(CivilDate(dayNumber: expectedNumber) == civil)
            date = utc.date(byAdding: .day, value: 1, to: date)!
            expectedNumber += 1
        }
    }

    @Test func arithmeticAndText() throws {
        let leap = try #require(CivilDate(year: 2024, month: 2, day: 28))
        #expect(leap.adding(days: 1).description == "2024-02-29")
        #expect(leap.adding(days: 2).description == "2024-03-01")
        #expect(CivilDate(year: 2100, month: 2, day: 28)!.adding(days: 1).description == "2100-03-01")
        #expect(CivilDate(year: 2027, month: 1, day: 1)!.days(since: CivilDate(year: 2026, month: 1, day: 1)!) == 365)
        #expect(CivilDate(year: 2026, month: 1, day: 1)!.days(since: CivilDate(year: 2027, month: 1, day: 1)!) == -365)
        #expect(leap.adding(days: -60).description == "2023-12-30")
        #expect(CivilDate(year: 5, month: 7, day: 9)!.description == "0005-07-09")
    }

    @Test func instantsFallOnTheirDateInTheZone() throws {
        let stockholm = Self.calendar(CivilDate.stockholm)
        // Around midnight, in winter and summer time, and across the spring and autumn changes.
        for (year, month, day) in [(2026, 1, 15), (2026, 3, 29), (2026, 7, 1), (2026, 10, 25), (1999, 12, 31), (2000, 2, 29)] {
            let midnight = try #require(stockholm.date(from: DateComponents(year: year, month: month, day: day)))
            for offset: TimeInterval in [-1, 0, 1, 3_600, 43_200, 86_399, 82_799] {
                let instant = midnight.addingTimeInterval(offset)
                let parts = stockholm.dateComponents([.year, .month, .day], from: instant)
                #expect(CivilDate(instant) == CivilDate(year: parts.year!, month: parts.month!, day: parts.day!), "\(instant)")
            }
        }
        let utcInstant = Date(timeIntervalSince1970: 1_767_225_599) // 2025-12-31 23:59:59 UTC, 00:59:59 in Stockholm
        #expect(CivilDate(utcInstant, timeZone: TimeZone(identifier: "UTC")!).description == "2025-12-31")
        #expect(CivilDate(utcInstant).description == "2026-01-01")
    }
}
