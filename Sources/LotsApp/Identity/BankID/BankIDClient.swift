import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// A client for BankID's relying-party API v6. In production it talks to BankID over mutual TLS with
/// the organisation's certificate; in demo mode and tests it talks to Lots's own BankID test server
/// over the same protocol.
struct BankIDClient: Sendable {
    /// e.g. `https://appapi2.bankid.com/rp/v6.0`
    var baseURL: String
    var httpClient: HTTPClient
    var timeout: TimeAmount = .seconds(10)

    func auth(_ request: BankIDAPI.AuthRequest) async throws(BankIDError) -> BankIDAPI.AuthResponse {
        try await post("auth", request, as: BankIDAPI.AuthResponse.self)
    }

    func collect(orderRef: String) async throws(BankIDError) -> BankIDAPI.CollectResponse {
        try await post("collect", BankIDAPI.OrderRequest(orderRef: orderRef), as: BankIDAPI.CollectResponse.self)
    }

    func cancel(orderRef: String) async throws(BankIDError) {
        struct Empty: Decodable {}
        _ = try await post("cancel", BankIDAPI.OrderRequest(orderRef: orderRef), as: Empty.self)
    }

    private func post<Body: Encodable, Response: Decodable>(_ endpoint: String, _ body: Body, as: Response.Type) async throws(BankIDError) -> Response {
        var request = HTTPClientRequest(url: baseURL.hasSuffix("/") ? baseURL + endpoint : baseURL + "/" + endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let status: Int
        let data: Data
        do {
            request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(body)))
            let response = try await httpClient.execute(request, timeout: timeout)
            status = Int(response.status.code)
            data = Data(buffer: try await response.body.collect(upTo: 1 << 20))
        } catch {
            throw .transport(String(describing: type(of: error)))
        }
        guard (200..<300).contains(status) else {
            if let failure = try? JSONDecoder().decode(BankIDAPI.ErrorResponse.self, from: data) {
                throw .rejected(errorCode: failure.errorCode, httpStatus: status)
            }
            throw .invalidResponse(httpStatus: status)
        }
        do { return try JSONDecoder().decode(Response.self, from: data) } catch { throw .invalidResponse(httpStatus: status) }
    }
}
