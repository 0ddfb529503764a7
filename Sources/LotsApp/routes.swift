import Vapor

/// Every route, each with the permission it needs (deny by default: a route without one fails a test).
func routes(_ app: Application) throws {
    do { // public pages
        app.get(.home, permission: .public, use: HomeController.show)
        app.get(.privacy, permission: .public, use: PrivacyNoticeController.show)
        app.get(.language(.key), permission: .public, use: LanguageController.choose)
    }
    do { // operations and API description
        app.get(.health, permission: .public, use: HealthController.show)
        app.get(.openAPI, permission: .public, use: OpenAPIController.show)
    }
    if app.devMailboxEnabled { // development and demo only
        app.get(.devMailbox, permission: .developmentOnly, use: DevMailboxController.index)
        app.get(.devMailboxMessage(.key), permission: .developmentOnly, use: DevMailboxController.show)
    }
}
