import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// Imports AF assignments: a preview that tells every row's outcome before anything is saved, and a
/// commit that writes every importable row in one transaction (all or nothing). Rows with errors are
/// never imported; importing the same file twice changes nothing the second time.
struct AssignmentImport: Sendable {
    var registry: ParticipantRegistry
    var keyRing: KeyRing
    var clock: any LotsClock

    enum Outcome: Sendable, Equatable {
        /// A person not yet registered: a new participant with this placement.
        case new
        /// A registered person with a new genomförandereferens: a new placement of the same participant.
        case `extension`
        /// A registered genomförandereferens with changed values (the fields that change).
        case update([AFField])
        /// Already registered exactly so (or repeated in the file): nothing changes.
        case duplicate
        case error([AFAssignment.Problem])

        var name: String {
            switch self {
            case .new: "new"
            case .extension: "extension"
            case .update: "update"
            case .duplicate: "duplicate"
            case .error: "error"
            }
        }
    }

    struct Row: Sendable {
        var line: Int
        var outcome: Outcome
        var assignment: AFAssignment?
        /// For updates: the placement and participant that change.
        var placementID: UUID?
        var participantID: UUID?
        /// The blind indexes of a valid row's personnummer and genomförandereferens (a commit registers by them).
        var indexes: ParticipantRegistry.Indexes?
    }

    struct Plan: Sendable {
        var rows: [Row]
        var ignoredColumns: [String]
        /// A SHA-256 of the file, so a commit can insist on the file that was previewed.
        var fingerprint: String

        // Counted in place: `filter` would copy every matching row first.
        func count(_ name: String) -> Int { rows.reduce(0) { $1.outcome.name == name ? $0 + 1 : $0 } }
        var importable: Int { rows.reduce(0) { [.new, .extension].contains($1.outcome) || $1.outcome.name == "update" ? $0 + 1 : $0 } }
    }

    static func fingerprint(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
    }

    /// Reads, checks and compares every row with what is registered; saves nothing.
    func preview(_ data: Data, organisationID: UUID, on db: any Database) async throws -> Plan {
        let contents = try AFAssignmentFile.read(data)
        let today = CivilDate(clock.now())
        let blindKey = try await keyRing.organisationKey(organisationID, .blindIndex, on: db)
        // Every row checked and, when valid, given the blind indexes it is looked up by: pure computation,
        // done on both cores (each half of the file on one).
        let checked = try await Background.inHalves(contents.rows) { part in
            part.map { row -> (line: Int, result: Result<AFAssignment, AFAssignment.ProblemList>, personIndex: String, caseIndex: String) in
                let result = AFAssignment.validate(row, today: today)
                guard case .success(let assignment) = result else { return (row.line, result, "", "") }
                return (row.line, result,
                        BlindIndex.compute(assignment.personalNumber.digits, key: blindKey, domain: Participant.personalNumberField),
                        BlindIndex.compute(assignment.implementationReference, key: blindKey, domain: Placement.caseNumberField))
            }
        }
        var rows: [Row] = []
        var valid: [(index: Int, assignment: AFAssignment)] = []
        // Then one look-up per kind in batches (not one per row).
        var personIndexes: [String: String] = [:]
        var caseIndexes: [String: String] = [:]
        rows.reserveCapacity(checked.count)
        personIndexes.reserveCapacity(checked.count)
        caseIndexes.reserveCapacity(checked.count)
        for (line, result, personIndex, caseIndex) in checked {
            switch result {
            case .success(let assignment):
                valid.append((rows.count, assignment))
                rows.append(Row(line: line, outcome: .new, assignment: assignment, indexes: .init(person: personIndex, case: caseIndex)))
                personIndexes[assignment.personalNumber.digits] = personIndex
                caseIndexes[assignment.implementationReference] = caseIndex
            case .failure(let list):
                rows.append(Row(line: line, outcome: .error(list.problems)))
            }
        }
        let participantsByIndex = try await ParticipantRegistry.participants(byPersonIndex: Array(personIndexes.values), organisationID: organisationID, on: db)
        let placementsByIndex = try await ParticipantRegistry.placements(byCaseIndex: Array(caseIndexes.values), organisationID: organisationID, on: db)

        // The keys of the people whose placements the file names again, to compare what would change.
        var keys: [UUID: SymmetricKey] = [:]
        let matched = Array(Set(placementsByIndex.values.map(\.participantID)))
        for chunk in matched.chunked(500) {
            keys.merge(try await keyRing.subjectKeys(chunk, organisationID: organisationID, on: db)) { new, _ in new }
        }
        var seenReferences: [String: (line: Int, assignment: AFAssignment)] = [:]
        var newPeople = Set<String>()
        for (index, assignment) in valid {
            let line = rows[index].line
            if let earlier = seenReferences[assignment.implementationReference] {
                rows[index].outcome = earlier.assignment == assignment ? .duplicate : .error([.conflictsWithLine(earlier.line)])
                continue
            }
            seenReferences[assignment.implementationReference] = (line, assignment)
            let personIndex = personIndexes[assignment.personalNumber.digits]!
            let participant = participantsByIndex[personIndex]
            if let placement = placementsByIndex[caseIndexes[assignment.implementationReference]!] {
                guard let participant, placement.participantID == participant.id else {
                    rows[index].outcome = .error([.referenceOfAnotherPerson])
                    continue
                }
                guard let key = keys[placement.participantID] else { throw SubjectKeyError.missing }
                let changed = try changes(assignment, participant: participant, placement: placement, key: key)
                rows[index].outcome = changed.isEmpty ? .duplicate : .update(changed)
                rows[index].participantID = participant.id
                rows[index].placementID = placement.id
            } else if participant != nil || newPeople.contains(personIndex) {
                rows[index].outcome = .extension
            } else {
                newPeople.insert(personIndex)
                rows[index].outcome = .new
            }
        }
        return Plan(rows: rows, ignoredColumns: contents.ignoredColumns, fingerprint: Self.fingerprint(data))
    }

