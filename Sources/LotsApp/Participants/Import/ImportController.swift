import Fluent
import Foundation
import Vapor

/// The administrator's import of AF assignments: upload, preview, commit.
enum ImportController {
    @Sendable
    static func form(req: Request) async throws -> HTML {
        ImportPage.render(.init(units: try await units(req), stage: .upload(problem: nil)), context: req.pageContext)
    }

    private static func units(_ req: Request) async throws -> [(id: UUID, name: String)] {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        return try await OrganisationUnit.query(on: req.db).filter(\.$organisation.$id == session.organisationID).sort(\.$name).all()
            .map { (try $0.requireID(), $0.name) }
    }

    /// Reads the uploaded file, keeps it sealed for the commit, and shows every row's outcome.
    @Sendable
    static func preview(req: Request) async throws -> Response {
        struct Form: Content {
            var file: File?
            var unit: UUID?
        }
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        let units = try await units(req)
        let form = try req.content.decode(Form.self)
        guard let unitID = form.unit, units.contains(where: { $0.id == unitID }) else { throw Abort(.badRequest, reason: "Choose one of your units.") }
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await ImportPage.render(.init(units: units, stage: .upload(problem: req.texts(ImportText.fileEmpty))), context: req.pageContext)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let data = Data(buffer: file.data)
        let plan: AssignmentImport.Plan
        do { plan = try await req.application.assignmentImport.preview(data, organisationID: session.organisationID, on: req.db) } catch let problem as AFAssignmentFile.Problem {
            return try await ImportPage.render(.init(units: units, stage: .upload(problem: req.texts.message(problem))), context: req.pageContext)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let upload = ImportUpload()
        let uploadID = UUID()
        upload.id = uploadID
        upload.organisationID = session.organisationID
        upload.uploadedBy = session.accountID
        upload.unitID = unitID
        upload.fingerprint = plan.fingerprint
        upload.expiresAt = req.clock.now().addingTimeInterval(ImportUpload.lifetime)
        upload.content = try await req.application.keyRing.sealUpload(data, uploadID: uploadID, organisationID: session.organisationID, on: req.db)
        try await upload.create(on: req.db)
        let unitName = units.first { $0.id == unitID }?.name ?? ""
        return try await ImportPage.render(.init(units: units, stage: .preview(plan, uploadID: uploadID, unit: unitName)), context: req.pageContext)
            .encodeResponse(for: req)
    }

    /// Saves every importable row of the previewed file in one transaction, then forgets the file.
    @Sendable
    static func commit(req: Request) async throws -> Response {
        guard let session = req.signedIn, let uploadID = req.parameters.get("uploadID", as: UUID.self),
              let upload = try await ImportUpload.find(uploadID, on: req.db), upload.organisationID == session.organisationID else {
            throw Abort(.notFound)
        }
        let units = try await units(req)
        guard upload.committedAt == nil, upload.expiresAt > req.clock.now(), let sealed = upload.content else {
            return try await ImportPage.render(.init(units: units, stage: .upload(problem: req.texts(ImportText.uploadExpired))), context: req.pageContext)
                .encodeResponse(status: .gone, for: req)
        }
        let data = try await req.application.keyRing.openUpload(sealed, uploadID: uploadID, organisationID: session.organisationID, on: req.db)
        let actor = AuditDraft(organisationID: session.organisationID, actorID: session.accountID, actorRole: StaffActor(session).auditRole,
                               action: .create, purpose: "af_import")
        let committed = try await req.db.transaction { db in
            let (_, committed) = try await req.application.assignmentImport.commit(data, organisationID: session.organisationID, unitID: upload.unitID,
                                                                                   by: actor, on: db)
            upload.committedAt = req.clock.now()
            upload.content = nil
            try await upload.update(on: db)
            return committed
        }
        return try await ImportPage.render(.init(units: units, stage: .committed(committed)), context: req.pageContext).encodeResponse(for: req)
    }
}
