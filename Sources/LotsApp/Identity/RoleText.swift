enum RoleText: String, TextKey {
    case systemAdministrator = "role.system_administrator"
    case administrator = "role.administrator"
    case handledare = "role.handledare"
    case unitManager = "role.unit_manager"
    case dataProtectionOfficer = "role.data_protection_officer"

    init(_ role: StaffRole) {
        switch role {
        case .systemAdministrator: self = .systemAdministrator
        case .administrator: self = .administrator
        case .handledare: self = .handledare
        case .unitManager: self = .unitManager
        case .dataProtectionOfficer: self = .dataProtectionOfficer
        }
    }
}
