import Fluent
import Foundation
import LotsCore
import Vapor

/// Signs staff in with BankID: starts an order, collects it no more often than BankID allows, and on
/// completion matches the personnummer to an account through the blind index.
struct BankIDLoginService: Sendable {
    /// BankID asks relying parties to collect every two seconds.
    static let collectInterval: TimeInterval = 2
    /// How long a person with several accounts has to choose an organisation once BankID identified them.
    static let chooseWithin: TimeInterval = 5 * 60

    var client: BankIDClient
    var clock: any LotsClock
    var keyRing: KeyRing
    var sessions: SessionStore
    var audit: AuditLog

    enum Outcome: Sendable, Equatable {
        case pending(hintCode: String?)
        case failed(hintCode: String)
        /// BankID identified the person, but no active account has their personnummer.
        case noAccount
        case signedIn(token: String)
        /// BankID identified someone with accounts in several organisations: they choose one next.
        case chooseOrganisation
    }

    func start(endUserIp: String, browserToken: String, on database: any Database) async throws -> BankIDLogin {
        let order = try await client.auth(.init(endUserIp: endUserIp))
        let login = BankIDLogin(order: order, browserHash: SessionStore.hash(browserToken), now: clock.now())
        try await login.create(on: database)
        return login
    }

    func poll(_ login: BankIDLogin, on database: any Database) async throws -> Outcome {
        let now = clock.now()
        switch login.state {
        case .failed: return .failed(hintCode: login.hintCode ?? "unknown")
        case .complete: return login.candidates(now: now).isEmpty ? .noAccount : .chooseOrganisation
        case .pending: break
        }
        if let last = login.collectedAt, now.timeIntervalSince(last) < Self.collectInterval {
            return .pending(hintCode: login.hintCode)
        }
        login.collectedAt = now
        let collected: BankIDAPI.CollectResponse
        do {
            collected = try await client.collect(orderRef: login.orderRef)
        } catch let error where error.isTransient {
            try await login.update(on: database)
            return .pending(hintCode: login.hintCode)
        } catch {
            // The order is gone or refused (e.g. too old): nothing to wait for.
            return try await fail(login, hint: error.errorCode ?? "unknown", on: database)
        }
        switch collected.status {
        case .pending:
            login.hintCode = collected.hintCode
            try await login.update(on: database)
            return .pending(hintCode: collected.hintCode)
        case .failed:
            return try await fail(login, hint: collected.hintCode ?? "unknown", on: database)
        case .complete:
            return try await complete(login, collected.completionData, on: database)
        }
    }

    func cancel(_ login: BankIDLogin, on database: any Database) async throws {
        if login.state == .pending { try? await client.cancel(orderRef: login.orderRef) }
        try await login.delete(on: database)
    }

    private func fail(_ login: BankIDLogin, hint: String, on database: any Database) async throws -> Outcome {
        login.state = .failed
        login.hintCode = hint
        try await login.update(on: database)
        return .failed(hintCode: hint)
    }

    private func complete(_ login: BankIDLogin, _ data: BankIDAPI.CompletionData?, on database: any Database) async throws -> Outcome {
        guard let data, let number = try? SwedishIdentityNumber(parsing: data.user.personalNumber, today: CivilDate(clock.now())) else {
            try await login.delete(on: database)
            return .failed(hintCode: "invalidCompletion")
        }
        let accounts = try await StaffDirectory.activeAccounts(for: number, keyRing: keyRing, on: database)
        let participants = try await Self.participants(for: number, keyRing: keyRing, on: database)
        let candidates = try accounts.map { BankIDLogin.Candidate(kind: .staff, id: try $0.requireID()) }
            + participants.map { BankIDLogin.Candidate(kind: .participant, id: try $0.requireID()) }
        if candidates.count > 1 {
            // The accounts are kept (by id only) on the browser-bound sign-in until the person chooses.
            login.state = .complete
            login.collectedAt = clock.now()
            login.candidateAccounts = candidates.map(\.description).joined(separator: " ")
            try await login.update(on: database)
            return .chooseOrganisation
        }
        try await login.delete(on: database)
        if let participant = participants.first { return .signedIn(token: try await signIn(participant, on: database)) }
        guard let account = accounts.first else {
            // Who was refused is not recorded: they are not a user, and the number must not be kept.
            try await audit.record(AuditDraft(action: .loginRefused, purpose: "sign_in", query: "method=bankid reason=no_account"))
            return .noAccount
        }
        return .signedIn(token: try await signIn(account, on: database))
    }

    /// The choice of a person with accounts in several organisations: one of the accounts BankID found.
    func choose(_ candidate: BankIDLogin.Candidate, for login: BankIDLogin, on database: any Database) async throws -> String? {
        guard login.candidates(now: clock.now()).contains(candidate) else { return nil }
        switch candidate.kind {
        case .staff:
            guard let account = try await StaffAccount.find(candidate.id, on: database), account.active else { return nil }
            try await login.delete(on: database)
            return try await signIn(account, on: database)
        case .participant:
            guard let participant = try await Participant.find(candidate.id, on: database) else { return nil }
            try await login.delete(on: database)
            return try await signIn(participant, on: database)
        case .member:
            return nil
        }
    }

    /// The participants with this personnummer, in every case-management organisation (matched by each
    /// organisation's blind index: the number itself is never stored).
    static func participants(for number: SwedishIdentityNumber, keyRing: KeyRing, on database: any Database) async throws -> [Participant] {
        var found: [Participant] = []
        for organisation in try await Organisation.query(on: database).filter(\.$kind == .caseManagement).all() {
            let organisationID = try organisation.requireID()
            let index = try await keyRing.blindIndex(number.digits, field: Participant.personalNumberField, organisationID: organisationID, on: database)
            found += try await Participant.query(on: database).filter(\.$organisationID == organisationID).filter(\.$personalNumberIndex == index).all()
        }
        return found
    }

    /// A participant signs in to see their own data.
    private func signIn(_ participant: Participant, on database: any Database) async throws -> String {
        let participantID = try participant.requireID()
        try await audit.record(AuditDraft(organisationID: participant.organisationID, actorID: participantID, actorRole: "participant", action: .login,
                                          subject: SubjectReference.participant(participantID), purpose: "sign_in", query: "method=bankid"))
        let (token, _) = try await sessions.create(kind: .participant, accountID: participantID, organisationID: participant.organisationID,
                                                   method: "bankid", now: clock.now(), on: database)
        return token
    }

    private func signIn(_ account: StaffAccount, on database: any Database) async throws -> String {
        let accountID = try account.requireID()
        try await audit.record(AuditDraft(organisationID: account.$organisation.id, actorID: accountID, action: .login,
                                          subject: "staff:\(accountID.uuidString.lowercased())", purpose: "sign_in", query: "method=bankid"))
        let (token, _) = try await sessions.create(kind: .staff, accountID: accountID, organisationID: account.$organisation.id,
                                                   method: "bankid", now: clock.now(), on: database)
        return token
    }
}
