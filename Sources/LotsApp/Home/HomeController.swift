import Fluent
import Vapor

enum HomeController {
    @Sendable
    static func show(req: Request) async throws -> HTML {
        let demoOrganisations = req.application.config.demo ? try await DemoDirectory.query(on: req.db) : []
        return HomePage.render(HomePage.Model(demoOrganisations: demoOrganisations), context: req.pageContext)
    }
}

/// The demo organisations and their (made-up) staff, shown on the start page in demo mode only.
enum DemoDirectory {
    struct Organisation: Sendable, Equatable {
        var name: String
        var staff: [StaffMember]
    }

    struct StaffMember: Sendable, Equatable {
        var name: String
        var roles: [(role: StaffRole, unit: String?)]

        static func == (lhs: StaffMember, rhs: StaffMember) -> Bool {
            lhs.name == rhs.name && lhs.roles.map(\.role) == rhs.roles.map(\.role) && lhs.roles.map(\.unit) == rhs.roles.map(\.unit)
        }
    }

    static func query(on database: any Database) async throws -> [Organisation] {
        let organisations = try await LotsApp.Organisation.query(on: database).sort(\.$name).all()
        let accounts = try await StaffAccount.query(on: database).sort(\.$displayName).all()
        let assignments = try await StaffRoleAssignment.query(on: database).with(\.$unit).all()
        return try organisations.map { organisation in
            let id = try organisation.requireID()
            let staff = try accounts.filter { $0.$organisation.id == id }.map { account in
                let accountID = try account.requireID()
                let roles = assignments.filter { $0.$staffAccount.id == accountID }.map { ($0.role, $0.unit?.name) }
                return StaffMember(name: account.displayName, roles: roles)
            }
            return Organisation(name: organisation.name, staff: staff)
        }
    }
}
