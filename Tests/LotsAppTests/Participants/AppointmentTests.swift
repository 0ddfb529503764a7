import Fluent
import Foundation
import LotsCore
import SQLKit
import Testing
import Vapor
@testable import LotsApp

/// A handledare books meetings for a participant and registers attendance, through the profile page.
@Suite struct AppointmentTests {
    static func local(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    func book(_ browser: TestBrowser, _ participant: UUID, at date: Date, mode: String = "physical", minutes: Int = 60,
              title: String = "Uppföljning") async throws -> TestBrowser.Page {
        let token = try #require(try await browser.get("/participants/\(participant.uuidString.lowercased())").csrfToken)
        return try await browser.post("/participants/\(participant.uuidString.lowercased())/appointments", form: [
            "_csrf": token, "kind": "individual_meeting", "mode": mode, "startsAt": Self.local(date), "durationMinutes": String(minutes), "title": title])
    }

    func register(_ browser: TestBrowser, _ participant: UUID, _ appointment: UUID, _ form: [String: String]) async throws -> String? {
        let token = try #require(try await browser.get("/participants/\(participant.uuidString.lowercased())").csrfToken)
        let path = "/participants/\(participant.uuidString.lowercased())/appointments/\(appointment.uuidString.lowercased())/attendance"
        return try await browser.post(path, form: form.merging(["_csrf": token]) { $1 }).location
    }

    @Test func bookRegisterAbsenceAndSeeTheDeviation() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)

