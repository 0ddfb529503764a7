import Fluent
import Foundation
import LotsCore
import Plot
import Vapor

/// Participant pages. Every read goes through `ParticipantRecords`, which audits it.
enum ParticipantsController {
    @Sendable
    static func list(req: Request) async throws -> HTML {
        let staff = try staff(req)
        let page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 100_000))
        let (rows, hasMore) = try await req.application.participantRecords.list(for: staff, page: page, on: req.db)
        return ParticipantListPage.render(.init(rows: rows, page: page, hasMore: hasMore, scope: ParticipantScope(staff)), context: req.pageContext)
    }

    @Sendable
    static func search(req: Request) async throws -> Response {
        let staff = try staff(req)
        let text = req.query[String.self, at: "q"] ?? ""
        let purposeValue = req.query[String.self, at: "purpose"] ?? ""
        var model = ParticipantSearchPage.Model(query: text, purpose: SearchPurpose(rawValue: purposeValue), hits: nil, error: nil)
        guard !text.isEmpty || !purposeValue.isEmpty else { return ParticipantSearchPage.render(model, context: req.pageContext).encodeResponse(status: .ok) }
        guard let purpose = model.purpose else {
            model.error = .purposeMissing
            return ParticipantSearchPage.render(model, context: req.pageContext).encodeResponse(status: .unprocessableEntity)
        }
        guard text.count <= 100, let term = ParticipantSearchTerm(text, today: CivilDate(req.clock.now())) else {
            model.error = .termInvalid
            return ParticipantSearchPage.render(model, context: req.pageContext).encodeResponse(status: .unprocessableEntity)
        }
        model.hits = try await req.application.participantRecords.search(term, purpose: purpose, for: staff, on: req.db)
        return ParticipantSearchPage.render(model, context: req.pageContext).encodeResponse(status: .ok)
    }

    @Sendable
    static func profile(req: Request) async throws -> Response {
        let staff = try staff(req)
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            let profile = try await req.application.participantRecords.profile(id, for: staff, on: req.db)
            // A unit manager following up also sees who has opened the participant, and why (the view's
            // own audit event covers it: this is part of the same page).
            var accessLog: [AuditReview.Row]? = nil
            if profile.basis == .unitFollowUp {
                accessLog = try await AuditReview.rows(organisationID: staff.organisationID,
                                                       filter: .init(subject: SubjectReference.participant(id)), on: req.db)
            }
            return ParticipantProfilePage.render(profile, accessLog: accessLog, appointmentOutcome: req.query[String.self, at: "appointment"],
                                                 documentOutcome: req.query[String.self, at: "document"],
                                                 journalOutcome: req.query[String.self, at: "journal"], planOutcome: req.query[String.self, at: "plan"],
                                                 context: req.pageContext)
                .encodeResponse(status: .ok)
        } catch let failure as ParticipantRecords.Failure {
            switch failure {
            case .notFound: throw Abort(.notFound)
            case .noAccess(let participantID, mayRequest: true):
                return req.redirect(to: SiteRoute.participantAccess(.value(participantID)).path)
            case .noAccess: throw Abort(.forbidden)
            }
        }
    }

    @Sendable
    static func accessForm(req: Request) async throws -> Response {
        _ = try staff(req)
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        return AccessRequestPage.render(.init(participantID: id, reason: nil, explanation: "", error: false), context: req.pageContext)
            .encodeResponse(status: .ok)
    }

    @Sendable
    static func grantAccess(req: Request) async throws -> Response {
        struct Form: Content { var reason: String?; var explanation: String? }
        let staff = try staff(req)
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode(Form.self)
        let explanation = form.explanation ?? ""
        guard let reason = form.reason.flatMap(AccessReason.init(rawValue:)), explanation.count <= 1000 else {
            return AccessRequestPage.render(.init(participantID: id, reason: nil, explanation: String(explanation.prefix(1000)), error: true),
                                            context: req.pageContext).encodeResponse(status: .unprocessableEntity)
        }
        do {
            _ = try await req.application.participantRecords.grantAccess(to: id, reason: reason, explanation: explanation, for: staff, on: req.db)
        } catch ParticipantRecords.Failure.notFound {
            throw Abort(.notFound)
        }
        return req.redirect(to: SiteRoute.participant(.value(id)).path)
    }

    private static func staff(_ req: Request) throws -> StaffActor {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        return StaffActor(session)
    }
}

extension Application {
    private struct UnauditedReadsKey: StorageKey { typealias Value = Bool }

    /// Set only by `serve --demo --unaudited-reads-for-benchmark`, for the side-by-side benchmark.
    var unauditedReadsForBenchmark: Bool {
        get { storage[UnauditedReadsKey.self] ?? false }
        set { storage[UnauditedReadsKey.self] = newValue }
    }

    var participantRecords: ParticipantRecords {
        ParticipantRecords(keyRing: keyRing, audit: auditLog, clock: clock, auditsReads: !unauditedReadsForBenchmark)
    }

    var participantRegistry: ParticipantRegistry { ParticipantRegistry(keyRing: keyRing, audit: auditLog) }
}
