import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// Realistic made-up participants in bulk, for benchmarks and load tests: placements (through the
/// registry: encryption, blind indexes, audit), plans, journal entries, meetings with attendance, CV
/// metadata with a small document, each sealed under the participant's key exactly as the services seal
/// them. Handledare are made so that each has a caseload of about sixty, as the ROM2 benchmarks assume.
struct SyntheticData: Sendable {
    var registry: ParticipantRegistry
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock

    static let caseload = 60
    static let batchSize = 1000

    struct Summary: Sendable, Equatable {
        var participants = 0
        var handledare = 0
        var plans = 0
        var journalEntries = 0
        var appointments = 0
        var documents = 0
    }

    /// A small deterministic generator, so a seed gives the same data every run.
    struct Random {
        private var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static let givenNames = ["Amal", "Anna", "Ahmed", "Erik", "Fatima", "Johan", "Lina", "Mohammed", "Sara", "Oskar", "Hodan", "Nils", "Elin",
                             "Yusuf", "Maja", "Karin", "Ali", "Emma", "Daniel", "Leila", "Per", "Sofia", "Omar", "Ida", "Abdi", "Maria"]
    static let familyNames = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Hassan", "Ali", "Eriksson", "Larsson", "Olsson", "Persson",
                              "Mohamed", "Svensson", "Gustafsson", "Ahmed", "Pettersson", "Jonsson", "Lindberg", "Osman", "Berg", "Abdullahi"]
    static let occupations = ["Lagerarbetare", "Undersköterska", "Barnskötare", "Kock", "Städare", "Busschaufför", "Butiksbiträde",
                              "Lokalvårdare", "Snickare", "Elektriker", "Vårdbiträde", "Truckförare"]
    static let languages = ["Arabiska", "Somaliska", "Tigrinja", "Dari", "Persiska", "Ukrainska", "Turkiska"]
    static let notes = [
        "Gick igenom planeringen och nästa steg mot målet.", "Pratade om arbetssökande och vilka annonser som passar.",
        "Uppföljning efter praktiken: positiv återkoppling från arbetsplatsen.", "Deltagaren vill fokusera på språket de kommande veckorna.",
        "Övade inför intervju; deltagaren kände sig tryggare efteråt.", "Bokade studiebesök och gick igenom CV:t.",
    ]

    /// A tiny, valid PDF: what a generated CV's stored document holds.
    static let pdf = Data("""
    %PDF-1.4
    1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
    2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
    3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
    trailer << /Root 1 0 R >>
    %%EOF
    """.utf8)

    /// Generates `count` participants in batches of a thousand, each batch in one transaction; `progress`
    /// is told after every batch.
    func generate(_ count: Int, organisationID: UUID, seed: UInt64, on database: any Database,
                  progress: @Sendable (Summary) -> Void) async throws -> Summary {
        var random = Random(state: seed)
        let units = try await OrganisationUnit.query(on: database).filter(\.$organisation.$id == organisationID).sort(\.$name).all()
        guard !units.isEmpty else { throw Abort(.badRequest, reason: "The organisation has no units.") }
        let offset = try await Participant.query(on: database).filter(\.$organisationID == organisationID).count()
        var summary = Summary()
        // Handledare with room in their caseload (existing ones first: the demo's handledare fill up to sixty).
        var slots = try await handledareSlots(organisationID: organisationID, on: database)
        var made = 0
        while made < count {
            let size = min(Self.batchSize, count - made)
            let needed = size - slots.count
            if needed > 0 {
                let fresh = try await makeHandledare((needed + Self.caseload - 1) / Self.caseload, units: units, organisationID: organisationID,
                                                    startingAt: offset + made, on: database)
                summary.handledare += fresh.count
                for (id, unit) in fresh { slots += Array(repeating: (id, unit), count: Self.caseload) }
            }
            let assigned = Array(slots.prefix(size))
            slots.removeFirst(size)
            let first = offset + made
            let state = random
            let (batch, next) = try await database.transaction { db in
                var local = state
                let batch = try await generateBatch(assigned, firstIndex: first, organisationID: organisationID, random: &local, on: db)
                return (batch, local)
            }
            random = next
            summary.participants += batch.participants
            summary.plans += batch.plans
            summary.journalEntries += batch.journalEntries
            summary.appointments += batch.appointments
            summary.documents += batch.documents
            made += size
            progress(summary)
        }
        return summary
    }

