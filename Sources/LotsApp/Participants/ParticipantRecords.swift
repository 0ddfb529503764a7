import Crypto
import Fluent
import Foundation
import LotsCore
import NIOConcurrencyHelpers
import SQLKit

/// The one audited access path to participants' data. Every list, profile and search writes exactly
/// one audit event (actor, role, purpose, the participants concerned, result count), and waits for it
/// to be committed before anything is decrypted and returned; if the audit write fails, so does the read.
struct ParticipantRecords: Sendable {
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock
    /// False only in the benchmark's unaudited comparison run (`serve --demo --unaudited-reads-for-benchmark`).
    var auditsReads = true

    static let pageSize = 50
    /// At most this many hits are shown (and recorded); a wider search asks for a narrower term.
    static let searchLimit = 50
    /// How long access to a colleague's participant lasts.
    static let grantDuration: TimeInterval = 4 * 60 * 60

    enum Failure: Error, Equatable {
        case notFound
        /// The participant exists in the organisation, but the staff member has no ground to see them. A
        /// handledare may ask for access with a reason.
        case noAccess(participantID: UUID, mayRequest: Bool)
    }

    // MARK: lists

    func list(for staff: StaffActor, page: Int, on db: any Database) async throws -> (rows: [ParticipantSummary], hasMore: Bool) {
        let scope = ParticipantScope(staff)
        guard let basis = scope.basis else { return ([], false) }
        let offset = max(0, page - 1) * Self.pageSize
        let placements = try await ListedPlacement.rows(
            where: scopeCondition(scope, organisationID: staff.organisationID)
                + " ORDER BY starts_on DESC, id LIMIT \(literal: Self.pageSize + 1) OFFSET \(literal: offset)", on: db)
            .filter { $0.organisationID == staff.organisationID }
        var seen = Set<UUID>()
        let latest = placements.prefix(Self.pageSize).filter { seen.insert($0.participantID).inserted }
        let participants = try await participantsByID(latest.map(\.participantID), staff: staff, on: db)
        let shown = latest.filter { participants[$0.participantID] != nil }
        try await record(staff.draft(.view, subject: refs(shown.map(\.participantID)), purpose: basis.purpose, resultCount: shown.count,
                                      query: "list scope=\(scope.auditName) page=\(max(1, page))"))
        let keys = try await keyRing.subjectKeys(shown.map(\.participantID), organisationID: staff.organisationID, on: db)
        let names = try await Names.load(units: shown.map(\.unitID), staff: shown.compactMap(\.handledareID), on: db)
        let meetings = try await meetings(of: shown.map(\.participantID), on: db)
        let today = CivilDate(clock.now())
        let rows = try shown.compactMap { placement -> ParticipantSummary? in
            guard let participant = participants[placement.participantID], let key = keys[placement.participantID] else { return nil }
            var row = try summary(participant, placement, key: key, names: names)
            if placement.endedOn == nil, placement.endsOn >= today.description, let start = CivilDate(parsing: placement.startsOn) {
                row.warnings = MeetingCadence.warnings(meetings[placement.participantID] ?? [], placementStart: start, today: today)
            }
            return row
        }
        return (rows, placements.count > Self.pageSize)
    }

