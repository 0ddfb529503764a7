import Fluent
import Foundation
import LotsCore
import Vapor

/// Participant pages. Every read goes through `ParticipantRecords`, which audits it.
enum ParticipantsController {
    @Sendable
    static func list(req: Request) async throws -> HTML {
        let staff = try req.staffActor()
        let page = max(1, min(req.queryValue("page").flatMap { Int($0) } ?? 1, 100_000))
        let (rows, hasMore) = try await req.application.participantRecords.list(for: staff, page: page, on: req.db)
        return ParticipantListPage.render(.init(rows: rows, page: page, hasMore: hasMore, scope: ParticipantScope(staff)), context: req.pageContext)
    }

    @Sendable
    static func search(req: Request) async throws -> Response {
        let staff = try req.staffActor()
        let text = req.queryValue("q") ?? ""
        let purposeValue = req.queryValue("purpose") ?? ""
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
        let staff = try req.staffActor()
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            let profile = try await req.application.participantRecords.profile(id, for: staff, on: req.db)
            return try await render(profile, for: staff, req: req)
        } catch let failure as ParticipantRecords.Failure {
            switch failure {
            case .notFound: throw Abort(.notFound)
            case .noAccess(let participantID, mayRequest: true):
                return req.redirect(to: SiteRoute.participantAccess(.value(participantID)).path)
            case .noAccess: throw Abort(.forbidden)
            }
        }
    }

    /// The profile page with what this reader sees besides the profile.
    private static func render(_ profile: ParticipantProfile, for staff: StaffActor, contactReasonMissing: Bool = false,
                               status: HTTPStatus = .ok, req: Request) async throws -> Response {
        var extras = ParticipantProfilePage.Extras(contactReasonMissing: contactReasonMissing)
        for section in ParticipantProfilePage.Extras.sections {
            if let outcome = req.queryValue(section) { extras.outcomes[section] = outcome }
        }
        // A unit manager following up also sees who has opened the participant, and why (the view's
        // own audit event covers it: this is part of the same page).
        if profile.basis == .unitFollowUp {
            extras.accessLog = try await AuditReview.rows(organisationID: staff.organisationID,
                                                          filter: .init(subject: SubjectReference.participant(profile.id)), on: req.db)
        }
        let protection = req.application.protectedIdentity
        if staff.has(.administrator) {
            extras.protection = try await protection.administration(of: profile.id, for: staff, on: req.db)
        }
        if profile.protectedIdentity, profile.contact == nil {
            extras.mayOpenContact = try await protection.isNamed(staff, for: profile.id, on: req.db)
        }
        let response = ParticipantProfilePage.render(profile, extras: extras, context: req.pageContext).encodeResponse(status: status)
        // Opened contact details of a protected identity must not stay in any cache.
        if profile.protectedIdentity, profile.contact != nil { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
        return response
    }

    /// A named staff member opens a protected participant's contact details, giving a reason.
    @Sendable
    static func openProtectedContact(req: Request) async throws -> Response {
        struct Form: Content { var reason: String? }
        let staff = try req.staffActor()
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        let reason = (try? req.content.decode(Form.self))?.reason ?? ""
        do {
            let profile = try await req.application.protectedIdentity.openContact(id, reason: reason, by: staff, on: req.db)
            return try await render(profile, for: staff, req: req)
        } catch let problem as ProtectedIdentity.Problem {
            switch problem {
            case .notFound, .unknownStaff: throw Abort(.notFound)
            case .notNamed: throw Abort(.forbidden)
            case .notProtected: return req.redirect(to: SiteRoute.participant(.value(id)).path)
            case .reasonMissing:
                let profile = try await req.application.participantRecords.profile(id, for: staff, on: req.db)
                return try await render(profile, for: staff, contactReasonMissing: true, status: .unprocessableEntity, req: req)
            }
        } catch let failure as ParticipantRecords.Failure {
            throw failure == .notFound ? Abort(.notFound) : Abort(.forbidden)
        }
    }

    /// An administrator marks or unmarks a protected identity, and names who may open the contact details.
    @Sendable
    static func changeProtection(req: Request) async throws -> Response {
        struct Form: Content {
            var action: String
            var staff: UUID?
        }
        let staff = try req.staffActor()
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        guard let form = try? req.content.decode(Form.self) else { throw Abort(.badRequest) }
        let protection = req.application.protectedIdentity
        do {
            switch (form.action, form.staff) {
            case ("mark", _): try await protection.mark(id, protected: true, by: staff, on: req.db)
            case ("unmark", _): try await protection.mark(id, protected: false, by: staff, on: req.db)
            case ("name", let account?): try await protection.name(account, named: true, for: id, by: staff, on: req.db)
            case ("unname", let account?): try await protection.name(account, named: false, for: id, by: staff, on: req.db)
            default: throw Abort(.badRequest)
            }
        } catch let problem as ProtectedIdentity.Problem {
            switch problem {
            case .notFound: throw Abort(.notFound)
            case .unknownStaff, .notProtected, .notNamed, .reasonMissing:
                return req.redirect(to: SiteRoute.participant(.value(id)).path + "?protection=refused")
            }
        }
        return req.redirect(to: SiteRoute.participant(.value(id)).path + "?protection=" + form.action)
    }

    @Sendable
    static func accessForm(req: Request) async throws -> Response {
        _ = try req.staffActor()
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        return AccessRequestPage.render(.init(participantID: id, reason: nil, explanation: "", error: false), context: req.pageContext)
            .encodeResponse(status: .ok)
    }

    @Sendable
    static func grantAccess(req: Request) async throws -> Response {
        struct Form: Content { var reason: String?; var explanation: String? }
        let staff = try req.staffActor()
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
