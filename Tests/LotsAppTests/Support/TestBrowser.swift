import Fluent
import Foundation
import NIOCore
import NIOFoundationCompat
import Testing
import VaporTesting
@testable import LotsApp

/// A browser for tests: keeps cookies between requests and reads the CSRF token from pages, so tests
/// walk through Lots the way a person's browser does.
final class TestBrowser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    struct Page {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: String

        var location: String? { headers.first(name: .location) }

        /// The value of the first hidden `_csrf` field on the page.
        var csrfToken: String? {
            guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> Page {
        try await send(.GET, path, headers: headers, body: nil)
    }

    @discardableResult
    func post(_ path: String, form: [String: String], headers: HTTPHeaders = [:]) async throws -> Page {
        let encoded = form.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
        }.joined(separator: "&")
        var headers = headers
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: encoded))
    }

    /// A form with a file, as `multipart/form-data` (RFC 7578).
    @discardableResult
    func post(_ path: String, fields: [String: String], file: (name: String, filename: String, data: Data)) async throws -> Page {
        let boundary = "lots-test-" + UUID().uuidString
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: text/csv\r\n\r\n".utf8))
        body.append(file.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    private func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        var page: Page?
        try await app.testing().test(method, path, headers: headers, body: body) { response in
            for (name, value) in response.headers.setCookie?.all ?? [:] {
                if value.string.isEmpty || value.maxAge == 0 { cookies.removeValue(forKey: name) } else { cookies[name] = value.string }
            }
            page = Page(status: response.status, headers: response.headers, body: response.body.string)
        }
        return page!
    }
}

extension TestBrowser {
    /// A browser already signed in as the demo staff member with this name (seed the demo data first).
    static func signedIn(as name: String, in app: Application) async throws -> TestBrowser {
        let account = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == name).first(), "no demo account \(name)")
        let (token, _) = try await app.sessionStore.create(kind: .staff, accountID: try account.requireID(), organisationID: account.$organisation.id,
                                                           method: "test", now: app.clock.now(), on: app.db)
        let browser = TestBrowser(app)
        browser.setCookie(SessionMiddleware.cookieName, token)
        return browser
    }

    /// A participant's own session, as after signing in with BankID.
    static func signedInParticipant(_ participantID: UUID, in app: Application) async throws -> TestBrowser {
        let participant = try #require(try await Participant.find(participantID, on: app.db))
        let (token, _) = try await app.sessionStore.create(kind: .participant, accountID: participantID, organisationID: participant.organisationID,
                                                           method: "test", now: app.clock.now(), on: app.db)
        let browser = TestBrowser(app)
        browser.setCookie(SessionMiddleware.cookieName, token)
        return browser
    }
}