    /// What the cadence rules need of some participants' meetings, in one aggregate query: per participant
    /// and mode, the last individual meeting held (attended or partly) up to the end of today.
    func meetings(of participantIDs: [UUID], on db: any Database) async throws -> [UUID: [MeetingCadence.Meeting]] {
        guard !participantIDs.isEmpty else { return [:] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        let endOfToday = calendar.startOfDay(for: clock.now()).addingTimeInterval(86_400)
        let ids = SQLList(participantIDs.map { SQLBind($0) })
        let rows = try await db.sql.raw("""
            SELECT participant_id, mode, MAX(starts_at) AS last_held FROM appointments
            WHERE participant_id IN (\(ids)) AND kind = \(bind: AppointmentKind.individualMeeting.rawValue)
              AND status IN (\(bind: AttendanceStatus.attended.rawValue), \(bind: AttendanceStatus.partly.rawValue)) AND starts_at < \(bind: endOfToday)
            GROUP BY participant_id, mode
            """).all()
        var meetings: [UUID: [MeetingCadence.Meeting]] = [:]
        for row in rows {
            guard let mode = MeetingMode(rawValue: try row.decode(column: "mode", as: String.self)) else { continue }
            meetings[try row.decode(column: "participant_id", as: UUID.self), default: []].append(
                .init(kind: .individualMeeting, mode: mode, startsAt: try row.decode(column: "last_held", as: Date.self), status: .attended))
        }
        return meetings
    }

    /// A handledare's agenda: today's meetings and activities of their caseload, and earlier ones whose
    /// attendance is not registered yet. One audit event for the participants shown.
    func agenda(for staff: StaffActor, on db: any Database) async throws -> Agenda {
        guard staff.has(.handledare) else { return Agenda(today: [], overdue: []) }
        let caseload = try await Placement.query(on: db).filter(\.$organisationID == staff.organisationID)
            .filter(\.$handledareID == staff.accountID).all().map(\.participantID)
        guard !caseload.isEmpty else { return Agenda(today: [], overdue: []) }
        let now = clock.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        let startOfDay = calendar.startOfDay(for: now)
        let endOfDay = startOfDay.addingTimeInterval(86_400)
        let today = try await Appointment.query(on: db).filter(\.$participantID ~~ Array(Set(caseload)))
            .filter(\.$startsAt >= startOfDay).filter(\.$startsAt < endOfDay).sort(\.$startsAt).range(0..<100).all()
        let overdue = try await Appointment.query(on: db).filter(\.$participantID ~~ Array(Set(caseload)))
            .filter(\.$status == .planned).filter(\.$startsAt < min(now, startOfDay)).sort(\.$startsAt).range(0..<100).all()
        let shownIDs = Array(Set((today + overdue).map(\.participantID)))
        guard !shownIDs.isEmpty else { return Agenda(today: [], overdue: []) }
        try await record(staff.draft(.view, subject: refs(shownIDs.sorted { $0.uuidString < $1.uuidString }), purpose: AccessBasis.ownCaseload.purpose,
                                     resultCount: shownIDs.count, query: "agenda"))
        let participants = try await Participant.query(on: db).filter(\.$id ~~ shownIDs).all()
        let keys = try await keyRing.subjectKeys(shownIDs, organisationID: staff.organisationID, on: db)
        var names: [UUID: String] = [:]
        for participant in participants {
            let id = try participant.requireID()
            guard let key = keys[id] else { continue }
            let row = SealedRow(key: key, table: Participant.schema, rowID: id)
            names[id] = try row.open(participant.givenName, "given_name") + " " + (try row.open(participant.familyName, "family_name"))
        }
        func items(_ list: [Appointment]) throws -> [Agenda.Item] {
            try list.compactMap { appointment in
                guard let name = names[appointment.participantID], let key = keys[appointment.participantID] else { return nil }
                let title = try SealedRow(key: key, table: Appointment.schema, rowID: try appointment.requireID()).open(appointment.title, "title")
                return .init(participantID: appointment.participantID, name: name, startsAt: appointment.startsAt, kind: appointment.kind,
                             mode: appointment.mode, title: title, status: appointment.status)
            }
        }
        return Agenda(today: try items(today), overdue: try items(overdue))
    }

    // MARK: one participant

    /// The profile page's data. `revealContact` opens a protected identity's contact details: only
    /// `ProtectedIdentity.openContact` asks for it, after checking the reader is named and gave a reason.
    func profile(_ participantID: UUID, for staff: StaffActor, what: String = "profile", revealContact: Bool = false,
                 on db: any Database) async throws -> ParticipantProfile {
        let (participant, placements, basis, key) = try await open(participantID, for: staff, what: what, on: db)
        let names = try await Names.load(units: placements.map(\.unitID), staff: placements.compactMap(\.handledareID), on: db)
        var profile = try decrypt(participant, placements: placements, key: key, basis: basis, names: names, revealContact: revealContact)
        try await addSections(&profile, placements: placements, key: key, on: db)
        (profile.journal, profile.journalDraft) = try await Journal.rows(participantID: participantID, key: key, reader: staff.accountID,
                                                                        mayDocument: profile.mayDocument, on: db)
        return profile
    }

    /// Finds the participant, decides the staff member's ground for seeing them (narrowed by `allowed`), records
    /// the read (or its refusal) and returns what the page needs to decrypt. `what` names the page in the audit log.
    func open(_ participantID: UUID, for staff: StaffActor, what: String, allowed: (AccessBasis) -> Bool = { _ in true },
              on db: any Database) async throws -> (Participant, [Placement], AccessBasis, SymmetricKey) {
        let subject = SubjectReference.participant(participantID)
        guard let participant = try await Participant.first(where: "id = \(bind: participantID) AND organisation_id = \(bind: staff.organisationID)",
                                                             on: db) else {
            try await record(staff.draft(.view, subject: subject, purpose: "refused", resultCount: 0, query: "\(what) refused=not_found"))
            throw Failure.notFound
        }
        let placements = try await Placement.rows(where: "participant_id = \(bind: participantID) ORDER BY starts_on DESC", on: db)
        let found = try await basis(for: staff, participantID: participantID, placements: placements, on: db)
        guard let basis = found, allowed(basis) else {
            try await record(staff.draft(.view, subject: subject, purpose: "refused", resultCount: 0, query: "\(what) refused=no_basis"))
            throw Failure.noAccess(participantID: participantID, mayRequest: found == nil && staff.has(.handledare))
        }
        try await record(staff.draft(.view, subject: subject, purpose: basis.purpose, resultCount: 1, query: what))
        guard let key = try await keyRing.subjectKeys([participantID], organisationID: staff.organisationID, on: db)[participantID] else {
            throw Failure.notFound
        }
        return (participant, placements, basis, key)
    }

    /// The profile's sections: mail-out log, documents, plan, CV, appointments and, for the current placement,
    /// AF's meeting-cadence warnings.
    func addSections(_ profile: inout ParticipantProfile, placements: [Placement], key: SymmetricKey, on db: any Database) async throws {
        profile.mailOuts = try await db.sql.raw("""
            SELECT r.created_at, r.status, m.subject FROM mail_out_recipients r JOIN mail_outs m ON m.id = r.mail_out_id
            WHERE r.participant_id = \(bind: profile.id) ORDER BY r.created_at DESC LIMIT 50
            """).all().compactMap { row in
            guard let status = MailOutRecipient.Status(rawValue: try row.value("status")) else { return nil }
            return MailOutLogRow(sentAt: try row.optional("created_at") ?? Date(), subject: try row.value("subject"), status: status)
        }
        profile.documents = try await ApplicationDocuments.rows(participantID: profile.id, key: key, on: db)
        let forms = try await SealedForms.load([ParticipantPlan.self, ParticipantCV.self], participantID: profile.id, key: key, on: db)
        profile.plan = forms[ParticipantPlan.schema] ?? [:]
        profile.cv = forms[ParticipantCV.schema] ?? [:]
        let appointments = try await Appointment.rows(where: "participant_id = \(bind: profile.id)", on: db)
        let now = clock.now()
        profile.appointments = try AppointmentBook.rows(appointments, key: key, now: now)
        let today = CivilDate(now)
        if let current = placements.first(where: { $0.endedOn == nil && $0.startsOn <= today.description && today.description <= $0.endsOn }),
           let start = CivilDate(parsing: current.startsOn) {
            profile.warnings = MeetingCadence.warnings(appointments.map { .init(kind: $0.kind, mode: $0.mode, startsAt: $0.startsAt, status: $0.status) },
                                                       placementStart: start, today: today)
        }
    }

    /// A participant's own data, for their own page: audited like any read, with them as the reader.
    func ownData(_ participantID: UUID, organisationID: UUID, on db: any Database) async throws -> ParticipantProfile {
        guard let participant = try await Participant.first(where: "id = \(bind: participantID) AND organisation_id = \(bind: organisationID)", on: db),
              let key = try await keyRing.subjectKeys([participantID], organisationID: organisationID, on: db)[participantID] else {
            throw Failure.notFound
        }
        try await record(AuditDraft(organisationID: organisationID, actorID: participantID, actorRole: "participant", action: .view,
                                    subject: SubjectReference.participant(participantID), purpose: AccessBasis.ownData.purpose, resultCount: 1,
                                    query: "own page"))
        let placements = try await Placement.rows(where: "participant_id = \(bind: participantID) ORDER BY starts_on DESC", on: db)
        let names = try await Names.load(units: placements.map(\.unitID), staff: placements.compactMap(\.handledareID), on: db)
        var profile = try decrypt(participant, placements: placements, key: key, basis: .ownData, names: names)
        try await addSections(&profile, placements: placements, key: key, on: db)
        profile.afDetails = try await SealedForms.load(ParticipantAFDetails.self, participantID: participantID, key: key, on: db)
        return profile
    }

    /// The participant of the staff member's organisation, and the ground on which they may document them;
    /// otherwise the caller's own error for an unknown participant or for one they may not write about.
    func documenting<Refusal: Error>(_ participantID: UUID, by staff: StaffActor, on db: any Database,
                                     notFound: Refusal, noAccess: Refusal) async throws -> (Participant, AccessBasis) {
        guard let participant = try await Participant.query(on: db).filter(\.$id == participantID)
            .filter(\.$organisationID == staff.organisationID).first() else { throw notFound }
        let placements = try await Placement.query(on: db).filter(\.$participantID == participantID).all()
        guard let basis = try await basis(for: staff, participantID: participantID, placements: placements, on: db), basis.allowsDocumenting else {
            throw noAccess
        }
        return (participant, basis)
    }

    /// The ground on which the staff may see the participant, or nil.
    func basis(for staff: StaffActor, participantID: UUID, placements: [Placement], on db: any Database) async throws -> AccessBasis? {
        if staff.has(.handledare), placements.contains(where: { $0.handledareID == staff.accountID }) { return .ownCaseload }
        if staff.has(.administrator) { return .placementAdministration }
        if staff.has(.unitManager) {
            if let units = staff.managedUnits {
                if placements.contains(where: { units.contains($0.unitID) }) { return .unitFollowUp }
            } else {
                return .unitFollowUp
            }
        }
        if staff.has(.handledare), let grant = try await activeGrant(staff: staff, participantID: participantID, on: db),
           let reason = AccessReason(rawValue: grant.reason) {
            return .colleagueGrant(reason, expiresAt: grant.expiresAt)
        }
        return nil
    }

    // MARK: helpers

    /// Appends the read's audit event and waits for its commit (skipped only in the unaudited benchmark run).
    func record(_ draft: AuditDraft) async throws {
        guard auditsReads else { return }
        try await audit.record(draft)
    }

    func refs(_ ids: [UUID]) -> String? {
        ids.isEmpty ? nil : ids.map(SubjectReference.participant).joined(separator: " ")
    }

    /// The placements a scope covers, as an SQL condition. Units and handledare belong to one organisation,
    /// so their conditions leave the organisation out: with it, the query planner may walk the whole
    /// organisation's placements by that index instead of the few by unit or handledare. Callers check the
    /// organisation of what comes back.
    func scopeCondition(_ scope: ParticipantScope, organisationID: UUID) -> SQLQueryString {
        switch scope {
        case .organisation: "organisation_id = \(bind: organisationID)"
        case .units(let units): "unit_id IN (\(sqlList(Array(units))))"
        case .caseload(let accountID): "handledare_id = \(bind: accountID)"
        case .none: "1 = 0"
        }
    }

    func inScope(_ placement: ListedPlacement, _ scope: ParticipantScope) -> Bool {
        switch scope {
        case .organisation: true
        case .units(let units): units.contains(placement.unitID)
        case .caseload(let accountID): placement.handledareID == accountID
        case .none: false
        }
    }

    func participantsByID(_ ids: [UUID], staff: StaffActor, on db: any Database) async throws -> [UUID: ListedParticipant] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await ListedParticipant.rows(where: "id IN (\(sqlList(ids))) AND organisation_id = \(bind: staff.organisationID)", on: db)
        return Dictionary(rows.map { ($0.id, $0) }) { first, _ in first }
    }

