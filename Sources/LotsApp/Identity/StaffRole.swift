/// The roles staff hold in an organisation or one of its units.
enum StaffRole: String, Codable, CaseIterable, Sendable {
    case systemAdministrator = "system_administrator"
    case administrator
    case handledare
    case unitManager = "unit_manager"
    case dataProtectionOfficer = "data_protection_officer"
}
