import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// A staff member an administrator has named as allowed to open a protected participant's contact details.
final class ProtectedIdentityOpener: Model, @unchecked Sendable {
    static let schema = "protected_identity_openers"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "staff_account_id") var staffAccountID: UUID
    @Field(key: "named_by") var namedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One opening of a protected participant's contact details, with the reason given (sealed under the
/// participant's key: it may say something about them).
final class ProtectedIdentityOpening: Model, @unchecked Sendable {
    static let schema = "protected_identity_openings"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "staff_account_id") var staffAccountID: UUID
    @Field(key: "reason") var reason: Data
    @Field(key: "opened_at") var openedAt: Date

    init() {}
}

struct CreateProtectedIdentityAccess: AsyncMigration {
    var name: String { "035_create_protected_identity_access" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProtectedIdentityOpener.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("staff_account_id", .uuid, .required, .references("staff_accounts", "id", onDelete: .cascade))
            .field("named_by", .uuid, .required)
            .field("created_at", .datetime)
            .unique(on: "participant_id", "staff_account_id")
            .create()
        try await database.schema(ProtectedIdentityOpening.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("staff_account_id", .uuid, .required)
            .field("reason", .data, .required)
            .field("opened_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProtectedIdentityOpening.schema).delete()
        try await database.schema(ProtectedIdentityOpener.schema).delete()
    }
}

/// Skyddade personuppgifter. A protected participant's address and contact details are hidden on every
/// screen, list, export and mail-out (they are not even decrypted); an administrator marks the participant
/// and names the staff who may open them; each opening takes a reason, is kept with it and audited.
struct ProtectedIdentity: Sendable {
    var records: ParticipantRecords
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock

    static let reasonLength = 10...500

    enum Problem: Error, Equatable, Sendable {
        case notFound
        case notProtected
        /// The staff member is not named for this participant.
        case notNamed
        case reasonMissing
        /// The named account is not an active staff account of the organisation.
        case unknownStaff
    }

    /// What an administrator sees of the protection on the profile.
    struct Administration: Sendable, Equatable {
        struct Opening: Sendable, Equatable {
            var staffName: String
            var openedAt: Date
            var reason: String
        }

        var named: [(id: UUID, name: String)]
        var candidates: [(id: UUID, name: String)]
        var openings: [Opening]

        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.named.map(\.id) == rhs.named.map(\.id) && lhs.candidates.map(\.id) == rhs.candidates.map(\.id) && lhs.openings == rhs.openings
        }
    }

    private func participant(_ participantID: UUID, of staff: StaffActor, on db: any Database) async throws -> Participant {
        guard let participant = try await Participant.query(on: db).filter(\.$id == participantID)
            .filter(\.$organisationID == staff.organisationID).first() else { throw Problem.notFound }
        return participant
    }

    /// Marks or unmarks the participant; unmarking also forgets who was named.
    func mark(_ participantID: UUID, protected: Bool, by staff: StaffActor, on database: any Database) async throws {
        try await database.transaction { db in
            let participant = try await participant(participantID, of: staff, on: db)
            guard participant.protectedIdentity != protected else { return }
            participant.protectedIdentity = protected
            try await participant.update(on: db)
            if !protected {
                try await ProtectedIdentityOpener.query(on: db).filter(\.$participantID == participantID).delete()
            }
            try await audit.record(staff.draft(.update, subject: SubjectReference.participant(participantID), purpose: "placement_administration",
                                               resultCount: 1, query: "protected_identity: " + (protected ? "marked" : "unmarked")), in: db)
        }
    }

    /// Names (or, with `named: false`, stops naming) a staff member who may open the contact details.
    func name(_ staffAccountID: UUID, named: Bool, for participantID: UUID, by staff: StaffActor, on database: any Database) async throws {
        try await database.transaction { db in
            let participant = try await participant(participantID, of: staff, on: db)
            guard participant.protectedIdentity else { throw Problem.notProtected }
            let existing = try await ProtectedIdentityOpener.query(on: db).filter(\.$participantID == participantID)
                .filter(\.$staffAccountID == staffAccountID).first()
            if named {
                guard existing == nil else { return }
                guard try await StaffAccount.query(on: db).filter(\.$id == staffAccountID).filter(\.$organisation.$id == staff.organisationID)
                    .filter(\.$active == true).count() == 1 else { throw Problem.unknownStaff }
                let opener = ProtectedIdentityOpener()
                opener.organisationID = staff.organisationID
                opener.participantID = participantID
                opener.staffAccountID = staffAccountID
                opener.namedBy = staff.accountID
                try await opener.create(on: db)
            } else {
                guard let existing else { return }
                try await existing.delete(on: db)
            }
            try await audit.record(staff.draft(.update, subject: SubjectReference.participant(participantID), purpose: "placement_administration",
                                               resultCount: 1, query: "protected_identity: \(named ? "named" : "unnamed") staff:\(staffAccountID.uuidString.lowercased())"),
                                   in: db)
        }
    }

    func isNamed(_ staff: StaffActor, for participantID: UUID, on db: any Database) async throws -> Bool {
        try await ProtectedIdentityOpener.query(on: db).filter(\.$participantID == participantID)
            .filter(\.$staffAccountID == staff.accountID).filter(\.$organisationID == staff.organisationID).count() > 0
    }

    /// The profile with the contact details opened, for a named staff member who gave a reason. The read is
    /// audited as `protected_contact`; the reason is kept, sealed, beside it. Refusals are audited too.
    func openContact(_ participantID: UUID, reason: String, by staff: StaffActor, on db: any Database) async throws -> ParticipantProfile {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.reasonLength.contains(reason.count) else { throw Problem.reasonMissing }
        let participant = try await participant(participantID, of: staff, on: db)
        guard participant.protectedIdentity else { throw Problem.notProtected }
        guard try await isNamed(staff, for: participantID, on: db) else {
            try await records.record(staff.draft(.view, subject: SubjectReference.participant(participantID), purpose: "refused", resultCount: 0,
                                                 query: "protected_contact refused=not_named"))
            throw Problem.notNamed
        }
        let profile = try await records.profile(participantID, for: staff, what: "protected_contact", revealContact: true, on: db)
        let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
        let opening = ProtectedIdentityOpening()
        let id = UUID()
        opening.id = id
        opening.organisationID = staff.organisationID
        opening.participantID = participantID
        opening.staffAccountID = staff.accountID
        opening.reason = try SealedRow(key: key, table: ProtectedIdentityOpening.schema, rowID: id).seal(reason, "reason")
        opening.openedAt = clock.now()
        try await opening.create(on: db)
        return profile
    }

    /// Who is named, who could be, and the latest openings with their reasons: for the administrator's section.
    func administration(of participantID: UUID, for staff: StaffActor, on db: any Database) async throws -> Administration {
        let openers = try await ProtectedIdentityOpener.query(on: db).filter(\.$participantID == participantID).all()
        let openings = try await ProtectedIdentityOpening.query(on: db).filter(\.$participantID == participantID)
            .sort(\.$openedAt, .descending).range(0..<50).all()
        let accounts = try await StaffAccount.query(on: db).filter(\.$organisation.$id == staff.organisationID).filter(\.$active == true)
            .sort(\.$displayName).all()
        var names = Dictionary(uniqueKeysWithValues: accounts.compactMap { account in account.id.map { ($0, account.displayName) } })
        let missing = Set(openings.map(\.staffAccountID)).subtracting(names.keys)
        if !missing.isEmpty {
            for account in try await StaffAccount.query(on: db).filter(\.$id ~~ Array(missing)).all() { names[account.id!] = account.displayName }
        }
        let namedIDs = Set(openers.map(\.staffAccountID))
        let key = openings.isEmpty ? nil : try await keyRing.subjectKeys([participantID], organisationID: staff.organisationID, on: db)[participantID]
        return Administration(
            named: accounts.filter { namedIDs.contains($0.id!) }.map { ($0.id!, $0.displayName) },
            candidates: accounts.filter { !namedIDs.contains($0.id!) }.map { ($0.id!, $0.displayName) },
            openings: try openings.map { opening in
                let reason = try key.map { try SealedRow(key: $0, table: ProtectedIdentityOpening.schema, rowID: try opening.requireID()).open(opening.reason, "reason") }
                return .init(staffName: names[opening.staffAccountID] ?? "–", openedAt: opening.openedAt, reason: reason ?? "")
            })
    }
}

extension Application {
    var protectedIdentity: ProtectedIdentity {
        ProtectedIdentity(records: participantRecords, keyRing: keyRing, audit: auditLog, clock: clock)
    }
}
