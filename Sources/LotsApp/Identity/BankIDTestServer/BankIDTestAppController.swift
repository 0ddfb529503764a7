import Foundation
import Vapor

/// The test server's stand-in for the BankID app: opened by the same-device link or by entering the
/// content of the QR code, then the person picks a demo identity and approves or cancels.
enum BankIDTestAppController {
    @Sendable
    static func show(req: Request) async throws -> Response {
        var model = BankIDTestAppPage.Model(orderRef: nil, identities: identities, notice: nil)
        if let token = req.queryValue("autostarttoken") {
            do { model.orderRef = try await req.application.bankIDTestOrders.open(autoStartToken: token, qrContent: nil) } catch {
                model.notice = .notFound
            }
        }
        return try await BankIDTestAppPage.render(model, context: req.pageContext).encodeResponse(for: req)
    }

    @Sendable
    static func scan(req: Request) async throws -> Response {
        struct Form: Content { var qr: String }
        let form = try req.content.decode(Form.self)
        var model = BankIDTestAppPage.Model(orderRef: nil, identities: identities, notice: nil)
        do { model.orderRef = try await req.application.bankIDTestOrders.open(autoStartToken: nil, qrContent: form.qr.trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
            model.notice = .notFound
        }
        return try await BankIDTestAppPage.render(model, context: req.pageContext).encodeResponse(for: req)
    }

    @Sendable
    static func approve(req: Request) async throws -> Response {
        struct Form: Content { var orderRef: String; var identity: Int }
        let form = try req.content.decode(Form.self)
        guard identities.indices.contains(form.identity) else { throw Abort(.badRequest) }
        var model = BankIDTestAppPage.Model(orderRef: nil, identities: identities, notice: .approved)
        do { try await req.application.bankIDTestOrders.approve(orderRef: form.orderRef, identity: identities[form.identity]) } catch {
            model.notice = .notFound
        }
        return try await BankIDTestAppPage.render(model, context: req.pageContext).encodeResponse(for: req)
    }

    @Sendable
    static func cancel(req: Request) async throws -> Response {
        struct Form: Content { var orderRef: String }
        await req.application.bankIDTestOrders.userCancel(orderRef: try req.content.decode(Form.self).orderRef)
        let model = BankIDTestAppPage.Model(orderRef: nil, identities: identities, notice: .cancelled)
        return try await BankIDTestAppPage.render(model, context: req.pageContext).encodeResponse(for: req)
    }

    /// Everyone in the demo data (once, also who works for both organisations), plus one person without an
    /// account (to show that case).
    static var identities: [BankIDTestOrders.Identity] {
        var seen = Set<Int>()
        let people = (DemoData.caseManagementStaff + DemoData.partnershipStaff).filter { seen.insert($0.identity).inserted }.sorted { $0.identity < $1.identity }
        let staff = people.map {
            BankIDTestOrders.Identity(personalNumber: $0.identityNumber.digits, givenName: $0.givenName, surname: $0.surname)
        }
        // Two participants (one with a protected identity) sign in to their own pages.
        let participants = DemoParticipants.seeds.enumerated().filter { ["Amira", "Cecilia"].contains($0.element.givenName) }.map { index, seed in
            BankIDTestOrders.Identity(personalNumber: DemoParticipants.identityNumber(index).digits, givenName: seed.givenName, surname: seed.familyName)
        }
        return staff + participants + [BankIDTestOrders.Identity(personalNumber: DemoData.identityNumber(99).digits, givenName: "Okänd", surname: "Utan Konto")]
    }
}
