import Fluent
import Foundation
import LotsCore
import Testing
import Vapor
@testable import LotsApp

/// Importing AF assignments: the preview's outcome for every row, the all-or-nothing commit, updates and
/// re-imports, on the example files shipped in docs/examples.
@Suite struct AssignmentImportTests {
    static let example = repositoryRoot + "/docs/examples/af-assignments.csv"
    static let withProblems = repositoryRoot + "/docs/examples/af-assignments-with-problems.csv"

    func file(_ path: String) throws -> Data { try #require(FileManager.default.contents(atPath: path)) }

    func context(_ app: Application) async throws -> (organisationID: UUID, unitID: UUID, actor: AuditDraft) {
        try await app.demoSeeder.seedIfEmpty(on: app.db)
        let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.caseManagement.slug).first())
        let organisationID = try organisation.requireID()
        let unit = try #require(try await OrganisationUnit.query(on: app.db).filter(\.$organisation.$id == organisationID).sort(\.$name).first())
        return (organisationID, try unit.requireID(), AuditDraft(organisationID: organisationID, actorRole: "test", action: .create, purpose: "af_import"))
    }

    func participant(_ digits: String, _ app: Application, _ organisationID: UUID) async throws -> UUID {
        let index = try await app.keyRing.blindIndex(digits, field: Participant.personalNumberField, organisationID: organisationID, on: app.db)
        return try #require(try await Participant.query(on: app.db).filter(\.$personalNumberIndex == index).first()?.requireID())
    }

    @Test func thePreviewTellsEveryRowsOutcomeAndSavesNothing() async throws {
        try await withLotsApp { app in
            let (organisationID, _, _) = try await context(app)
            let before = try await Participant.query(on: app.db).count()
            let plan = try await app.assignmentImport.preview(try file(Self.withProblems), organisationID: organisationID, on: app.db)
            let outcomes = Dictionary(uniqueKeysWithValues: plan.rows.map { ($0.line, $0.outcome) })
            #expect((2...6).allSatisfy { outcomes[$0] == .new }, "five new people")
            #expect(outcomes[7] == .extension, "a new genomförandereferens for a person earlier in the file")
            #expect(outcomes[8] == .duplicate, "a row repeated")
            let expected: [Int: AFAssignment.Problem] = [
                9: .identityNumber(.invalidChecksum), 10: .identityNumber(.invalidDate), 11: .missing(.personalNumber),
                12: .missing(.implementationReference), 13: .malformedDate(.startsOn), 14: .endBeforeStart, 15: .unknownLevel,
                16: .participationRate, 17: .email, 18: .missing(.givenName), 19: .identityNumber(.invalidLength),
                20: .conflictsWithLine(2), 21: .identityNumber(.dateInFuture),
            ]
            for (line, problem) in expected {
                guard case .error(let problems) = outcomes[line] else {
                    Issue.record("line \(line) should be refused, was \(String(describing: outcomes[line]))")
                    continue
                }
                #expect(problems == [problem], "line \(line)")
            }
            #expect(plan.rows.count == 20)
            #expect(try await Participant.query(on: app.db).count() == before, "a preview saves nothing")
        }
    }

    @Test func commitSavesEveryImportableRowAndAReimportChangesNothing() async throws {
        try await withLotsApp { app in
            let (organisationID, unitID, actor) = try await context(app)
            let participants = try await Participant.query(on: app.db).count()
            let placements = try await Placement.query(on: app.db).count()
            let (_, committed) = try await app.assignmentImport.commit(try file(Self.withProblems), organisationID: organisationID, unitID: unitID,
                                                                       by: actor, on: app.db)
            #expect(committed == .init(created: 5, extended: 1, updated: 0, unchanged: 1, refused: 13))
            #expect(try await Participant.query(on: app.db).count() == participants + 5)
            #expect(try await Placement.query(on: app.db).count() == placements + 6)

            // The samordningsnummer is stored as 12 digits and found by it; the fields are sealed and readable.
            let emil = try await participant("182505713426", app, organisationID)
            let placement = try #require(try await Placement.query(on: app.db).filter(\.$participantID == emil).first())
            let key = try await app.keyRing.subjectKey(emil, organisationID: organisationID, on: app.db)
            let row = SealedRow(key: key, table: Placement.schema, rowID: try placement.requireID())
            #expect(try row.open(placement.orderNumber, "order_number") == "ON-55005")
            #expect(try row.open(placement.caseOfficer, "case_officer") == "Handläggare Exempel, 08-465 004 10")
            #expect(placement.participationRate == 100 && placement.level == "B" && placement.handledareID == nil)

            let events = try await ParticipantFixture.lastSequence(app)
            let again = try await app.assignmentImport.commit(try file(Self.withProblems), organisationID: organisationID, unitID: unitID,
                                                              by: actor, on: app.db)
            #expect(again.1 == .init(created: 0, extended: 0, updated: 0, unchanged: 7, refused: 13), "the same file again changes nothing")
            #expect(try await Participant.query(on: app.db).count() == participants + 5)
            #expect(try await ParticipantFixture.events(after: events, in: app).isEmpty, "and writes no audit event")
        }
    }

    @Test func changedValuesForARegisteredReferenceAreAnUpdate() async throws {
        try await withLotsApp { app in
            let (organisationID, unitID, actor) = try await context(app)
            _ = try await app.assignmentImport.commit(try file(Self.example), organisationID: organisationID, unitID: unitID, by: actor, on: app.db)
            let changed = String(decoding: try file(Self.example), as: UTF8.self)
                .replacingOccurrences(of: "070-1740612", with: "070-1740699")
                .replacingOccurrences(of: "GR-2026-1002;ON-55002;18270702-3186;Björn;Testberg", with: "GR-2026-1002;ON-55002;182707023186;Björn;Testberg")
                .replacingOccurrences(of: "REF8002;2026-11-02;2027-05-01;A", with: "REF8002;2026-11-02;2027-06-30;A")
            let plan = try await app.assignmentImport.preview(Data(changed.utf8), organisationID: organisationID, on: app.db)
            #expect(plan.rows.map(\.outcome) == [.duplicate, .update([.phone, .endsOn]), .duplicate, .duplicate, .duplicate])
            let events = try await ParticipantFixture.lastSequence(app)
            let (_, committed) = try await app.assignmentImport.commit(Data(changed.utf8), organisationID: organisationID, unitID: unitID,
                                                                       by: actor, on: app.db)
            #expect(committed.updated == 1)
            let bjorn = try await participant("182707023186", app, organisationID)
            let participant = try #require(try await Participant.find(bjorn, on: app.db))
            let key = try await app.keyRing.subjectKey(bjorn, organisationID: organisationID, on: app.db)
            #expect(try SealedRow(key: key, table: Participant.schema, rowID: bjorn).open(participant.phone, "phone") == "070-1740699")
            #expect(try await Placement.query(on: app.db).filter(\.$participantID == bjorn).first()?.endsOn == "2027-06-30")
            let audit = try await ParticipantFixture.events(after: events, in: app)
            #expect(audit.map(\.action) == ["update"] && audit.first?.query == "import: telefon,slutdatum")
            #expect(audit.first?.subject == SubjectReference.participant(bjorn))
        }
    }

    @Test func jsonWithTheAPIsFieldNamesIsReadToo() async throws {
        try await withLotsApp { app in
            let (organisationID, _, _) = try await context(app)
            let json = #"{"assignments": [{"genomforande_referens": "GR-9", "personnummer": "182603144219", "fornamn": "Amal", "efternamn": "Exempelsson","#
                + #" "startdatum_insats": "2026-11-02", "slutdatum_insats": "2027-05-01", "niva": "b", "deltagandegrad": 75, "okant_falt": "x"}]}"#
            let plan = try await app.assignmentImport.preview(Data(json.utf8), organisationID: organisationID, on: app.db)
            #expect(plan.rows.map(\.outcome) == [.new])
            #expect(plan.rows.first?.assignment?.level == "B" && plan.rows.first?.assignment?.participationRate == 75)
            #expect(plan.ignoredColumns == ["okant_falt"])
        }
    }

    @Test func unreadableFilesAreRefusedWithTheirReason() async throws {
        try await withLotsApp { app in
            let (organisationID, _, _) = try await context(app)
            func problem(_ data: Data) async -> AFAssignmentFile.Problem? {
                do { _ = try await app.assignmentImport.preview(data, organisationID: organisationID, on: app.db); return nil } catch {
                    return error as? AFAssignmentFile.Problem
                }
            }
            #expect(await problem(Data("Personnummer;Förnamn\n18260314-4219;Amal".utf8))
                == .missingColumns([.implementationReference, .familyName, .startsOn, .endsOn, .level]))
            #expect(await problem("Genomförandereferens;Personnummer\nGR-1;Åsa".data(using: .isoLatin1)!) == .notUTF8)
            #expect(await problem(Data("[1, 2]".utf8)) == .malformedJSON)
            #expect(await problem(Data("{\"x\": ".utf8)) == .malformedJSON)
            #expect(await problem(Data("".utf8)) == .empty)
            let header = "Genomförandereferens;Personnummer;Förnamn;Efternamn;Startdatum;Slutdatum;Nivå;Nivå"
            #expect(await problem(Data(header.utf8)) == .duplicateColumn(.level))
        }
    }

    @Test func aFailedCommitSavesNothing() async throws {
        try await withLotsApp { app in
            let (organisationID, _, actor) = try await context(app)
            let partnership = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.partnership.slug).first())
            let foreignUnit = OrganisationUnit(organisationID: try partnership.requireID(), name: "Another organisation's unit")
            try await foreignUnit.create(on: app.db)
            let participants = try await Participant.query(on: app.db).count()
            await #expect(throws: ParticipantRegistry.Failure.foreignReference) {
                _ = try await app.assignmentImport.commit(try file(Self.example), organisationID: organisationID, unitID: try foreignUnit.requireID(),
                                                          by: actor, on: app.db)
            }
            #expect(try await Participant.query(on: app.db).count() == participants)
        }
    }

    // MARK: - The API, as an integration calls it

    func post(_ app: Application, _ path: String, token: String?, body: Data, contentType: HTTPMediaType = .init(type: "text", subType: "csv"))
        async throws -> (HTTPResponseStatus, String) {
        var headers = HTTPHeaders()
        headers.contentType = contentType
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var result: (HTTPResponseStatus, String)?
        try await app.testing().test(.POST, path, headers: headers, body: .init(data: body)) { result = ($0.status, $0.body.string) }
        return try #require(result)
    }

    @Test func theAPIPreviewsAndCommitsWithTheImportScopeOnly() async throws {
        try await withLotsApp { app in
            let (organisationID, _, _) = try await context(app)
            let service = APIClientService(clock: app.clock, audit: app.auditLog)
            let (token, _) = try await service.create(organisationID: organisationID, name: "AF", scopes: [.importsWrite], days: 30, createdBy: nil, on: app.db)
            let (reader, _) = try await service.create(organisationID: organisationID, name: "BI", scopes: [.warehouseRead], days: 30, createdBy: nil, on: app.db)
            let body = try file(Self.withProblems)
            let before = try await Participant.query(on: app.db).count()

            #expect(try await post(app, "/api/v1/imports?dry_run=true", token: nil, body: body).0 == .unauthorized)
            #expect(try await post(app, "/api/v1/imports?dry_run=true", token: reader, body: body).0 == .forbidden)

            let (previewStatus, preview) = try await post(app, "/api/v1/imports?dry_run=true", token: token, body: body)
            #expect(previewStatus == .ok)
            let result = try JSONDecoder().decode(ImportAPIController.Body.self, from: Data(preview.utf8))
            #expect(result.committed == nil && result.summary == ["new": 5, "extension": 1, "update": 0, "duplicate": 1, "error": 13])
            #expect(result.rows.count == 20 && result.rows.allSatisfy { $0.outcome != "error" || !$0.reasons.isEmpty })
            #expect(try await Participant.query(on: app.db).count() == before)

            let (missingUnit, _) = try await post(app, "/api/v1/imports", token: token, body: body)
            #expect(missingUnit == .badRequest, "two units: the integration must name one")
            let unit = "/api/v1/imports?unit=" + "Rusta och matcha, Exempelstad city".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let (status, committed) = try await post(app, unit, token: token, body: body)
            #expect(status == .created)
            let saved = try JSONDecoder().decode(ImportAPIController.Body.self, from: Data(committed.utf8)).committed
            #expect(saved?.created == 5 && saved?.extended == 1 && saved?.refused == 13)
            #expect(try await Participant.query(on: app.db).count() == before + 5)

            let (broken, message) = try await post(app, unit, token: token, body: Data("Förnamn;Efternamn\nA;B".utf8))
            #expect(broken == .unprocessableEntity && message.contains("Kolumner saknas"))
            let json = Data(#"[{"genomforande_referens": "GR-77", "personnummer": "bad"}]"#.utf8)
            let (jsonStatus, jsonBody) = try await post(app, "/api/v1/imports?dry_run=1", token: token, body: json, contentType: .json)
            #expect(jsonStatus == .ok && jsonBody.contains("\"outcome\":\"error\""))
        }
    }

    // MARK: - The administrator's pages

    @Test func anAdministratorUploadsPreviewsAndCommitsInTheBrowser() async throws {
        try await withLotsApp { app in
            let (organisationID, unitID, _) = try await context(app)
            let admin = try await TestBrowser.signedIn(as: "Adam Administratör", in: app)
            let form = try await admin.get("/participants/import")
            #expect(form.status == .ok && form.body.contains("enctype=\"multipart/form-data\""))
            let token = try #require(form.csrfToken)
            let before = try await Participant.query(on: app.db).count()

            let preview = try await admin.post("/participants/import", fields: ["_csrf": token, "unit": unitID.uuidString],
                                               file: ("file", "af.csv", try file(Self.withProblems)))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("5 nya, 1 förlängningar, 0 ändringar, 1 dubbletter, 13 fel"))
            #expect(preview.body.contains("Kontrollsiffran stämmer inte"))
            #expect(preview.body.components(separatedBy: "data-outcome=\"error\"").count - 1 == 13)
            #expect(try await Participant.query(on: app.db).count() == before)

            // The file waits sealed, never in clear.
            let upload = try #require(try await ImportUpload.query(on: app.db).first())
            #expect(!String(decoding: upload.content ?? Data(), as: UTF8.self).contains("Exempelsson"))

            let action = try #require(preview.body.range(of: "/participants/import/").map { range in
                String(preview.body[range.lowerBound...].prefix { $0 != "\"" })
            })
            let done = try await admin.post(action, form: ["_csrf": token])
            #expect(done.status == .ok && done.body.contains("Importerat: 5 nya deltagare, 1 förlängningar"))
            #expect(try await Participant.query(on: app.db).count() == before + 5)
            #expect(try await ImportUpload.query(on: app.db).first()?.content == nil, "the file is gone after the commit")
            #expect(try await admin.post(action, form: ["_csrf": token]).status == .gone, "and cannot be committed twice")

            // A handledare may not import; a broken file changes nothing and says why.
            let handledare = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(try await handledare.get("/participants/import").status == .forbidden)
            let broken = try await admin.post("/participants/import", fields: ["_csrf": token, "unit": unitID.uuidString],
                                              file: ("file", "x.csv", Data("Förnamn;Efternamn\nA;B\n".utf8)))
            #expect(broken.status == .unprocessableEntity && broken.body.contains("Kolumner saknas"))
            _ = organisationID
        }
    }
}
