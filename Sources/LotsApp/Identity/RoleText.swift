enum RoleText: String, TextKey {
    case systemAdministrator = "role.system_administrator"
    case administrator = "role.administrator"
    case handledare = "role.handledare"
    case unitManager = "role.unit_manager"
    case dataProtectionOfficer = "role.data_protection_officer"

    /// Every role has its name under `role.<role>`; a test checks the catalogs hold them all.
    init(_ role: StaffRole) {
        self.init(rawValue: "role.\(role.rawValue)")!
    }
}
