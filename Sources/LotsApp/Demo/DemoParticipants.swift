import Foundation
import LotsCore

/// The made-up participants of demo mode. Identity numbers come from `DemoData.identityNumber` (birth
/// dates in the 1820s, never issued); phone numbers from the range the Swedish Post and Telecom Authority
/// keeps for fiction (070-1740605 to 070-1740699); addresses and e-mail on reserved example domains.
enum DemoParticipants {
    struct Seed {
        var givenName: String
        var familyName: String
        var gender: String
        var handledare: String?
        var unit: String
        var interpreter: String?
        var protectedIdentity = false
        /// Days before today the placement started; a second value makes an extension (a later placement).
        var startedDaysAgo: [Int]
        var level: String
    }

    static let city = DemoData.caseManagementUnits[0]
    static let south = DemoData.caseManagementUnits[1]

    static let seeds: [Seed] = [
        .init(givenName: "Amira", familyName: "Exempelsdotter", gender: "Kvinna", handledare: "Hanna Handledarsson", unit: city, interpreter: "Arabiska", startedDaysAgo: [40], level: "B"),
        .init(givenName: "Bertil", familyName: "Provsson", gender: "Man", handledare: "Hanna Handledarsson", unit: city, startedDaysAgo: [12], level: "A"),
        .init(givenName: "Cecilia", familyName: "Testström", gender: "Kvinna", handledare: "Hanna Handledarsson", unit: city, protectedIdentity: true, startedDaysAgo: [75], level: "C"),
        .init(givenName: "Dawit", familyName: "Demoberg", gender: "Man", handledare: "Hanna Handledarsson", unit: city, interpreter: "Tigrinja", startedDaysAgo: [200, 20], level: "B"),
        .init(givenName: "Elif", familyName: "Fiktivsson", gender: "Kvinna", handledare: "Hugo Handledarsson", unit: city, interpreter: "Turkiska", startedDaysAgo: [5], level: "A"),
        .init(givenName: "Filip", familyName: "Låtsasson", gender: "Man", handledare: "Hugo Handledarsson", unit: city, startedDaysAgo: [60], level: "B"),
        .init(givenName: "Greta", familyName: "Påhittad", gender: "Kvinna", handledare: "Hugo Handledarsson", unit: city, startedDaysAgo: [33], level: "C"),
        .init(givenName: "Hamid", familyName: "Mönstersson", gender: "Man", handledare: "Hedda Handledarsson", unit: south, interpreter: "Dari", startedDaysAgo: [18], level: "B"),
        .init(givenName: "Ingrid", familyName: "Övningsdotter", gender: "Kvinna", handledare: "Hedda Handledarsson", unit: south, startedDaysAgo: [90], level: "A"),
        .init(givenName: "Jamal", familyName: "Skensson", gender: "Man", handledare: "Hedda Handledarsson", unit: south, startedDaysAgo: [3], level: "C"),
        .init(givenName: "Kerstin", familyName: "Utkastsson", gender: "Kvinna", handledare: nil, unit: city, startedDaysAgo: [1], level: "B"),
    ]

    static func identityNumber(_ index: Int) -> SwedishIdentityNumber { DemoData.identityNumber(100 + index) }

    static func caseNumber(_ index: Int, placement: Int) -> String {
        String(format: "DEMO-%04d-%d", 1000 + index, placement + 1)
    }

    static func phone(_ index: Int) -> String { String(format: "070-17406%02d", 5 + index) }
}
