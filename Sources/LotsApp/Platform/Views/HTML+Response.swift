import Vapor

extension HTML: AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        encodeResponse(status: .ok)
    }

    func encodeResponse(status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: render()))
    }
}

extension HTTPMediaType {
    static let htmlUTF8 = HTTPMediaType(type: "text", subType: "html", parameters: ["charset": "utf-8"])
}
