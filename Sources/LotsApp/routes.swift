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
    if app.bankIDTestServerEnabled { // BankID's RP API v6, played by Lots for demo and tests
        app.post(.bankIDTestRP(.auth), permission: .developmentOnly, use: BankIDTestServerController.auth)
        app.post(.bankIDTestRP(.collect), permission: .developmentOnly, use: BankIDTestServerController.collect)
        app.post(.bankIDTestRP(.cancel), permission: .developmentOnly, use: BankIDTestServerController.cancel)
    }
    if app.devMailboxEnabled { // development and demo only
        app.get(.devMailbox, permission: .developmentOnly, use: DevMailboxController.index)
        app.get(.devMailboxMessage(.key), permission: .developmentOnly, use: DevMailboxController.show)
    }
}
