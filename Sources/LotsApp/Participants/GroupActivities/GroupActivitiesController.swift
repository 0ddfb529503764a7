import Fluent
import Foundation
import Vapor

/// Group activities: the unit's list and a form to create one, an activity's page (enrol participants,
/// register attendance) and its printable participant list.
enum GroupActivitiesController {
    private static func units(_ req: Request, _ staff: StaffActor) async throws -> [(id: UUID, name: String)] {
        var query = OrganisationUnit.query(on: req.db).filter(\.$organisation.$id == staff.organisationID)
        if let units = GroupActivities.units(of: staff) { query = query.filter(\.$id ~~ Array(units)) }
        return try await query.sort(\.$name).all().map { (try $0.requireID(), $0.name) }
    }

    private static func map(_ problem: GroupActivities.Problem) -> Abort {
        switch problem {
        case .notFound: Abort(.notFound)
        case .noAccess: Abort(.forbidden)
        case .invalid: Abort(.unprocessableEntity, reason: "Check the form: every field within its limits, and a reason for each absence.")
        case .listDeleted: Abort(.gone, reason: "The participant list has been deleted.")
        case .notYetHeld: Abort(.unprocessableEntity, reason: "Attendance is registered once the activity has started.")
        }
    }

    @Sendable
    static func index(req: Request) async throws -> HTML {
        let staff = try req.staffActor()
        let activities = try await req.application.groupActivities.activities(for: staff, on: req.db)
        return GroupActivitiesPage.index(.init(activities: activities, units: try await units(req, staff)), context: req.pageContext)
    }

    @Sendable
    static func create(req: Request) async throws -> Response {
        struct Form: Content {
            var kind: String
            var title: String
            var startsAt: String
            var durationMinutes: String?
            var location: String?
            var unit: UUID?
        }
        let staff = try req.staffActor()
        guard let form = try? req.content.decode(Form.self), let kind = GroupActivity.Kind(rawValue: form.kind),
              let startsAt = AppointmentsController.parseLocal(form.startsAt), let unit = form.unit else { throw map(.invalid) }
        do {
            let id = try await req.application.groupActivities.create(
                kind: kind, title: form.title, startsAt: startsAt, durationMinutes: form.durationMinutes.flatMap { Int($0) } ?? 0,
                location: form.location, unitID: unit, by: staff, on: req.db)
            return req.redirect(to: SiteRoute.groupActivity(.value(id)).path)
        } catch let problem as GroupActivities.Problem { throw map(problem) }
    }

    @Sendable
    static func show(req: Request) async throws -> HTML {
        let staff = try req.staffActor()
        guard let id = req.parameters.get("activityID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            let (activity, rows) = try await req.application.groupActivities.list(id, by: staff, on: req.db)
            // Those the staff member may enrol: their own caseload (an audited list read).
            let caseload = activity.listDeletedAt == nil && staff.has(.handledare)
                ? try await req.application.participantRecords.list(for: staff, page: 1, on: req.db).rows : []
            let enrolled = Set(try await GroupActivityEnrolment.query(on: req.db).filter(\.$activityID == id).all().map(\.participantID))
            return GroupActivitiesPage.show(.init(activity: activity, rows: rows, candidates: caseload.filter { !enrolled.contains($0.id) },
                                                  now: req.clock.now()), context: req.pageContext)
        } catch let problem as GroupActivities.Problem { throw map(problem) }
    }

    @Sendable
    static func printable(req: Request) async throws -> HTML {
        let staff = try req.staffActor()
        guard let id = req.parameters.get("activityID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            let (activity, rows) = try await req.application.groupActivities.list(id, by: staff, on: req.db)
            return GroupActivitiesPage.printable(activity, rows: rows, context: req.pageContext)
        } catch let problem as GroupActivities.Problem { throw map(problem) }
    }

    @Sendable
    static func enrol(req: Request) async throws -> Response {
        struct Form: Content { var participant: [UUID]? }
        let staff = try req.staffActor()
        guard let id = req.parameters.get("activityID", as: UUID.self) else { throw Abort(.notFound) }
        let chosen = (try? req.content.decode(Form.self))?.participant ?? []
        do {
            try await req.application.groupActivities.enrol(chosen, in: id, by: staff, on: req.db)
        } catch let problem as GroupActivities.Problem { throw map(problem) }
        return req.redirect(to: SiteRoute.groupActivity(.value(id)).path)
    }

    /// The form sends `status-<enrolment>` and `reason-<enrolment>` for every row of the list.
    @Sendable
    static func attendance(req: Request) async throws -> Response {
        let staff = try req.staffActor()
        guard let id = req.parameters.get("activityID", as: UUID.self) else { throw Abort(.notFound) }
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var statuses: [UUID: (AttendanceStatus, AbsenceReason?)] = [:]
        for (name, value) in fields where name.hasPrefix("status-") {
            guard let enrolment = UUID(uuidString: String(name.dropFirst("status-".count))), let status = AttendanceStatus(rawValue: value) else { continue }
            statuses[enrolment] = (status, fields["reason-" + enrolment.uuidString.lowercased()].flatMap(AbsenceReason.init(rawValue:)))
        }
        do {
            try await req.application.groupActivities.registerAttendance(statuses, for: id, by: staff, on: req.db)
        } catch let problem as GroupActivities.Problem { throw map(problem) }
        return req.redirect(to: SiteRoute.groupActivity(.value(id)).path)
    }
}