    func activeGrant(staff: StaffActor, participantID: UUID, on db: any Database) async throws -> ParticipantAccessGrant? {
        try await ParticipantAccessGrant.query(on: db).filter(\.$participantID == participantID)
            .filter(\.$staffAccountID == staff.accountID).filter(\.$organisationID == staff.organisationID)
            .filter(\.$expiresAt > clock.now()).sort(\.$expiresAt, .descending).first()
    }

    func summary(_ participant: ListedParticipant, _ placement: ListedPlacement, key: SymmetricKey, names: Names) throws -> ParticipantSummary {
        let person = SealedRow(key: key, table: Participant.schema, rowID: participant.id)
        let place = SealedRow(key: key, table: Placement.schema, rowID: placement.id)
        return ParticipantSummary(
            id: participant.id,
            name: try person.open(participant.givenName, "given_name") + " " + (try person.open(participant.familyName, "family_name")),
            caseNumber: try place.open(placement.implementationReference, "implementation_reference"),
            startsOn: placement.startsOn, endsOn: placement.endsOn, unitName: names.unit(placement.unitID),
            handledareName: placement.handledareID.flatMap(names.staff), protectedIdentity: participant.protectedIdentity)
    }

    func decrypt(_ participant: Participant, placements: [Placement], key: SymmetricKey, basis: AccessBasis, names: Names,
                 revealContact: Bool = false) throws -> ParticipantProfile {
        let id = try participant.requireID()
        let row = SealedRow(key: key, table: Participant.schema, rowID: id)
        // A protected identity's contact details are not even decrypted for staff unless a named colleague
        // opened them with a reason; the person sees their own.
        let contact: ParticipantProfile.Contact? = participant.protectedIdentity && basis != .ownData && !revealContact ? nil : .init(
            phone: try row.open(participant.phone, "phone"), email: try row.open(participant.email, "email"),
            address: try row.open(participant.address, "address"))
        let digits = try row.open(participant.personalNumber, "personal_number")
        return ParticipantProfile(
            id: id, givenName: try row.open(participant.givenName, "given_name"), familyName: try row.open(participant.familyName, "family_name"),
            personalNumber: digits.count == 12 ? String(digits.prefix(8)) + "-" + String(digits.suffix(4)) : digits,
            contact: contact, gender: try row.open(participant.gender, "gender"), education: try row.open(participant.education, "education"),
            workExperience: try row.open(participant.workExperience, "work_experience"),
            interpreterLanguage: try row.open(participant.interpreterLanguage, "interpreter_language"),
            protectedIdentity: participant.protectedIdentity,
            placements: try placements.map { placement in
                let sealed = SealedRow(key: key, table: Placement.schema, rowID: try placement.requireID())
                return .init(caseNumber: try sealed.open(placement.implementationReference, "implementation_reference"),
                             referenceNumber: try sealed.open(placement.referenceNumber, "reference_number"), level: placement.level,
                             startsOn: placement.startsOn, endsOn: placement.endsOn, endedOn: placement.endedOn,
                             unitName: names.unit(placement.unitID), handledareName: placement.handledareID.flatMap(names.staff))
            },
            basis: basis, mailOptOut: participant.mailOptOut)
    }
}

