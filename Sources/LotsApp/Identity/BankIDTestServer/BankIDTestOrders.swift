import Foundation
import LotsCore

/// The state of Lots's BankID test server: orders as BankID keeps them, with BankID's timing rules.
/// It lives in memory because it plays an external service for demo and tests; Lots itself keeps
/// nothing of it.
actor BankIDTestOrders {
    struct Identity: Sendable, Equatable {
        var personalNumber: String
        var givenName: String
        var surname: String
        var name: String { "\(givenName) \(surname)" }
    }

    struct Order: Sendable {
        var response: BankIDAPI.AuthResponse
        var endUserIp: String
        var requiredPersonalNumber: String?
        var startedAt: Date
        var status: BankIDAPI.Status = .pending
        var hintCode: String = "outstandingTransaction"
        var identity: Identity?
        var endedAt: Date?
    }

    /// BankID lets an order wait three minutes for the user; completed orders can be collected for three
    /// minutes and failed ones for five.
    static let pendingLifetime: TimeInterval = 180
    static let completedLifetime: TimeInterval = 180
    static let failedLifetime: TimeInterval = 300

    private var orders: [String: Order] = [:]
    /// Read on every call so tests can move the application's clock.
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    func start(endUserIp: String, personalNumber: String?) throws(BankIDTestFailure) -> BankIDAPI.AuthResponse {
        expire()
        if let personalNumber {
            // A new order for someone with an order in progress cancels both, as BankID does.
            let clashing = orders.filter { $0.value.status == .pending && $0.value.requiredPersonalNumber == personalNumber }
            if !clashing.isEmpty {
                for key in clashing.keys { fail(key, hint: "cancelled") }
                throw .init(status: 400, errorCode: "alreadyInProgress", details: "Order already in progress for pno")
            }
        }
        let response = BankIDAPI.AuthResponse(
            orderRef: UUID().uuidString.lowercased(), autoStartToken: UUID().uuidString.lowercased(),
            qrStartToken: UUID().uuidString.lowercased(), qrStartSecret: UUID().uuidString.lowercased())
        orders[response.orderRef] = Order(response: response, endUserIp: endUserIp, requiredPersonalNumber: personalNumber, startedAt: now())
        return response
    }

    func collect(orderRef: String) throws(BankIDTestFailure) -> BankIDAPI.CollectResponse {
        expire()
        guard let order = orders[orderRef] else {
            throw .init(status: 400, errorCode: "invalidParameters", details: "No such order")
        }
        var completion: BankIDAPI.CompletionData?
        if order.status == .complete, let identity = order.identity {
            completion = .init(
                user: .init(personalNumber: identity.personalNumber, name: identity.name, givenName: identity.givenName, surname: identity.surname),
                device: .init(ipAddress: order.endUserIp, uhi: nil), bankIdIssueDate: "2024-01-15",
                signature: Data("<test-signature/>".utf8).base64EncodedString(), ocspResponse: Data("test-ocsp".utf8).base64EncodedString())
        }
        return .init(orderRef: orderRef, status: order.status, hintCode: order.status == .complete ? nil : order.hintCode, completionData: completion)
    }

    func cancel(orderRef: String) throws(BankIDTestFailure) {
        expire()
        guard orders.removeValue(forKey: orderRef) != nil else {
            throw .init(status: 400, errorCode: "invalidParameters", details: "No such order")
        }
    }

    // MARK: - the user's side (the page that plays the BankID app)

    /// The app opened the order, by autostart token or by a scanned QR code.
    func open(autoStartToken: String?, qrContent: String?) throws(BankIDTestFailure) -> String {
        expire()
        let now = now()
        let match = orders.first { _, order in
            guard order.status == .pending else { return false }
            if let autoStartToken, order.response.autoStartToken == autoStartToken { return true }
            if let qrContent { return Self.qrMatches(qrContent, order: order, now: now) }
            return false
        }
        guard let (orderRef, order) = match else {
            throw .init(status: 404, errorCode: "notFound", details: "No pending order matches; the QR code may be too old")
        }
        if order.requiredPersonalNumber == nil || order.hintCode == "outstandingTransaction" {
            orders[orderRef]?.hintCode = "userSign"
        }
        return orderRef
    }

    func approve(orderRef: String, identity: Identity) throws(BankIDTestFailure) {
        guard var order = orders[orderRef], order.status == .pending else {
            throw .init(status: 404, errorCode: "notFound", details: "The order is no longer pending")
        }
        if let required = order.requiredPersonalNumber, required != identity.personalNumber {
            throw .init(status: 400, errorCode: "invalidParameters", details: "The order was started for another person")
        }
        order.status = .complete
        order.identity = identity
        order.endedAt = now()
        orders[orderRef] = order
    }

    func userCancel(orderRef: String) {
        fail(orderRef, hint: "userCancel")
    }

    /// A scanned code is accepted as BankID accepts it: the right token, and an auth code that is the
    /// HMAC of a time no more than a few seconds old.
    static func qrMatches(_ content: String, order: Order, now: Date) -> Bool {
        let parts = content.split(separator: ".")
        guard parts.count == 4, parts[0] == "bankid", parts[1] == order.response.qrStartToken, let seconds = Int(parts[2]) else { return false }
        let elapsed = Int(now.timeIntervalSince(order.startedAt))
        // A phone reads the code a moment after it was drawn; ten seconds is generous but keeps old photos out.
        guard seconds <= elapsed + 1, elapsed - seconds <= 10 else { return false }
        return content == BankIDQRCode.content(qrStartToken: order.response.qrStartToken, qrStartSecret: order.response.qrStartSecret,
                                               secondsSinceStart: seconds)
    }

    private func fail(_ orderRef: String, hint: String) {
        guard orders[orderRef]?.status == .pending else { return }
        orders[orderRef]?.status = .failed
        orders[orderRef]?.hintCode = hint
        orders[orderRef]?.endedAt = now()
    }

    private func expire() {
        let now = now()
        for (orderRef, order) in orders {
            switch order.status {
            case .pending where now.timeIntervalSince(order.startedAt) > Self.pendingLifetime:
                fail(orderRef, hint: "expiredTransaction")
            case .complete where now.timeIntervalSince(order.endedAt ?? now) > Self.completedLifetime,
                 .failed where now.timeIntervalSince(order.endedAt ?? now) > Self.failedLifetime:
                orders.removeValue(forKey: orderRef)
            default:
                break
            }
        }
    }
}

/// An error the test server answers with, in BankID's error format.
struct BankIDTestFailure: Error, Sendable, Equatable {
    var status: Int
    var errorCode: String
    var details: String
}
