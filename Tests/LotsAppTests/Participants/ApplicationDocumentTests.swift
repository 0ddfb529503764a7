import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import LotsApp

/// CVs and cover letters: typed by content, size-limited, sealed, versioned, and shared only with consent.
@Suite struct ApplicationDocumentTests {
    func fixture(_ name: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: repositoryRoot + "/Tests/Fixtures/documents/" + name))
    }

    @Test func uploadVersionsDownloadAndShareWithConsent() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let base = "/participants/\(amira.uuidString.lowercased())"
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let token = try #require(try await hanna.get(base).csrfToken)
            func upload(_ name: String, as fileName: String, kind: String = "cv") async throws -> String? {
                try await hanna.post(base + "/documents", fields: ["_csrf": token, "kind": kind], file: ("file", fileName, try fixture(name))).location
            }
            #expect(try await upload("cv.pdf", as: "Amira CV.pdf")?.hasSuffix("document=uploaded") == true)
            #expect(try await upload("cv.docx", as: "cv-ny.docx")?.hasSuffix("document=uploaded") == true)
            #expect(try await upload("sheet.xlsx", as: "cv.docx")?.hasSuffix("document=problem_type") == true, "a spreadsheet renamed .docx")
            #expect(try await upload("cv.odt", as: "brev.odt", kind: "cover_letter")?.hasSuffix("document=uploaded") == true)

            let documents = try await ApplicationDocument.query(on: app.db).sort(\.$createdAt).all()
            #expect(documents.map { "\($0.kind.rawValue) v\($0.version) \($0.fileType)" } == ["cv v1 pdf", "cv v2 docx", "cover_letter v1 odt"])
            #expect(!String(decoding: documents[0].content, as: UTF8.self).contains("%PDF"), "sealed at rest")
            #expect(!String(decoding: documents[0].fileName, as: UTF8.self).contains("Amira"))

            let profile = try await hanna.get(base)
            #expect(profile.body.contains("Amira_CV.pdf") && profile.body.contains("cv-ny.docx") && profile.body.contains("brev.odt"))
            let download = try await hanna.get(base + "/documents/\(try documents[0].requireID().uuidString.lowercased())")
            #expect(download.status == .ok && download.headers.contentType?.description == "application/pdf")
            #expect(download.body == String(decoding: try fixture("cv.pdf"), as: UTF8.self))
            #expect(download.headers.first(name: .contentDisposition) == "attachment; filename=\"Amira_CV.pdf\"")

            // Sharing needs the participant's consent; then the disclosure is recorded and audited.
            let share = base + "/documents/\(try documents[1].requireID().uuidString.lowercased())/share"
            #expect(try await hanna.post(share, form: ["_csrf": token, "recipient": "Lager AB, Eva Chef", "consentedOn": "2026-11-20"]).location?
                .hasSuffix("problem_consent") == true)
            #expect(try await hanna.post(share, form: ["_csrf": token, "recipient": "Lager AB, Eva Chef", "consentedOn": "2026-11-20", "consent": "yes"])
                .location?.hasSuffix("document=shared") == true)
            let disclosure = try #require(try await Disclosure.query(on: app.db).first())
            #expect(disclosure.consentedOn == "2026-11-20" && !String(decoding: disclosure.recipient, as: UTF8.self).contains("Lager"))
            #expect(try await hanna.get(base).body.contains("Lager AB, Eva Chef"))
            let disclosed = try await app.db.sql.raw("SELECT query FROM audit_events WHERE action = 'disclose'").all()
                .map { try $0.decode(column: "query", as: String.self) }
            #expect(disclosed == ["document cv v2 to employer"])

            // Amira sees and downloads her own documents on her page; another participant cannot.
            func participantBrowser(_ id: UUID) async throws -> TestBrowser {
                let organisationID = try #require(try await Participant.find(id, on: app.db)).organisationID
                let (session, _) = try await app.sessionStore.create(kind: .participant, accountID: id, organisationID: organisationID, method: "test",
                                                                     now: app.clock.now(), on: app.db)
                let browser = TestBrowser(app)
                browser.setCookie(SessionMiddleware.cookieName, session)
                return browser
            }
            let own = try await participantBrowser(amira)
            let ownPage = try await own.get("/me")
            #expect(ownPage.body.contains("Amira_CV.pdf") && ownPage.body.contains("data-e2e=\"own-documents\""))
            let ownPath = "/me/documents/\(try documents[0].requireID().uuidString.lowercased())"
            #expect(try await own.get(ownPath).body == String(decoding: try fixture("cv.pdf"), as: UTF8.self))
            let bertil = try await participantBrowser(try await ParticipantFixture.id(of: "Bertil", in: app))
            #expect(try await bertil.get(ownPath).status == .notFound, "nobody else's documents")

            // Another handledare gets nothing; a unit manager sees the list but cannot open the files.
            let hugo = try await TestBrowser.signedIn(as: "Hugo Handledarsson", in: app)
            #expect(try await hugo.get(base + "/documents/\(try documents[0].requireID().uuidString.lowercased())").status == .forbidden)
            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            let evaView = try await eva.get(base)
            #expect(evaView.body.contains("Amira_CV.pdf") && !evaView.body.contains(base + "/documents/"))
        }
    }

    @Test func emptyAndOversizedFilesChangeNothing() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let hanna = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hanna Handledarsson").first())
            let roles = try await StaffRoleAssignment.query(on: app.db).filter(\.$staffAccount.$id == hanna.requireID()).all()
                .map { SignedInSession.RoleGrant(role: $0.role, unitID: $0.$unit.id) }
            let actor = StaffActor(accountID: try hanna.requireID(), organisationID: hanna.$organisation.id, roles: roles)
            let documents = app.applicationDocuments
            await #expect(throws: ApplicationDocuments.Problem.empty) {
                _ = try await documents.upload(Data(), fileName: "x.pdf", kind: .cv, participantID: amira, by: actor, on: app.db)
            }
            let big = Data("%PDF-1.4\n".utf8) + Data(count: ApplicationDocuments.maxBytes)
            await #expect(throws: ApplicationDocuments.Problem.tooLarge) {
                _ = try await documents.upload(big, fileName: "x.pdf", kind: .cv, participantID: amira, by: actor, on: app.db)
            }
            #expect(try await ApplicationDocument.query(on: app.db).count() == 0)
            #expect(ApplicationDocuments.safeFileName("../../etc/Åsa's \"CV\".exe", type: .pdf) == "Asa_s__CV_.pdf")
        }
    }
}
