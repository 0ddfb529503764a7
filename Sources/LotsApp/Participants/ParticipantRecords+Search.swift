import Fluent
import Foundation
import LotsCore
import SQLKit

extension ParticipantRecords {
    /// Searches by personnummer or case number (exact, through blind indexes) or by name (within the
    /// staff's own scope only). A handledare also finds colleagues' participants by exact number, as
    /// restricted hits that say only that the person is someone else's participant.
    func search(_ term: ParticipantSearchTerm, purpose: SearchPurpose, for staff: StaffActor, on db: any Database) async throws -> [ParticipantSearchHit] {
        let scope = ParticipantScope(staff)
        let placementsByParticipant = Dictionary(grouping: try await candidatePlacements(term, scope: scope, staff: staff, on: db),
                                                 by: \.participantID)
        // Each participant is shown with their latest placement.
        let byParticipant = placementsByParticipant.compactMapValues { $0.max { $0.startsOn < $1.startsOn } }
        let participants = try await participantsByID(Array(byParticipant.keys), staff: staff, on: db)
        let keys = try await keyRing.subjectKeys(Array(participants.keys), organisationID: staff.organisationID, on: db)

        var visible: [(ListedParticipant, ListedPlacement)] = []
        var restricted: [ListedPlacement] = []
        for (participantID, placement) in byParticipant.sorted(by: { $0.value.startsOn > $1.value.startsOn }) {
            guard let participant = participants[participantID], keys[participantID] != nil else { continue }
            if placementsByParticipant[participantID, default: []].contains(where: { inScope($0, scope) }) {
                visible.append((participant, placement))
            } else if staff.has(.handledare) {
                restricted.append(placement)
            }
        }
        if case .name(let text) = term {
            // Names are ciphertext: they are opened in memory for the staff's own scope and matched there.
            visible = try visible.filter { participant, _ in
                guard let key = keys[participant.id] else { return false }
                let row = SealedRow(key: key, table: Participant.schema, rowID: participant.id)
                let name = (try row.open(participant.givenName, "given_name") + " " + (try row.open(participant.familyName, "family_name"))).lowercased()
                return name.contains(text)
            }
        }
        visible = Array(visible.prefix(Self.searchLimit))
        restricted = Array(restricted.prefix(Self.searchLimit))
        let hitIDs = visible.map { $0.1.participantID } + restricted.map(\.participantID)
        try await record(staff.draft(.search, subject: refs(hitIDs), purpose: purpose.rawValue, resultCount: hitIDs.count,
                                      query: term.auditDescription + " scope=\(scope.auditName)"))
        let names = try await Names.load(units: (visible.map(\.1) + restricted).map(\.unitID), staff: visible.compactMap(\.1.handledareID), on: db)
        let open = try visible.map { participant, placement -> ParticipantSearchHit in
            let summary = try summary(participant, placement, key: keys[placement.participantID]!, names: names)
            return ParticipantSearchHit(id: summary.id, name: summary.name, caseNumber: summary.caseNumber, unitName: summary.unitName, restricted: false)
        }
        return open + restricted.map { ParticipantSearchHit(id: $0.participantID, name: nil, caseNumber: nil, unitName: names.unit($0.unitID), restricted: true) }
    }

    private func candidatePlacements(_ term: ParticipantSearchTerm, scope: ParticipantScope, staff: StaffActor, on db: any Database) async throws -> [ListedPlacement] {
        let organisation = staff.organisationID
        switch term {
        case .personalNumber(let number):
            let index = try await keyRing.blindIndex(number.digits, field: Participant.personalNumberField, organisationID: organisation, on: db)
            return try await ListedPlacement.rows(where: """
                participant_id IN (SELECT id FROM participants WHERE organisation_id = \(bind: organisation) AND personal_number_index = \(bind: index))
                """, on: db).filter { $0.organisationID == organisation }
        case .caseNumber(let caseNumber):
            let index = try await keyRing.blindIndex(caseNumber, field: Placement.caseNumberField, organisationID: organisation, on: db)
            return try await ListedPlacement.rows(where: """
                participant_id IN (SELECT participant_id FROM placements
                WHERE organisation_id = \(bind: organisation) AND implementation_reference_index = \(bind: index))
                """, on: db).filter { $0.organisationID == organisation }
        case .name:
            return try await ListedPlacement.rows(where: scopeCondition(scope, organisationID: organisation), on: db).filter { $0.organisationID == organisation }
        }
    }

    // MARK: access with a reason

    /// Gives a handledare time-limited access to a colleague's participant, for a stated reason, and
    /// audits it in the same transaction. The optional explanation is encrypted under the participant's key.
    func grantAccess(to participantID: UUID, reason: AccessReason, explanation: String?, for staff: StaffActor, on db: any Database) async throws -> Date {
        guard try await Participant.query(on: db).filter(\.$id == participantID).filter(\.$organisationID == staff.organisationID).count() == 1 else {
            throw Failure.notFound
        }
        let expiresAt = clock.now().addingTimeInterval(Self.grantDuration)
        try await db.transaction { tx in
            let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: tx)
            let grant = ParticipantAccessGrant()
            let id = UUID()
            grant.id = id
            grant.organisationID = staff.organisationID
            grant.participantID = participantID
            grant.staffAccountID = staff.accountID
            grant.reason = reason.rawValue
            grant.explanation = try SealedRow(key: key, table: ParticipantAccessGrant.schema, rowID: id)
                .seal(explanation?.trimmingCharacters(in: .whitespacesAndNewlines), "explanation")
            grant.expiresAt = expiresAt
            try await grant.create(on: tx)
            try await audit.record(staff.draft(.accessGranted, subject: SubjectReference.participant(participantID),
                                                purpose: AccessBasis.colleagueGrant(reason, expiresAt: expiresAt).purpose,
                                                query: "grant hours=\(Int(Self.grantDuration / 3600))"), in: tx)
        }
        return expiresAt
    }
}
