import Fluent
import SQLKit

/// Staff log in with BankID: their personnummer is kept only as a blind index, unique per organisation.
struct AddStaffPersonalNumberIndex: AsyncMigration {
    var name: String { "010_add_staff_personal_number_index" }

    func prepare(on database: any Database) async throws {
        try await database.schema("staff_accounts").field("personal_number_index", .string).update()
        try await database.sql.create(index: "staff_accounts_personal_number_index")
            .unique().on("staff_accounts").column("organisation_id").column("personal_number_index").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "staff_accounts_personal_number_index").run()
        try await database.schema("staff_accounts").deleteField("personal_number_index").update()
    }
}
