import Fluent
import Foundation
import LotsCore
import Testing
import Vapor
@testable import LotsApp

/// A workshop with a participant list: enrolment into each record, a list with first names and case
/// numbers only, attendance that flows into the records, and the list deleted after it.
@Suite struct GroupActivityTests {
    func create(_ browser: TestBrowser, _ app: Application, startsAt: Date) async throws -> UUID {
        let page = try await browser.get("/activities")
        let unit = try #require(try await OrganisationUnit.query(on: app.db).filter(\.$name == "Rusta och matcha, Exempelstad city").first())
        let created = try await browser.post("/activities", form: [
            "_csrf": try #require(page.csrfToken), "kind": "workshop", "title": "CV-verkstad", "startsAt": AppointmentTests.local(startsAt),
            "durationMinutes": "120", "location": "Sal 2", "unit": try unit.requireID().uuidString])
        #expect(created.status == .seeOther)
        return try #require(created.location.flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) })
    }

    @Test func aWorkshopFromEnrolmentToAttendanceAndTheListIsDeleted() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let id = try await create(hanna, app, startsAt: Date().addingTimeInterval(-3 * 3600))
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let bertil = try await ParticipantFixture.id(of: "Bertil", in: app)
            let elif = try await ParticipantFixture.id(of: "Elif", in: app)

            let page = try await hanna.get("/activities/\(id.uuidString.lowercased())")
            #expect(page.status == .ok && page.body.contains("Amira Exempelsdotter") && !page.body.contains("Elif"), "only her caseload to enrol")
            let token = try #require(page.csrfToken)
            #expect(try await hanna.post("/activities/\(id.uuidString.lowercased())/enrolments",
                                         form: ["_csrf": token, "participant[]": elif.uuidString]).status == .forbidden, "not a colleague's participant")
            let enrolled = try await hanna.post("/activities/\(id.uuidString.lowercased())/enrolments?participant[]=\(amira.uuidString)",
                                                form: ["_csrf": token, "participant[0]": amira.uuidString, "participant[1]": bertil.uuidString])
            #expect(enrolled.status == .seeOther)
            #expect(try await GroupActivityEnrolment.query(on: app.db).count() == 2)
            let profile = try await hanna.get("/participants/\(amira.uuidString.lowercased())")
            #expect(profile.body.contains("CV-verkstad"), "the activity is in Amira's record")

            let list = try await hanna.get("/activities/\(id.uuidString.lowercased())/list")
            #expect(list.body.contains("Amira") && list.body.contains("Bertil"))
            #expect(!list.body.contains("Exempelsdotter") && !list.body.contains("Provsson"), "first names only")
            #expect(list.body.contains("DEMO-1000-1"), "and case numbers")

            // Another unit's handledare does not see the activity.
            let hedda = try await TestBrowser.signedIn(as: "Hedda Handledarsson", in: app)
            #expect(try await hedda.get("/activities/\(id.uuidString.lowercased())").status == .forbidden)

            let enrolments = try await GroupActivityEnrolment.query(on: app.db).all()
            let amiraRow = try #require(enrolments.first { $0.participantID == amira }).requireID().uuidString.lowercased()
            let bertilRow = try #require(enrolments.first { $0.participantID == bertil }).requireID().uuidString.lowercased()
            let path = "/activities/\(id.uuidString.lowercased())/attendance"
            #expect(try await hanna.post(path, form: ["_csrf": token, "status-\(amiraRow)": "attended", "status-\(bertilRow)": "absent"]).status
                == .unprocessableEntity, "an absence needs AF's reason")
            let registered = try await hanna.post(path, form: ["_csrf": token, "status-\(amiraRow)": "attended", "status-\(bertilRow)": "absent",
                                                               "reason-\(bertilRow)": "17"])
            #expect(registered.status == .seeOther)
            #expect(try await GroupActivityEnrolment.query(on: app.db).count() == 0, "the list is deleted once attendance is registered")
            let statuses = try await Appointment.query(on: app.db).filter(\.$kind == .activity).all()
            #expect(Set(statuses.map { "\($0.participantID == amira ? "amira" : "bertil"):\($0.status.rawValue)" }) == ["amira:attended", "bertil:absent"])
            let after = try await hanna.get("/activities/\(id.uuidString.lowercased())")
            #expect(after.body.contains("data-e2e=\"list-deleted\""))
            #expect(try await hanna.post(path, form: ["_csrf": token]).status == .gone)
        }
    }

    @Test func listsAreDeletedSevenDaysAfterTheActivityAtTheLatest() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let old = try await create(hanna, app, startsAt: Date().addingTimeInterval(-8 * 86_400))
            let recent = try await create(hanna, app, startsAt: Date().addingTimeInterval(-86_400))
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let token = try #require(try await hanna.get("/activities").csrfToken)
            for id in [old, recent] {
                _ = try await hanna.post("/activities/\(id.uuidString.lowercased())/enrolments", form: ["_csrf": token, "participant[0]": amira.uuidString])
            }
            let job = try await app.jobQueue.enqueue(ParticipantListPurgeJob(), payload: [String: String](), on: app.db)
            #expect(try await app.jobs.runNow(job, on: app) == .succeeded)
            #expect(try await GroupActivity.find(old, on: app.db)?.listDeletedAt != nil)
            #expect(try await GroupActivity.find(recent, on: app.db)?.listDeletedAt == nil)
            #expect(try await GroupActivityEnrolment.query(on: app.db).all().map(\.activityID) == [recent])
            #expect(try await Appointment.query(on: app.db).filter(\.$participantID == amira).count() == 2, "the records keep both activities")
        }
    }
}
