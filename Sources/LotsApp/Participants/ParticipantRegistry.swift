import Crypto
import Fluent
import Foundation
import LotsCore

/// Registers participants and their placements: encrypts every personal field under the participant's
/// own key, computes the blind indexes, and audits the change in the same transaction. Imports, manual
/// registration, demo data and synthetic data all come through here.
struct ParticipantRegistry: Sendable {
    var keyRing: KeyRing
    var audit: AuditLog

    struct NewParticipant: Sendable {
        var personalNumber: SwedishIdentityNumber
        var givenName: String
        var familyName: String
        var phone: String?
        var email: String?
        var address: String?
        var gender: String?
        var education: String?
        var workExperience: String?
        var interpreterLanguage: String?
        var protectedIdentity = false
        var placement: NewPlacement
    }

    struct NewPlacement: Sendable {
        var unitID: UUID
        var handledareID: UUID?
        var caseNumber: String
        var referenceNumber: String?
        var level: String
        var startsOn: CivilDate
        var endsOn: CivilDate
        var orderNumber: String? = nil
        var participationRate: Int? = nil
        var caseOfficer: String? = nil
    }

    enum Outcome: Sendable, Equatable {
        case created(participantID: UUID)
        /// A known person with a new genomförandereferens: a new placement of the same participant.
        case extended(participantID: UUID)
        /// The genomförandereferens is already registered: nothing changed.
        case duplicate(participantID: UUID)
    }

    /// Case numbers are compared without spaces and case.
    static func canonicalCaseNumber(_ text: String) -> String {
        // Already canonical (visible ASCII, no lower-case letter) is what AF's files hold: returned as it is.
        if text.utf8.allSatisfy({ (0x21...0x7E).contains($0) && !(0x61...0x7A).contains($0) }) { return text }
        return text.filter { !$0.isWhitespace }.uppercased()
    }

    static func canonicalEmail(_ text: String) -> String {
        text.trimmingWhitespace().lowercased()
    }

    enum Failure: Error, Equatable, SafelyDescribable {
        /// The unit or the handledare is not part of the organisation.
        case foreignReference

        var safeDescription: String { "the unit or handledare belongs to another organisation" }
    }

    func register(_ new: NewParticipant, organisationID: UUID, by actor: AuditDraft, on database: any Database) async throws -> Outcome {
        try await database.transaction { db in
            try await registerAll([new], organisationID: organisationID, by: actor, on: db)[0]
        }
    }

    /// The blind indexes a new participant is registered by: of the personnummer and of the genomförandereferens.
    struct Indexes: Sendable, Equatable {
        var person: String
        var `case`: String
    }