    /// The fields a row would change. A value left out of the file changes nothing (it does not erase).
    private func changes(_ assignment: AFAssignment, participant: Participant, placement: Placement, key: SymmetricKey) throws -> [AFField] {
        let person = SealedRow(key: key, table: Participant.schema, rowID: try participant.requireID())
        let place = SealedRow(key: key, table: Placement.schema, rowID: try placement.requireID())
        var changed: [AFField] = []
        func compare(_ field: AFField, _ new: String?, _ old: String?) {
            if let new, new != old { changed.append(field) }
        }
        compare(.givenName, assignment.givenName, try person.open(participant.givenName, "given_name"))
        compare(.familyName, assignment.familyName, try person.open(participant.familyName, "family_name"))
        compare(.phone, assignment.phone, try person.open(participant.phone, "phone"))
        compare(.address, assignment.address, try person.open(participant.address, "address"))
        compare(.email, assignment.email, try person.open(participant.email, "email"))
        compare(.gender, assignment.gender, try person.open(participant.gender, "gender"))
        compare(.education, assignment.education, try person.open(participant.education, "education"))
        compare(.workExperience, assignment.workExperience, try person.open(participant.workExperience, "work_experience"))
        compare(.interpreterLanguage, assignment.interpreterLanguage, try person.open(participant.interpreterLanguage, "interpreter_language"))
        compare(.orderNumber, assignment.orderNumber, try place.open(placement.orderNumber, "order_number"))
        compare(.referenceNumber, assignment.referenceNumber, try place.open(placement.referenceNumber, "reference_number"))
        compare(.caseOfficer, assignment.caseOfficer, try place.open(placement.caseOfficer, "case_officer"))
        compare(.startsOn, assignment.startsOn.description, placement.startsOn)
        compare(.endsOn, assignment.endsOn.description, placement.endsOn)
        compare(.level, assignment.level, placement.level)
        compare(.participationRate, assignment.participationRate.map(String.init), placement.participationRate.map(String.init))
        return changed
    }

    struct Committed: Sendable, Equatable {
        var created: Int
        var extended: Int
        var updated: Int
        var unchanged: Int
        var refused: Int
    }

    /// Plans the file again (what is registered may have changed since the preview) and writes every
    /// importable row in one transaction: if any write fails, nothing is saved.
    func commit(_ data: Data, organisationID: UUID, unitID: UUID, by actor: AuditDraft, on database: any Database) async throws -> (Plan, Committed) {
        try await database.transaction { db in try await DatabaseSetup.withLargeCache(db) {
            let plan = try await preview(data, organisationID: organisationID, on: db)
            var result = Committed(created: 0, extended: 0, updated: 0, unchanged: plan.count("duplicate"), refused: plan.count("error"))
            var registering: [ParticipantRegistry.NewParticipant] = []
            var indexes: [ParticipantRegistry.Indexes] = []
            for row in plan.rows {
                guard let assignment = row.assignment, let rowIndexes = row.indexes, row.outcome == .new || row.outcome == .extension else { continue }
                registering.append(Self.newParticipant(assignment, unitID: unitID))
                indexes.append(rowIndexes)
            }
            for outcome in try await registry.registerAll(registering, indexes: indexes, organisationID: organisationID, by: actor, on: db) {
                switch outcome {
                case .created: result.created += 1
                case .extended: result.extended += 1
                case .duplicate: result.unchanged += 1
                }
            }
            for row in plan.rows {
                guard let assignment = row.assignment, case .update(let fields) = row.outcome,
                      let participantID = row.participantID, let placementID = row.placementID else { continue }
                try await registry.update(participantID: participantID, placementID: placementID, with: assignment, fields: fields,
                                          organisationID: organisationID, by: actor, on: db)
                result.updated += 1
            }
            return (plan, result)
        } }
    }

    static func newParticipant(_ assignment: AFAssignment, unitID: UUID) -> ParticipantRegistry.NewParticipant {
        .init(personalNumber: assignment.personalNumber, givenName: assignment.givenName, familyName: assignment.familyName,
              phone: assignment.phone, email: assignment.email, address: assignment.address, gender: assignment.gender,
              education: assignment.education, workExperience: assignment.workExperience, interpreterLanguage: assignment.interpreterLanguage,
              placement: .init(unitID: unitID, handledareID: nil, caseNumber: assignment.implementationReference,
                               referenceNumber: assignment.referenceNumber, level: assignment.level, startsOn: assignment.startsOn,
                               endsOn: assignment.endsOn, orderNumber: assignment.orderNumber, participationRate: assignment.participationRate,
                               caseOfficer: assignment.caseOfficer))
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension Application {
    var assignmentImport: AssignmentImport { AssignmentImport(registry: participantRegistry, keyRing: keyRing, clock: clock) }
}
