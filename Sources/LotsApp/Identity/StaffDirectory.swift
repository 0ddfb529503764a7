import Fluent
import Foundation
import LotsCore

/// Finds staff accounts by personnummer through each organisation's blind index; the number itself is
/// never stored or compared in clear.
enum StaffDirectory {
    /// Active accounts of this person in every organisation hosted here.
    static func activeAccounts(for number: SwedishIdentityNumber, keyRing: KeyRing, on database: any Database) async throws -> [StaffAccount] {
        var found: [StaffAccount] = []
        for organisation in try await Organisation.query(on: database).all() {
            let organisationID = try organisation.requireID()
            let index = try await keyRing.blindIndex(number.digits, field: StaffAccount.personalNumberField, organisationID: organisationID, on: database)
            let accounts = try await StaffAccount.query(on: database)
                .filter(\.$organisation.$id == organisationID)
                .filter(\.$personalNumberIndex == index)
                .filter(\.$active == true)
                .all()
            found.append(contentsOf: accounts)
        }
        return found
    }
}