    /// Registers many participants inside the caller's transaction, as one would each after the other: a
    /// genomförandereferens already registered (or earlier in the list) is a duplicate, a known person (or one
    /// earlier in the list) gets a new placement. Look-ups, keys, rows and audit events go in batches, so an
    /// import of a hundred thousand rows is a few hundred statements, not a few hundred thousand.
    /// `indexes`, when given, are the items' own (an import's preview computed them), in the same order.
    func registerAll(_ items: [NewParticipant], indexes known: [Indexes]? = nil, organisationID: UUID, by actor: AuditDraft,
                     on db: any Database) async throws -> [Outcome] {
        guard !items.isEmpty else { return [] }
        precondition(known == nil || known?.count == items.count, "one pair of blind indexes per item")
        let unitIDs = Set(items.map(\.placement.unitID))
        guard try await OrganisationUnit.query(on: db).filter(\.$id ~~ Array(unitIDs))
            .filter(\.$organisation.$id == organisationID).count() == unitIDs.count else { throw Failure.foreignReference }
        let handledareIDs = Set(items.compactMap(\.placement.handledareID))
        if !handledareIDs.isEmpty {
            guard try await StaffAccount.query(on: db).filter(\.$id ~~ Array(handledareIDs))
                .filter(\.$organisation.$id == organisationID).count() == handledareIDs.count else { throw Failure.foreignReference }
        }
        let blindKey = try await keyRing.organisationKey(organisationID, .blindIndex, on: db)
        let computed: [Indexes]
        if let known {
            computed = known
        } else {
            computed = try await Background.inHalves(items) { part in
                part.map { item in
                    Indexes(person: BlindIndex.compute(item.personalNumber.digits, key: blindKey, domain: Participant.personalNumberField),
                            case: BlindIndex.compute(Self.canonicalCaseNumber(item.placement.caseNumber), key: blindKey,
                                                     domain: Placement.caseNumberField))
                }
            }
        }
        let personIndexes = computed.map(\.person)
        let caseIndexes = computed.map(\.case)

        var placementOwners = try await Self.placements(byCaseIndex: caseIndexes, organisationID: organisationID, on: db).mapValues(\.participantID)
        var people = try await Self.participants(byPersonIndex: personIndexes, organisationID: organisationID, on: db).mapValues { $0.id! }
        let registered = Set(people.values)

        // Decide each item's outcome in order, as if they were registered one by one.
        var outcomes: [Outcome] = []
        var newPeople: [(item: Int, id: UUID)] = []
        var newPlacements: [(item: Int, participantID: UUID)] = []
        for index in items.indices {
            if let owner = placementOwners[caseIndexes[index]] {
                outcomes.append(.duplicate(participantID: owner))
                continue
            }
            let participantID: UUID
            if let existing = people[personIndexes[index]] {
                participantID = existing
                outcomes.append(.extended(participantID: participantID))
            } else {
                participantID = SecureRandom.uuid()
                people[personIndexes[index]] = participantID
                newPeople.append((index, participantID))
                outcomes.append(.created(participantID: participantID))
            }
            placementOwners[caseIndexes[index]] = participantID
            newPlacements.append((index, participantID))
        }

        // Every new person's key is made first (random bytes: cheap), so rows can be sealed block by block.
        var keys = try keyRing.freshSubjectKeys(newPeople.map(\.id))
        let extendedIDs = Array(Set(newPlacements.map(\.participantID)).intersection(registered))
        for chunk in extendedIDs.chunked(500) {
            keys.merge(try await keyRing.subjectKeys(chunk, organisationID: organisationID, on: db)) { new, _ in new }
        }

        // Each block's rows are encrypted (on a worker thread) while the block before is written: the sealing takes
        // one core while the database writes on the other (each measured as about half of a large import when done
        // in turn). Within a block the keys go first, then the people, then the placements (which refer to both).
        let creating = Set(newPeople.map(\.item))
        let now = Date()
        let blocks = newPlacements.chunked(1000)
        let sealKeys = keys
        @Sendable func seal(_ block: [(item: Int, participantID: UUID)]) throws -> SealedBlock {
            var sealed = SealedBlock()
            for (index, participantID) in block {
                guard let key = sealKeys[participantID] else { throw SubjectKeyError.missing }
                if creating.contains(index) {
                    sealed.keys.append(try keyRing.subjectKeyRow(participantID, key: key, organisationID: organisationID, now: now))
                    let email = items[index].email.flatMap { $0.isEmpty ? nil : $0 }
                    let emailIndex = email.map { BlindIndex.compute(Self.canonicalEmail($0), key: blindKey, domain: Participant.emailField) }
                    sealed.participants.append(try participantRow(items[index], id: participantID, personIndex: personIndexes[index],
                                                                  emailIndex: emailIndex, key: key, organisationID: organisationID, now: now))
                }
                sealed.placements.append(try placementRow(items[index].placement, participantID: participantID, caseIndex: caseIndexes[index],
                                                          key: key, organisationID: organisationID, now: now))
            }
            return sealed
        }
        var next = blocks.first.map { block in Task { try await Background.compute { try seal(block) } } }
        for position in blocks.indices {
            guard let sealing = next else { break }
            let block = try await sealing.value
            next = position + 1 < blocks.count ? Task { [following = blocks[position + 1]] in try await Background.compute { try seal(following) } } : nil
            do {
                try await BulkInsert.run(into: SubjectKey.schema, columns: SubjectKey.insertColumns, rows: block.keys, on: db)
                try await BulkInsert.run(into: Participant.schema, columns: Self.participantColumns, rows: block.participants, on: db)
                try await BulkInsert.run(into: Placement.schema, columns: Self.placementColumns, rows: block.placements, on: db)
            } catch {
                next?.cancel()
                throw error
            }
        }

        let drafts = outcomes.compactMap { outcome -> AuditDraft? in
            var draft = actor
            draft.action = .create
            switch outcome {
            case .created(let id): draft.subject = SubjectReference.participant(id); draft.query = "participant,placement"
            case .extended(let id): draft.subject = SubjectReference.participant(id); draft.query = "placement"
            case .duplicate: return nil
            }
            return draft
        }
        try await audit.record(drafts, in: db)
        return outcomes
    }

    /// Registered participants by the blind index of their personnummer, five hundred per query.
    static func participants(byPersonIndex indexes: [String], organisationID: UUID, on db: any Database) async throws -> [String: Participant] {
        var found: [String: Participant] = [:]
        for chunk in Array(Set(indexes)).chunked(500) {
            for participant in try await Participant.rows(
                where: "organisation_id = \(bind: organisationID) AND personal_number_index IN (\(sqlList(chunk)))", on: db) {
                found[participant.personalNumberIndex] = participant
            }
        }
        return found
    }

    /// Registered placements by the blind index of their genomförandereferens, five hundred per query.
    static func placements(byCaseIndex indexes: [String], organisationID: UUID, on db: any Database) async throws -> [String: Placement] {
        var found: [String: Placement] = [:]
        for chunk in Array(Set(indexes)).chunked(500) {
            for placement in try await Placement.rows(
                where: "organisation_id = \(bind: organisationID) AND implementation_reference_index IN (\(sqlList(chunk)))", on: db) {
                found[placement.implementationReferenceIndex] = placement
            }
        }
        return found
    }

    /// One block's rows, sealed and ready to write.
    private struct SealedBlock: Sendable {
        var keys: [[ColumnValue]] = []
        var participants: [[ColumnValue]] = []
        var placements: [[ColumnValue]] = []
    }