    /// Each handledare's free places (up to sixty), with the unit of their role.
    private func handledareSlots(organisationID: UUID, on db: any Database) async throws -> [(UUID, UUID)] {
        let roles = try await StaffRoleAssignment.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$role == .handledare).all()
        var slots: [(UUID, UUID)] = []
        for role in roles {
            guard let unit = role.$unit.id else { continue }
            let account = role.$staffAccount.id
            let load = try await Placement.query(on: db).filter(\.$handledareID == account).count()
            if load < Self.caseload { slots += Array(repeating: (account, unit), count: Self.caseload - load) }
        }
        return slots
    }

    private func makeHandledare(_ count: Int, units: [OrganisationUnit], organisationID: UUID, startingAt: Int,
                                on database: any Database) async throws -> [(UUID, UUID)] {
        try await database.transaction { db in
            var made: [(UUID, UUID)] = []
            var accounts: [StaffAccount] = []
            var roles: [StaffRoleAssignment] = []
            for index in 0..<count {
                let id = UUID()
                let unit = try units[(startingAt / Self.caseload + index) % units.count].requireID()
                accounts.append(StaffAccount(id: id, organisationID: organisationID, displayName: "Handledare \(startingAt / Self.caseload + index + 1) (syntetisk)"))
                roles.append(StaffRoleAssignment(staffAccountID: id, organisationID: organisationID, unitID: unit, role: .handledare))
                made.append((id, unit))
            }
            for chunk in accounts.chunked(500) { try await chunk.create(on: db) }
            for chunk in roles.chunked(500) { try await chunk.create(on: db) }
            try await audit.record(made.map { id, _ in
                AuditDraft(organisationID: organisationID, action: .adminChange, subject: "staff:\(id.uuidString.lowercased())",
                           purpose: "synthetic_data", query: "create")
            }, in: db)
            return made
        }
    }

    private func generateBatch(_ assigned: [(handledare: UUID, unit: UUID)], firstIndex: Int, organisationID: UUID, random: inout Random,
                               on db: any Database) async throws -> Summary {
        let today = CivilDate(clock.now())
        let now = clock.now()
        var items: [ParticipantRegistry.NewParticipant] = []
        for (position, slot) in assigned.enumerated() {
            let index = firstIndex + position
            let birth = CivilDate(year: 1960, month: 1, day: 1)!.adding(days: index % 16_000)
            let number = SwedishIdentityNumber(birthDate: birth, birthNumber: 1 + index / 16_000 % 998)
            let given = random.pick(Self.givenNames)
            let family = random.pick(Self.familyNames)
            let starts = today.adding(days: -random.below(170))
            items.append(.init(
                personalNumber: number, givenName: given, familyName: family,
                phone: String(format: "070-%07d", random.below(10_000_000)), email: "\(given.lowercased()).\(index)@deltagare.example",
                address: "Syntetgatan \(1 + random.below(150)), 100 00 Exempelstad", gender: random.chance(50) ? "Kvinna" : "Man",
                education: random.pick(["Grundskola", "Gymnasieutbildning", "Eftergymnasial utbildning", "Utbildning utomlands"]),
                workExperience: random.pick(Self.occupations) + ", \(1 + random.below(8)) år",
                interpreterLanguage: random.chance(30) ? random.pick(Self.languages) : nil,
                protectedIdentity: random.chance(1),
                placement: .init(unitID: slot.unit, handledareID: slot.handledare, caseNumber: String(format: "GEN%09d", index),
                                 referenceNumber: String(format: "REF%08d", index), level: random.pick(AFAssignment.levels), startsOn: starts,
                                 endsOn: starts.adding(days: 180), orderNumber: String(format: "ORD%07d", index / 20),
                                 participationRate: random.pick([25, 50, 75, 100]), caseOfficer: "Handläggare \(random.below(400)), Arbetsförmedlingen")))
        }
        let actor = AuditDraft(organisationID: organisationID, actorRole: "command_line", action: .create, purpose: "synthetic_data")
        let outcomes = try await registry.registerAll(items, organisationID: organisationID, by: actor, on: db)
        var summary = Summary()
        var created: [(position: Int, id: UUID)] = []
        for (position, outcome) in outcomes.enumerated() {
            if case .created(let id) = outcome { created.append((position, id)) }
        }
        summary.participants = created.count
        var keys: [UUID: SymmetricKey] = [:]
        for chunk in created.map(\.id).chunked(500) {
            keys.merge(try await keyRing.subjectKeys(chunk, organisationID: organisationID, on: db)) { new, _ in new }
        }

        var plans: [ParticipantPlan] = []
        var entries: [JournalEntry] = []
        var appointments: [Appointment] = []
        var documents: [ApplicationDocument] = []
        var events: [AuditDraft] = []
        for (position, participantID) in created {
            guard let key = keys[participantID] else { continue }
            let handledare = assigned[position].handledare
            let starts = items[position].placement.startsOn
            let startDate = Self.date(starts)
            func event(_ query: String) -> AuditDraft {
                AuditDraft(organisationID: organisationID, actorID: handledare, actorRole: "handledare", action: .create,
                           subject: SubjectReference.participant(participantID), purpose: "synthetic_data", resultCount: 1, query: query)
            }
            if random.chance(60) {
                let plan = ParticipantPlan()
                plan.id = UUID()
                plan.organisationID = organisationID
                plan.participantID = participantID
                plan.updatedBy = handledare
                let occupation = random.pick(Self.occupations)
                let fields = ["main_field": "Arbete", "main_occupation": occupation, "main_motivation": "Har erfarenhet och trivs med yrket.",
                              "main_steps": "Praktik, kortare utbildning, ansökningar", "alternative_occupation": random.pick(Self.occupations)]
                plan.content = try SealedRow(key: key, table: ParticipantPlan.schema, rowID: plan.id!)
                    .seal(String(decoding: try JSONEncoder().encode(fields), as: UTF8.self), "content")
                plans.append(plan)
                events.append(event("plan: main_field,main_occupation,main_motivation,main_steps,alternative_occupation"))
            }
            for _ in 0..<random.below(5) {
                let entry = JournalEntry()
                let id = UUID()
                entry.id = id
                entry.organisationID = organisationID
                entry.participantID = participantID
                entry.authorID = handledare
                let contact = random.chance(50)
                entry.kind = contact ? .contact : .note
                entry.channel = contact ? random.pick(JournalEntry.Channel.allCases) : nil
                entry.occurredAt = min(now, startDate.addingTimeInterval(Double(random.below(max(1, Int(now.timeIntervalSince(startDate)))))))
                entry.durationMinutes = contact ? 10 + random.below(50) : nil
                entry.body = try SealedRow(key: key, table: JournalEntry.schema, rowID: id).seal(random.pick(Self.notes), "body")
                entry.sensitive = random.chance(10)
                entry.draft = false
                entry.publishedAt = entry.occurredAt
                entries.append(entry)
                events.append(event("journal \(entry.kind.rawValue)"))
            }
            // A meeting about every two weeks since the start; those in the past have their attendance registered.
            var meeting = startDate.addingTimeInterval(Double(2 + random.below(5)) * 86_400 + 36_000)
            while meeting < now.addingTimeInterval(14 * 86_400) {
                let appointment = Appointment()
                let id = UUID()
                appointment.id = id
                appointment.organisationID = organisationID
                appointment.participantID = participantID
                appointment.bookedBy = handledare
                appointment.kind = random.chance(80) ? .individualMeeting : .activity
                appointment.mode = random.chance(60) ? .physical : random.pick([.video, .phone])
                appointment.startsAt = meeting
                appointment.durationMinutes = 60
                let row = SealedRow(key: key, table: Appointment.schema, rowID: id)
                appointment.title = try row.seal(appointment.kind == .activity ? "Workshop: " + random.pick(["CV", "Intervjuträning", "Digitala verktyg"]) : nil,
                                                 "title")
                if meeting < now {
                    appointment.status = random.chance(85) ? .attended : .absent
                    appointment.absenceReason = try row.seal(appointment.status == .absent ? random.pick(AbsenceReason.allCases).rawValue : nil, "absence_reason")
                    appointment.registeredBy = handledare
                    appointment.registeredAt = meeting.addingTimeInterval(3600)
                } else {
                    appointment.status = .planned
                }
                appointments.append(appointment)
                meeting = meeting.addingTimeInterval(Double(10 + random.below(8)) * 86_400)
            }
            if random.chance(30) {
                let document = ApplicationDocument()
                let id = UUID()
                document.id = id
                document.organisationID = organisationID
                document.participantID = participantID
                document.kind = .cv
                document.version = 1
                document.fileType = DocumentType.pdf.rawValue
                document.sizeBytes = Self.pdf.count
                document.fileName = try SealedRow(key: key, table: ApplicationDocument.schema, rowID: id).seal("CV.pdf", "file_name")
                document.content = try FieldCipher.seal(bytes: Self.pdf, key: key,
                                                        at: .init(table: ApplicationDocument.schema, column: "content", rowID: id.uuidString.lowercased()))
                document.uploadedBy = handledare
                documents.append(document)
                events.append(event("document cv v1"))
            }
        }
        for chunk in plans.chunked(500) { try await chunk.create(on: db) }
        try await JournalEntry.insertAll(entries, now: now, on: db)
        try await Appointment.insertAll(appointments, now: now, on: db)
        for chunk in documents.chunked(200) { try await chunk.create(on: db) }
        try await audit.record(events, in: db)
        summary.plans = plans.count
        summary.journalEntries = entries.count
        summary.appointments = appointments.count
        summary.documents = documents.count
        return summary
    }

    static func date(_ day: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date()
    }
}

