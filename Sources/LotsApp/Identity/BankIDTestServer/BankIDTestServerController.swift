import Foundation
import Vapor

/// The relying-party side of Lots's BankID test server: `/auth`, `/collect` and `/cancel` of RP API v6,
/// with BankID's request checks and error format, so the live client code is exercised unchanged.
enum BankIDTestServerController {
    @Sendable
    static func auth(req: Request) async throws -> Response {
        await answer(req) { orders in
            let body = try decode(BankIDAPI.AuthRequest.self, from: req)
            guard isIPAddress(body.endUserIp) else {
                throw BankIDTestFailure(status: 400, errorCode: "invalidParameters", details: "Invalid endUserIp")
            }
            if let number = body.requirement?.personalNumber, number.count != 12 || !number.allSatisfy(\.isASCIIDigit) {
                throw BankIDTestFailure(status: 400, errorCode: "invalidParameters", details: "Invalid personalNumber")
            }
            return try await orders.start(endUserIp: body.endUserIp, personalNumber: body.requirement?.personalNumber)
        }
    }

    @Sendable
    static func collect(req: Request) async throws -> Response {
        await answer(req) { orders in
            try await orders.collect(orderRef: try decode(BankIDAPI.OrderRequest.self, from: req).orderRef)
        }
    }

    @Sendable
    static func cancel(req: Request) async throws -> Response {
        await answer(req) { orders -> [String: String] in
            try await orders.cancel(orderRef: try decode(BankIDAPI.OrderRequest.self, from: req).orderRef)
            return [:]
        }
    }

    private static func answer<Body: Encodable>(_ req: Request, _ body: (BankIDTestOrders) async throws -> Body) async -> Response {
        do {
            guard req.headers.contentType?.type == "application" && req.headers.contentType?.subType == "json" else {
                throw BankIDTestFailure(status: 415, errorCode: "unsupportedMediaType", details: "Content-Type must be application/json")
            }
            return json(status: .ok, try await body(req.application.bankIDTestOrders))
        } catch let failure as BankIDTestFailure {
            return json(status: HTTPResponseStatus(statusCode: failure.status), BankIDAPI.ErrorResponse(errorCode: failure.errorCode, details: failure.details))
        } catch {
            return json(status: .badRequest, BankIDAPI.ErrorResponse(errorCode: "invalidParameters", details: "Malformed request"))
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, from req: Request) throws -> T {
        guard let buffer = req.body.data, let value = try? JSONDecoder().decode(T.self, from: Data(buffer: buffer)) else {
            throw BankIDTestFailure(status: 400, errorCode: "invalidParameters", details: "Malformed request body")
        }
        return value
    }

    private static func json<Body: Encodable>(status: HTTPResponseStatus, _ body: Body) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        let data = (try? JSONEncoder().encode(body)) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    static func isIPAddress(_ text: String) -> Bool {
        var ipv4 = in_addr()
        var ipv6 = in6_addr()
        return inet_pton(AF_INET, text, &ipv4) == 1 || inet_pton(AF_INET6, text, &ipv6) == 1
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Application {
    private struct BankIDTestOrdersKey: StorageKey { typealias Value = BankIDTestOrders }

    /// The test server's orders; created by `configure` wherever the test server is enabled.
    var bankIDTestOrders: BankIDTestOrders {
        get { required(BankIDTestOrdersKey.self, "the BankID test server") }
        set { storage[BankIDTestOrdersKey.self] = newValue }
    }

    /// Lots's own BankID test server runs in development, testing and demo mode, never in production.
    var bankIDTestServerEnabled: Bool { config.mode != .production || config.demo }
}
