/// The made-up organisations and staff of demo mode. Any likeness to real people is accidental.
enum DemoData {
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
        .init(name: "Saga Systemsson", roles: [(.systemAdministrator, unit: nil)]),
        .init(name: "Adam Administratör", roles: [(.administrator, unit: nil)]),
        .init(name: "Hanna Handledarsson", roles: [(.handledare, unit: "Rusta och matcha, Exempelstad city")]),
        .init(name: "Hugo Handledarsson", roles: [(.handledare, unit: "Rusta och matcha, Exempelstad city")]),
        .init(name: "Hedda Handledarsson", roles: [(.handledare, unit: "Rusta och matcha, Exempelstad syd")]),
        .init(name: "Eva Enhetschef", roles: [(.unitManager, unit: "Rusta och matcha, Exempelstad city")]),
        .init(name: "Doris Dataskydd", roles: [(.dataProtectionOfficer, unit: nil)]),
    ]

    static var partnership: Organisation {
        Organisation(
            slug: "kumppanuus-demo", name: "Kumppanuusalusta (demo)", kind: .partnership,
            organisationNumber: "0000000-0", postalAddress: "PL 1, 00000 Esimerkkilä",
            contactEmail: "tietosuoja@kumppanuus.example", contactPhone: "0295 000 000",
            dpoContact: "tietosuojavastaava@kumppanuus.example", supervisoryAuthority: "Tietosuojavaltuutetun toimisto"
        )
    }

    static let partnershipStaff: [DemoSeeder.StaffSeed] = [
        .init(name: "Aino Ylläpitäjä", roles: [(.administrator, unit: nil)]),
        .init(name: "Tuomas Tietosuoja", roles: [(.dataProtectionOfficer, unit: nil)]),
    ]
}