    static let participantColumns = Participant.columns + ["created_at", "updated_at"]
    static let placementColumns = Placement.columns + ["created_at"]

    /// A new participant's row, in `participantColumns` order: every personal field sealed under their key.
    private func participantRow(_ new: NewParticipant, id: UUID, personIndex: String, emailIndex: String?, key: SymmetricKey,
                                organisationID: UUID, now: Date) throws -> [ColumnValue] {
        let row = SealedRow(key: key, table: Participant.schema, rowID: id)
        return [.uuid(id), .uuid(organisationID), .text(personIndex), .text(emailIndex),
                .bytes(try row.seal(new.givenName, "given_name")), .bytes(try row.seal(new.familyName, "family_name")),
                .bytes(try row.seal(new.personalNumber.digits, "personal_number")), .bytes(try row.seal(new.phone, "phone")),
                .bytes(try row.seal(new.email, "email")), .bytes(try row.seal(new.address, "address")),
                .bytes(try row.seal(new.gender, "gender")), .bytes(try row.seal(new.education, "education")),
                .bytes(try row.seal(new.workExperience, "work_experience")), .bytes(try row.seal(new.interpreterLanguage, "interpreter_language")),
                .bool(new.protectedIdentity), .bool(false), .date(now), .date(now)]
    }

    /// A new placement's row, in `placementColumns` order.
    private func placementRow(_ new: NewPlacement, participantID: UUID, caseIndex: String, key: SymmetricKey, organisationID: UUID,
                              now: Date) throws -> [ColumnValue] {
        let id = SecureRandom.uuid()
        let row = SealedRow(key: key, table: Placement.schema, rowID: id)
        return [.uuid(id), .uuid(organisationID), .uuid(participantID), .uuid(new.unitID), .uuid(new.handledareID), .text(caseIndex),
                .bytes(try row.seal(Self.canonicalCaseNumber(new.caseNumber), "implementation_reference")),
                .bytes(try row.seal(new.referenceNumber, "reference_number")), .text(new.level), .text(new.startsOn.description),
                .text(new.endsOn.description), .text(nil), .bytes(try row.seal(new.orderNumber, "order_number")),
                .integer(new.participationRate), .bytes(try row.seal(new.caseOfficer, "case_officer")), .date(now)]
    }

    /// Writes what an assignment from AF changes about a registered placement and its participant: only
    /// the given fields, each re-sealed under the participant's key; audited with the names of the fields.
    func update(participantID: UUID, placementID: UUID, with assignment: AFAssignment, fields: [AFField], organisationID: UUID,
                by actor: AuditDraft, on database: any Database) async throws {
        try await database.transaction { db in
            guard let participant = try await Participant.find(participantID, on: db), participant.organisationID == organisationID,
                  let placement = try await Placement.find(placementID, on: db), placement.participantID == participantID else {
                throw Failure.foreignReference
            }
            let key = try await keyRing.subjectKey(participantID, organisationID: organisationID, on: db)
            let person = SealedRow(key: key, table: Participant.schema, rowID: participantID)
            let place = SealedRow(key: key, table: Placement.schema, rowID: placementID)
            for field in fields {
                switch field {
                case .givenName: participant.givenName = try person.seal(assignment.givenName, "given_name")
                case .familyName: participant.familyName = try person.seal(assignment.familyName, "family_name")
                case .phone: participant.phone = try person.seal(assignment.phone, "phone")
                case .address: participant.address = try person.seal(assignment.address, "address")
                case .email:
                    participant.email = try person.seal(assignment.email, "email")
                    if let email = assignment.email {
                        participant.emailIndex = try await keyRing.blindIndex(email, field: Participant.emailField, organisationID: organisationID, on: db)
                    }
                case .gender: participant.gender = try person.seal(assignment.gender, "gender")
                case .education: participant.education = try person.seal(assignment.education, "education")
                case .workExperience: participant.workExperience = try person.seal(assignment.workExperience, "work_experience")
                case .interpreterLanguage: participant.interpreterLanguage = try person.seal(assignment.interpreterLanguage, "interpreter_language")
                case .orderNumber: placement.orderNumber = try place.seal(assignment.orderNumber, "order_number")
                case .referenceNumber: placement.referenceNumber = try place.seal(assignment.referenceNumber, "reference_number")
                case .caseOfficer: placement.caseOfficer = try place.seal(assignment.caseOfficer, "case_officer")
                case .startsOn: placement.startsOn = assignment.startsOn.description
                case .endsOn: placement.endsOn = assignment.endsOn.description
                case .level: placement.level = assignment.level
                case .participationRate: placement.participationRate = assignment.participationRate
                case .implementationReference, .personalNumber: continue
                }
            }
            try await participant.update(on: db)
            try await placement.update(on: db)
            var draft = actor
            draft.action = .update
            draft.subject = SubjectReference.participant(participantID)
            draft.query = "import: " + fields.map(\.rawValue).joined(separator: ",")
            try await audit.record(draft, in: db)
        }
    }
}