            let profile = try await hanna.get("/participants/\(amira.uuidString.lowercased())")
            #expect(profile.body.contains("Inget individuellt möte på 40 dagar") && profile.body.contains("Inget fysiskt möte på 40 dagar"),
                    "Amira started 40 days ago and has had no meeting")

            let booked = try await book(hanna, amira, at: Date().addingTimeInterval(-3600), title: "Möte om praktik")
            #expect(booked.location?.contains("appointment=booked") == true)
            let appointment = try #require(try await Appointment.query(on: app.db).filter(\.$participantID == amira).first())
            #expect(!String(decoding: appointment.title ?? Data(), as: UTF8.self).contains("praktik"), "the title is sealed")

            #expect(try await register(hanna, amira, try appointment.requireID(), ["status": "absent"])?.contains("problem_reason") == true)
            let events = try await ParticipantFixture.lastSequence(app)
            #expect(try await register(hanna, amira, try appointment.requireID(), ["status": "absent", "reason": "15", "minutesMissed": "", "note": "Ringde på morgonen"])?
                .contains("appointment=registered") == true)
            let stored = try #require(try await Appointment.find(try appointment.requireID(), on: app.db))
            #expect(stored.status == .absent && stored.absenceReason != nil && stored.absenceReason != Data("15".utf8))
            let audit = try await ParticipantFixture.events(after: events, in: app)
            #expect(audit.compactMap(\.query) == ["profile", "attendance absent"], "the status is audited, the (health) reason is not")

            let page = try await hanna.get("/participants/\(amira.uuidString.lowercased())")
            #expect(page.body.contains("Möte om praktik") && page.body.contains("15 Sjuk") && page.body.contains("Ringde på morgonen"))
            #expect(page.body.contains("data-e2e=\"deviation\""))
            #expect(page.body.contains("Inget individuellt möte"), "an absence is not a meeting held")
        }
    }

    @Test func lateArrivalsCountAsDeviationsOverFifteenMinutesAndMeetingsHeldClearTheWarnings() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            _ = try await book(hanna, amira, at: Date().addingTimeInterval(-7200), minutes: 60)
            _ = try await book(hanna, amira, at: Date().addingTimeInterval(-3600), mode: "video", minutes: 60)
            let appointments = try await Appointment.query(on: app.db).filter(\.$participantID == amira).sort(\.$startsAt).all()
            #expect(try await register(hanna, amira, try appointments[0].requireID(), ["status": "partly", "reason": "18", "minutesMissed": "90"])?
                .contains("problem_minutes") == true, "no more minutes missed than the meeting lasted")
            _ = try await register(hanna, amira, try appointments[0].requireID(), ["status": "partly", "reason": "18", "minutesMissed": "10"])
            _ = try await register(hanna, amira, try appointments[1].requireID(), ["status": "partly", "reason": "16", "minutesMissed": "20"])
            let page = try await hanna.get("/participants/\(amira.uuidString.lowercased())")
            #expect(page.body.components(separatedBy: "data-e2e=\"deviation\"").count - 1 == 1, "20 minutes is a deviation, 10 is not")
            #expect(!page.body.contains("Inget individuellt möte") && !page.body.contains("Inget fysiskt möte"),
                    "a physical meeting today, even if partly attended, meets both rules")
            let list = try await hanna.get("/participants")
            #expect(list.body.contains("Amira Exempelsdotter") && !list.body.contains("på 40 dagar"), "the caseload's warning is gone too")

            // A meeting in the future cannot have its attendance registered yet.
            _ = try await book(hanna, amira, at: Date().addingTimeInterval(86_400))
            let future = try #require(try await Appointment.query(on: app.db).filter(\.$participantID == amira).sort(\.$startsAt, .descending).first())
            #expect(try await register(hanna, amira, try future.requireID(), ["status": "attended"])?.contains("problem_not_yet") == true)
        }
    }

    @Test func theCaseloadAndStartPageShowWhatIsDue() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let list = try await hanna.get("/participants")
            #expect(list.body.contains("Inget individuellt möte på 40 dagar"), "the caseload warns about Amira")

            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
            let yesterday = calendar.startOfDay(for: Date()).addingTimeInterval(-12 * 3600)
            let laterToday = min(calendar.startOfDay(for: Date()).addingTimeInterval(86_400 - 60), Date().addingTimeInterval(3600))
            _ = try await book(hanna, amira, at: yesterday, title: "Glömd närvaro")
            _ = try await book(hanna, amira, at: laterToday, title: "Dagens möte")
            let events = try await ParticipantFixture.lastSequence(app)
            let start = try await hanna.get("/start")
            #expect(start.body.contains("data-e2e=\"agenda-today\"") && start.body.contains("Dagens möte"))
            #expect(start.body.contains("data-e2e=\"agenda-overdue\"") && start.body.contains("Glömd närvaro"))
            #expect(start.body.contains("Amira Exempelsdotter"))
            let audit = try await ParticipantFixture.events(after: events, in: app)
            #expect(audit.map(\.query) == ["agenda"] && audit.first?.subject == SubjectReference.participant(amira), "the agenda's names are a read, audited")

            // The participant sees the coming meeting on her own page.
            let (token, _) = try await app.sessionStore.create(kind: .participant, accountID: amira, organisationID: try #require(
                try await Participant.find(amira, on: app.db)).organisationID, method: "test", now: app.clock.now(), on: app.db)
            let own = TestBrowser(app)
            own.setCookie(SessionMiddleware.cookieName, token)
            let page = try await own.get("/me")
            #expect(page.body.contains("data-e2e=\"upcoming\"") && page.body.contains("Dagens möte") && !page.body.contains("Glömd närvaro"))
        }
    }

    @Test func onlyTheParticipantsHandledareDocuments() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let hugo = try await TestBrowser.signedIn(as: "Hugo Handledarsson", in: app)
            let token = try #require(try await hugo.get("/start").csrfToken)
            let refused = try await hugo.post("/participants/\(amira.uuidString.lowercased())/appointments", form: [
                "_csrf": token, "kind": "individual_meeting", "mode": "physical", "startsAt": Self.local(Date()), "durationMinutes": "60"])
            #expect(refused.status == .forbidden)
            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            let profile = try await eva.get("/participants/\(amira.uuidString.lowercased())")
            #expect(profile.status == .ok && !profile.body.contains("data-e2e=\"booking-form\""), "a unit manager follows up, does not document")
            let evaToken = try #require(profile.csrfToken)
            #expect(try await eva.post("/participants/\(amira.uuidString.lowercased())/appointments", form: ["_csrf": evaToken]).status == .forbidden)
            #expect(try await Appointment.query(on: app.db).count() == 0)
        }
    }

    @Test func cadenceRules() throws {
        let start = try #require(CivilDate(year: 2026, month: 10, day: 1))
        func meeting(_ day: Int, _ mode: MeetingMode, _ status: AttendanceStatus = .attended) -> MeetingCadence.Meeting {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
            return .init(kind: .individualMeeting, mode: mode, startsAt: calendar.date(from: DateComponents(year: 2026, month: 10, day: day, hour: 10))!,
                         status: status)
        }
        let today = try #require(CivilDate(year: 2026, month: 10, day: 31))
        #expect(MeetingCadence.warnings([], placementStart: start, today: CivilDate(year: 2026, month: 10, day: 15)!) == [],
                "14 days into the placement nothing is due yet")
        #expect(MeetingCadence.warnings([], placementStart: start, today: today) == [.individualMeetingDue(days: 30), .physicalMeetingDue(days: 30)])
        #expect(MeetingCadence.warnings([meeting(20, .video)], placementStart: start, today: today) == [.physicalMeetingDue(days: 30)])
        #expect(MeetingCadence.warnings([meeting(5, .physical), meeting(20, .phone)], placementStart: start, today: today) == [])
        #expect(MeetingCadence.warnings([meeting(5, .physical), meeting(20, .phone, .absent)], placementStart: start, today: today)
            == [.individualMeetingDue(days: 26)])
        #expect(MeetingCadence.warnings([], placementStart: CivilDate(year: 2026, month: 11, day: 5)!, today: today) == [], "not started yet")
    }
}
