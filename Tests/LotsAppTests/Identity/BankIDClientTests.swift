import AsyncHTTPClient
import Foundation
import LotsCore
import NIOCore
import Testing
import VaporTesting
@testable import LotsApp

/// The live BankID client against Lots's BankID test server, over real HTTP on a loopback port.
@Suite struct BankIDClientTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let tolvan = BankIDTestOrders.Identity(personalNumber: "191212121212", givenName: "Tolvan", surname: "Tolvansson")

    func withBankID(_ body: (Application, BankIDClient, FixedClock) async throws -> Void) async throws {
        try await withLotsApp { app in
            let clock = FixedClock(start)
            app.clock = clock
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let http = HTTPClient(eventLoopGroup: app.eventLoopGroup)
            let client = BankIDClient(baseURL: SiteRoute.bankIDTestBaseURL(origin: "http://127.0.0.1:\(port)"), httpClient: http)
            do {
                try await body(app, client, clock)
            } catch {
                try? await http.shutdown()
                await app.server.shutdown()
                throw error
            }
            try await http.shutdown()
            await app.server.shutdown()
        }
    }

    @Test func authCollectUntilComplete() async throws {
        try await withBankID { app, client, clock in
            let order = try await client.auth(.init(endUserIp: "192.0.2.10"))
            var collected = try await client.collect(orderRef: order.orderRef)
            #expect(collected.status == .pending)
            #expect(collected.hintCode == "outstandingTransaction")

            let opened = try await app.bankIDTestOrders.open(autoStartToken: order.autoStartToken, qrContent: nil)
            #expect(opened == order.orderRef)
            collected = try await client.collect(orderRef: order.orderRef)
            #expect(collected.hintCode == "userSign")

            try await app.bankIDTestOrders.approve(orderRef: order.orderRef, identity: tolvan)
            collected = try await client.collect(orderRef: order.orderRef)
            #expect(collected.status == .complete)
            #expect(collected.hintCode == nil)
            #expect(collected.completionData?.user.personalNumber == "191212121212")
            #expect(collected.completionData?.device?.ipAddress == "192.0.2.10")

            // Completed orders can be collected for three minutes, then BankID forgets them.
            clock.advance(by: 181)
            await #expect(throws: BankIDError.rejected(errorCode: "invalidParameters", httpStatus: 400)) {
                try await client.collect(orderRef: order.orderRef)
            }
        }
    }

    @Test func scannedQRCodeOpensTheOrderOnlyWhenFresh() async throws {
        try await withBankID { app, client, clock in
            let order = try await client.auth(.init(endUserIp: "2001:db8::1"))
            let orders = app.bankIDTestOrders
            clock.advance(by: 3)
            let forged = "bankid.\(order.qrStartToken).3.\(String(repeating: "0", count: 64))"
            await #expect(throws: BankIDTestFailure.self) { try await orders.open(autoStartToken: nil, qrContent: forged) }
            let stale = BankIDQRCode.content(qrStartToken: order.qrStartToken, qrStartSecret: order.qrStartSecret, secondsSinceStart: 0)
            clock.advance(by: 20)
            await #expect(throws: BankIDTestFailure.self) { try await orders.open(autoStartToken: nil, qrContent: stale) }
            let fresh = BankIDQRCode.content(qrStartToken: order.qrStartToken, qrStartSecret: order.qrStartSecret, secondsSinceStart: 21)
            #expect(try await orders.open(autoStartToken: nil, qrContent: fresh) == order.orderRef)
        }
    }

    @Test func failuresUseBankIDsErrorCodes() async throws {
        try await withBankID { app, client, clock in
            await #expect(throws: BankIDError.rejected(errorCode: "invalidParameters", httpStatus: 400)) {
                try await client.auth(.init(endUserIp: "not-an-ip"))
            }
            await #expect(throws: BankIDError.rejected(errorCode: "invalidParameters", httpStatus: 400)) {
                try await client.collect(orderRef: UUID().uuidString)
            }

            let required = BankIDAPI.AuthRequest(endUserIp: "192.0.2.1", requirement: .init(personalNumber: "191212121212"))
            let first = try await client.auth(required)
            await #expect(throws: BankIDError.rejected(errorCode: "alreadyInProgress", httpStatus: 400)) {
                try await client.auth(required)
            }
            #expect(try await client.collect(orderRef: first.orderRef).hintCode == "cancelled")

            let cancelled = try await client.auth(.init(endUserIp: "192.0.2.1"))
            try await client.cancel(orderRef: cancelled.orderRef)
            await #expect(throws: BankIDError.rejected(errorCode: "invalidParameters", httpStatus: 400)) {
                try await client.collect(orderRef: cancelled.orderRef)
            }

            let declined = try await client.auth(.init(endUserIp: "192.0.2.1"))
            await app.bankIDTestOrders.userCancel(orderRef: declined.orderRef)
            let collected = try await client.collect(orderRef: declined.orderRef)
            #expect(collected.status == .failed && collected.hintCode == "userCancel")

            let forgotten = try await client.auth(.init(endUserIp: "192.0.2.1"))
            clock.advance(by: 181)
            let expired = try await client.collect(orderRef: forgotten.orderRef)
            #expect(expired.status == .failed && expired.hintCode == "expiredTransaction")
        }
    }

    @Test func testServerRefusesWhatBankIDRefuses() async throws {
        try await withLotsApp { app in
            try await app.testing().test(.POST, "/bankid-test/rp/v6.0/auth", headers: ["Content-Type": "text/plain"], body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.body.string.contains("unsupportedMediaType"))
            }
            try await app.testing().test(.POST, "/bankid-test/rp/v6.0/auth", headers: ["Content-Type": "application/json"], body: ByteBuffer(string: "{\"endUserIp\":")) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("invalidParameters"))
            }
        }
    }
}
