import LotsCore

/// The made-up organisations and staff of demo mode. Any likeness to real people is accidental.
enum DemoData {
    /// Identity numbers for made-up people that can never belong to a real one: personnummer were
    /// introduced in 1947 and issued only to people alive then, so no number was ever issued for a birth
    /// date in the 1820s. The numbers are otherwise valid (date, birth number, check digit).
    static func identityNumber(_ index: Int) -> SwedishIdentityNumber {
        let date = CivilDate(year: 1820 + index / 12, month: index % 12 + 1, day: (index * 7) % 28 + 1)!
        return SwedishIdentityNumber(birthDate: date, birthNumber: 100 + index * 37 % 800)
    }

    static var caseManagement: Organisation {
        Organisation(
            slug: "exempelmissionen", name: "Exempelmissionen (demo)", kind: .caseManagement,
            organisationNumber: "802000-0000", postalAddress: "Box 1, 100 00 Exempelstad",
            contactEmail: "dataskydd@exempelmissionen.example", contactPhone: "08-000 000 00",
            dpoContact: "dataskyddsombud@exempelmissionen.example", supervisoryAuthority: "Integritetsskyddsmyndigheten (IMY)"
        )
    }

    static let caseManagementUnits = ["Rusta och matcha, Exempelstad city", "Rusta och matcha, Exempelstad syd"]

    static let caseManagementStaff: [DemoSeeder.StaffSeed] = [
        .init(name: "Saga Systemsson", identity: 0, roles: [(.systemAdministrator, unit: nil)]),
        .init(name: "Adam Administratör", identity: 1, roles: [(.administrator, unit: nil)]),
        .init(name: "Hanna Handledarsson", identity: 2, roles: [(.handledare, unit: "Rusta och matcha, Exempelstad city")]),
        .init(name: "Hugo Handledarsson", identity: 3, roles: [(.handledare, unit: "Rusta och matcha, Exempelstad city")]),
        .init(name: "Hedda Handledarsson", identity: 4, roles: [(.handledare, unit: "Rusta och matcha, Exempelstad syd")]),
        .init(name: "Eva Enhetschef", identity: 5, roles: [(.unitManager, unit: "Rusta och matcha, Exempelstad city")]),
        .init(name: "Doris Dataskydd", identity: 6, roles: [(.dataProtectionOfficer, unit: nil)]),
        karin,
    ]

    /// An administrator who works for both demo organisations, to show choosing an organisation after BankID.
    static let karin = DemoSeeder.StaffSeed(name: "Karin Konsult", identity: 10, roles: [(.administrator, unit: nil)])

    static var partnership: Organisation {
        Organisation(
            slug: "kumppanuus-demo", name: "Kumppanuusalusta (demo)", kind: .partnership,
            organisationNumber: "0000000-0", postalAddress: "PL 1, 00000 Esimerkkilä",
            contactEmail: "tietosuoja@kumppanuus.example", contactPhone: "0295 000 000",
            dpoContact: "tietosuojavastaava@kumppanuus.example", supervisoryAuthority: "Tietosuojavaltuutetun toimisto"
        )
    }

    static let partnershipStaff: [DemoSeeder.StaffSeed] = [
        .init(name: "Aino Ylläpitäjä", identity: 7, roles: [(.administrator, unit: nil)]),
        .init(name: "Tuomas Tietosuoja", identity: 8, roles: [(.dataProtectionOfficer, unit: nil)]),
        .init(name: "Pekka Pääkäyttäjä", identity: 9, roles: [(.systemAdministrator, unit: nil)]),
        karin,
    ]

    /// The organisations' own introductions to their privacy notices (demo text).
    static let caseManagementNoticeIntroduction = [
        "sv": "Exempelmissionen är personuppgiftsansvarig för behandlingen av dina personuppgifter när du deltar i Rusta och matcha 2 hos oss. Här beskriver vi vilka uppgifter vi behandlar, varför, med vilken rättslig grund och hur länge.\n\nDu har rätt att få veta vilka uppgifter vi har om dig, att få fel rättade och i vissa fall att få uppgifter raderade eller behandlingen begränsad. Kontakta oss på dataskydd@exempelmissionen.example.",
        "en": "Exempelmissionen is the controller of your personal data when you take part in Rusta och matcha 2 with us. Here we describe which data we process, why, on what legal basis and for how long.\n\nYou have the right to know what data we hold about you, to have errors corrected and in some cases to have data erased or its processing restricted. Contact us at dataskydd@exempelmissionen.example.",
    ]

    static let partnershipNoticeIntroduction = [
        "fi": "Kumppanuusalusta (demo) on rekisterinpitäjä alustalle rekisteröityneiden käyttäjien henkilötiedoille. Tässä kerromme, mitä tietoja käsittelemme ja miksi.",
        "sv": "Kumppanuusalusta (demo) är personuppgiftsansvarig för uppgifterna om de användare som registrerat sig på plattformen. Här beskriver vi vilka uppgifter vi behandlar och varför.",
        "en": "Kumppanuusalusta (demo) is the controller of the data of users registered on the platform. Here we describe which data we process and why.",
    ]
}