/// Unit and staff names for a page. Names change rarely and are not secret within the organisation, so
/// they are kept for a minute: most pages then need no query for them.
struct Names: Sendable {
    var units: [UUID: String]
    var staffNames: [UUID: String]

    func unit(_ id: UUID) -> String { units[id] ?? "" }
    func staff(_ id: UUID) -> String? { staffNames[id] }

    private static let cache = NIOLockedValueBox<[UUID: (name: String, at: Date)]>([:])
    static let lifetime: TimeInterval = 60

    static func load(units unitIDs: [UUID], staff staffIDs: [UUID], on db: any Database) async throws -> Names {
        Names(units: try await names(Set(unitIDs), table: "units", column: "name", on: db),
              staffNames: try await names(Set(staffIDs), table: "staff_accounts", column: "display_name", on: db))
    }

    private static func names(_ ids: Set<UUID>, table: String, column: String, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let now = Date()
        var found: [UUID: String] = [:]
        var missing: [UUID] = []
        cache.withLockedValue { cache in
            for id in ids {
                if let cached = cache[id], now.timeIntervalSince(cached.at) < lifetime { found[id] = cached.name } else { missing.append(id) }
            }
        }
        guard !missing.isEmpty else { return found }
        let rows = try await db.sql.raw(SQLQueryString("SELECT id, \(column) AS name FROM \(table) WHERE id IN (") + sqlList(missing) + ")").all()
        var fetched: [UUID: String] = [:]
        for row in rows { fetched[try row.value("id")] = try row.value("name") }
        cache.withLockedValue { cache in
            if cache.count > 20_000 { cache.removeAll(keepingCapacity: true) }
            for (id, name) in fetched { cache[id] = (name, now) }
        }
        return found.merging(fetched) { cached, _ in cached }
    }
}
