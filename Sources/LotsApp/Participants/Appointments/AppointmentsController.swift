import Fluent
import Foundation
import Vapor

/// Booking meetings and registering attendance from the participant's profile.
enum AppointmentsController {
    private static func participantID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        return id
    }

    /// `datetime-local` input: "2026-11-24T10:00", in Swedish time.
    static func parseLocal(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }

    @Sendable
    static func book(req: Request) async throws -> Response {
        struct Form: Content {
            var kind: String
            var mode: String
            var startsAt: String
            var durationMinutes: String?
            var title: String?
        }
        let participantID = try participantID(req)
        guard let form = try? req.content.decode(Form.self), let kind = AppointmentKind(rawValue: form.kind),
              let mode = MeetingMode(rawValue: form.mode), let startsAt = parseLocal(form.startsAt) else {
            return redirect(req, participantID, problem: "invalid")
        }
        do {
            _ = try await req.application.appointmentBook.book(
                .init(kind: kind, mode: mode, startsAt: startsAt, durationMinutes: form.durationMinutes.flatMap { Int($0) } ?? 0, title: form.title),
                participantID: participantID, by: try req.staffActor(), on: req.db)
        } catch let problem as AppointmentBook.Problem {
            return try refusal(req, participantID, problem)
        }
        return redirect(req, participantID, problem: nil, done: "booked")
    }

    @Sendable
    static func attendance(req: Request) async throws -> Response {
        struct Form: Content {
            var status: String
            var reason: String?
            // Empty number inputs arrive as "": read as text, then as a number.
            var minutesMissed: String?
            var note: String?
        }
        let participantID = try participantID(req)
        guard let appointmentID = req.parameters.get("appointmentID", as: UUID.self) else { throw Abort(.notFound) }
        guard let form = try? req.content.decode(Form.self), let status = AttendanceStatus(rawValue: form.status) else {
            return redirect(req, participantID, problem: "invalid")
        }
        do {
            try await req.application.appointmentBook.register(
                .init(status: status, reason: form.reason.flatMap(AbsenceReason.init(rawValue:)), minutesMissed: form.minutesMissed.flatMap { Int($0) }, note: form.note),
                appointmentID: appointmentID, participantID: participantID, by: try req.staffActor(), on: req.db)
        } catch let problem as AppointmentBook.Problem {
            return try refusal(req, participantID, problem)
        }
        return redirect(req, participantID, problem: nil, done: "registered")
    }

    private static func refusal(_ req: Request, _ participantID: UUID, _ problem: AppointmentBook.Problem) throws -> Response {
        switch problem {
        case .noAccess: throw Abort(.forbidden)
        case .notFound: throw Abort(.notFound)
        case .invalidDuration: return redirect(req, participantID, problem: "duration")
        case .tooLong: return redirect(req, participantID, problem: "too_long")
        case .reasonMissing: return redirect(req, participantID, problem: "reason")
        case .minutesInvalid: return redirect(req, participantID, problem: "minutes")
        case .notYetHeld: return redirect(req, participantID, problem: "not_yet")
        }
    }

    /// Back to the profile's appointments, with what happened (`?appointment=` for the page's message).
    private static func redirect(_ req: Request, _ participantID: UUID, problem: String?, done: String? = nil) -> Response {
        let outcome = problem.map { "problem_" + $0 } ?? done ?? ""
        return req.redirect(to: SiteRoute.participant(.value(participantID)).path + "?appointment=" + outcome)
    }
}