/// `lots generate --participants N [--organisation SLUG] [--seed S]`: adds N made-up participants with
/// their records, through the same code paths as real ones, and shows progress. An empty database gets
/// the demo organisations first.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "participants", help: "How many participants to add.")
        var participants: Int?
        @Option(name: "organisation", help: "The organisation's slug (default: the only case-management organisation).")
        var organisation: String?
        @Option(name: "seed", help: "Seed of the generator (default 1): the same seed gives the same data.")
        var seed: Int?
    }

    var help: String { "Adds made-up participants with placements, plans, journal, meetings and documents (for benchmarks)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let count = signature.participants, (1...2_000_000).contains(count) else {
            throw ImportCommand.Failure(description: "Give --participants N (1 to 2,000,000).")
        }
        try await app.migrateAndTune()
        if try await app.demoSeeder.seedIfEmpty(on: app.db) { context.console.info("The database was empty: seeded the demo organisations first.") }
        let organisation = try await ImportCommand.organisation(signature.organisation, on: app.db)
        let started = Date()
        let console = context.console
        let generator = SyntheticData(registry: app.participantRegistry, keyRing: app.keyRing, audit: app.auditLog, clock: app.clock)
        let summary = try await generator.generate(count, organisationID: try organisation.requireID(), seed: UInt64(signature.seed ?? 1), on: app.db) { done in
            let seconds = max(0.001, Date().timeIntervalSince(started))
            console.output("\(done.participants)/\(count) participants (\(Int(Double(done.participants) / seconds))/s)".consoleText())
        }
        console.info("Added \(summary.participants) participants, \(summary.handledare) handledare, \(summary.plans) plans, "
                     + "\(summary.journalEntries) journal entries, \(summary.appointments) meetings and activities, \(summary.documents) documents "
                     + "to \(organisation.slug) in \(Int(Date().timeIntervalSince(started))) s.")
    }
}
