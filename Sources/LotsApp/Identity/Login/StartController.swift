import Fluent
import Vapor

enum StartController {
    @Sendable
    static func show(req: Request) async throws -> Response {
        guard let session = req.signedIn else { throw Abort(.unauthorized) }
        if session.kind == .member { return req.redirect(to: SiteRoute.memberHome.path) }
        if session.kind == .participant { return req.redirect(to: SiteRoute.participantSelf.path) }
        let unitIDs = session.roles.compactMap(\.unitID)
        let units = try await OrganisationUnit.query(on: req.db).filter(\.$id ~~ unitIDs).all()
        let names = Dictionary(uniqueKeysWithValues: try units.map { (try $0.requireID(), $0.name) })
        let staff = StaffActor(session)
        let model = StartPage.Model(displayName: session.displayName, organisationName: session.organisationName,
                                    roles: session.roles.map { ($0.role, $0.unitID.flatMap { names[$0] }) },
                                    agenda: staff.has(.handledare) ? try await req.application.participantRecords.agenda(for: staff, on: req.db) : nil)
        return StartPage.render(model, context: req.pageContext).encodeResponse(status: .ok)
    }
}
