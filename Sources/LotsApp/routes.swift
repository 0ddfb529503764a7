import Vapor

/// Every route, each with the permission it needs (deny by default: a route without one fails a test).
func routes(_ app: Application) throws {
    do { // public pages
        app.get(.home, permission: .public, use: HomeController.show)
        app.get(.privacy, permission: .public, use: PrivacyNoticeController.show)
        app.get(.mailOptOut(.key), permission: .public, use: MailOutsController.optOutForm)
        app.post(.mailOptOut(.key), permission: .public, use: MailOutsController.optOut)
        app.get(.language(.key), permission: .public, use: LanguageController.choose)
    }
    do { // signing in and out
        app.get(.login, permission: .public, use: LoginController.show)
        app.post(.loginBankIDStart, permission: .public, use: LoginController.start)
        app.get(.loginBankID(.key), permission: .public, use: LoginController.progress)
        app.get(.loginBankIDStatus(.key), permission: .public, use: LoginController.status)
        app.post(.loginBankIDCancel(.key), permission: .public, use: LoginController.cancel)
        app.get(.loginBankIDOrganisation(.key), permission: .public, use: LoginController.organisations)
        app.post(.loginBankIDOrganisation(.key), permission: .public, use: LoginController.chooseOrganisation)
        app.post(.logout, permission: .public, use: LoginController.logout)
        app.post(.logoutEverywhere, permission: .signedIn, use: LoginController.logoutEverywhere)
        app.get(.start, permission: .signedIn, use: StartController.show)
        app.get(.participantSelf, permission: .participant, use: ParticipantSelfController.show)
        app.get(.participantSelfDocument(.key), permission: .participant, use: DocumentsController.downloadOwn)
        app.get(.participantSelfCV, permission: .participant, use: ParticipantFormsController.printOwnCV)
    }
    do { // partnership members: registration, e-mail verification, password sign-in, own page
        app.get(.memberRegister(.key), permission: .public, use: MemberController.registrationForm)
        app.post(.memberRegister(.key), permission: .public, use: MemberController.register)
        app.get(.memberVerify(.key, .key), permission: .public, use: MemberController.verifyForm)
        app.post(.memberVerify(.key, .key), permission: .public, use: MemberController.verify)
        app.get(.memberLogin(.key), permission: .public, use: MemberController.loginForm)
        app.post(.memberLogin(.key), permission: .public, use: MemberController.login)
        app.get(.memberLoginCode(.key), permission: .public, use: MemberController.codeForm)
        app.post(.memberLoginCode(.key), permission: .public, use: MemberController.code)
        app.get(.memberHome, permission: .member, use: MemberController.home)
        app.get(.memberTwoStep, permission: .member, use: MemberController.twoStep)
        app.post(.memberTwoStep, permission: .member, use: MemberController.changeTwoStep)
        app.post(.memberDelete, permission: .member, use: MemberController.deleteSelf)
    }
    do { // partnership members: sign-in with an OpenID Connect provider, registration that way, linking on the own page
        app.get(.memberOIDCStart(.key, .key), permission: .public, use: MemberOIDCController.start)
        app.get(.memberOIDCCallback(.key), permission: .public, use: MemberOIDCController.callback)
        app.get(.memberOIDCRegister, permission: .public, use: MemberOIDCController.registrationForm)
        app.post(.memberOIDCRegister, permission: .public, use: MemberOIDCController.register)
        app.get(.memberOIDCLink(.key), permission: .member, use: MemberOIDCController.link)
        app.post(.memberOIDCUnlink(.key), permission: .member, use: MemberOIDCController.unlink)
    }
    do { // account administration
        app.get(.adminAccounts, permission: .capability(.manageAccounts), use: AccountAdminController.index)
        app.post(.adminAccounts, permission: .capability(.manageAccounts), use: AccountAdminController.create)
        app.post(.adminAccountActive(.key), permission: .capability(.manageAccounts), use: AccountAdminController.setActive)
        app.post(.adminAccountRole(.key), permission: .capability(.manageAccounts), use: AccountAdminController.setRole)
    }
    do { // integrations: API tokens and the API itself
        app.get(.adminAPIClients, permission: .capability(.manageAccounts), use: APIClientAdminController.index)
        app.post(.adminAPIClients, permission: .capability(.manageAccounts), use: APIClientAdminController.create)
        app.post(.adminAPIClientRevoke(.key), permission: .capability(.manageAccounts), use: APIClientAdminController.revoke)
        app.get(.apiWhoAmI, permission: .apiClient(nil), use: WhoAmIController.show)
        app.post(.apiImports, permission: .apiClient(.importsWrite), body: .collect(maxSize: ImportAPIController.maxUpload),
                 use: ImportAPIController.create)
    }
    do { // participants, through the audited access path
        let readers = Permission.anyCapability([.documentOwnParticipants, .followUpUnit, .manageAssignments])
        app.get(.participants, permission: readers, use: ParticipantsController.list)
        app.get(.participantSearch, permission: readers, use: ParticipantsController.search)
        app.get(.participant(.key), permission: readers, use: ParticipantsController.profile)
        app.get(.participantAccess(.key), permission: .capability(.accessColleagueParticipantWithReason), use: ParticipantsController.accessForm)
        app.post(.participantAccess(.key), permission: .capability(.accessColleagueParticipantWithReason), use: ParticipantsController.grantAccess)
        app.post(.participantAppointments(.key), permission: .capability(.documentOwnParticipants), use: AppointmentsController.book)
        app.post(.participantAttendance(.key, .key), permission: .capability(.documentOwnParticipants), use: AppointmentsController.attendance)
        app.post(.participantDocuments(.key), permission: .capability(.documentOwnParticipants), body: .collect(maxSize: ApplicationDocuments.maxUpload),
                 use: DocumentsController.upload)
        app.get(.participantDocument(.key, .key), permission: .capability(.documentOwnParticipants), use: DocumentsController.download)
        app.post(.participantDocumentShare(.key, .key), permission: .capability(.documentOwnParticipants), use: DocumentsController.share)
        app.post(.participantJournal(.key), permission: .capability(.documentOwnParticipants), use: JournalController.save)
        app.post(.participantPlan(.key), permission: .capability(.documentOwnParticipants), use: PlanController.save)
        app.post(.participantProtectedContact(.key), permission: readers, use: ParticipantsController.openProtectedContact)
        app.post(.participantProtection(.key), permission: .capability(.manageAssignments), use: ParticipantsController.changeProtection)
        app.get(.participantCV(.key), permission: readers, use: ParticipantFormsController.printCV)
        app.post(.participantCV(.key), permission: .capability(.documentOwnParticipants), use: ParticipantFormsController.saveCV)
        app.get(.participantAFDetails(.key), permission: .capability(.documentOwnParticipants), use: ParticipantFormsController.afDetails)
        app.post(.participantAFDetails(.key), permission: .capability(.documentOwnParticipants), use: ParticipantFormsController.saveAFDetails)
        app.get(.mailOuts, permission: .capability(.documentOwnParticipants), use: MailOutsController.index)
        app.post(.mailOuts, permission: .capability(.documentOwnParticipants), use: MailOutsController.send)
        app.get(.groupActivities, permission: .capability(.documentOwnParticipants), use: GroupActivitiesController.index)
        app.post(.groupActivities, permission: .capability(.documentOwnParticipants), use: GroupActivitiesController.create)
        app.get(.groupActivity(.key), permission: .capability(.documentOwnParticipants), use: GroupActivitiesController.show)
        app.get(.groupActivityList(.key), permission: .capability(.documentOwnParticipants), use: GroupActivitiesController.printable)
        app.post(.groupActivityEnrolments(.key), permission: .capability(.documentOwnParticipants), use: GroupActivitiesController.enrol)
        app.post(.groupActivityAttendance(.key), permission: .capability(.documentOwnParticipants), use: GroupActivitiesController.attendance)
        app.get(.participantImport, permission: .capability(.manageAssignments), use: ImportController.form)
        app.post(.participantImport, permission: .capability(.manageAssignments), body: .collect(maxSize: ImportAPIController.maxUpload),
                 use: ImportController.preview)
        app.get(.participantNew, permission: .capability(.manageAssignments), use: RegistrationController.form)
        app.post(.participantNew, permission: .capability(.manageAssignments), use: RegistrationController.register)
        app.post(.participantImportCommit(.key), permission: .capability(.manageAssignments), use: ImportController.commit)
    }
    do { // data-protection review
        // Unit managers review what their units' staff did; data-protection officers the whole organisation.
        let reviewers = Permission.anyCapability([.reviewDataProtection, .followUpUnit])
        app.get(.auditReview, permission: reviewers, use: AuditReviewController.index)
        app.get(.auditReviewExport, permission: reviewers, use: AuditReviewController.export)
        app.get(.activityRecord, permission: .capability(.reviewDataProtection), use: ActivityRecordController.index)
        app.get(.activityRecordCSV, permission: .capability(.reviewDataProtection), use: ActivityRecordController.csv)
        app.get(.activityRecordJSON, permission: .capability(.reviewDataProtection), use: ActivityRecordController.json)
        app.get(.noticeAdmin, permission: .capability(.reviewDataProtection), use: NoticeAdminController.index)
        app.post(.noticeAdmin, permission: .capability(.reviewDataProtection), use: NoticeAdminController.publish)
    }
    do { // operations and API description
        app.get(.health, permission: .public, use: HealthController.show)
        app.get(.openAPI, permission: .public, use: OpenAPIController.show)
    }
    if app.bankIDTestServerEnabled { // BankID's RP API v6, played by Lots for demo and tests
        app.post(.bankIDTestRP(.auth), permission: .developmentOnly, use: BankIDTestServerController.auth)
        app.post(.bankIDTestRP(.collect), permission: .developmentOnly, use: BankIDTestServerController.collect)
        app.post(.bankIDTestRP(.cancel), permission: .developmentOnly, use: BankIDTestServerController.cancel)
        app.get(.bankIDTestApp, permission: .developmentOnly, use: BankIDTestAppController.show)
        app.post(.bankIDTestAppAction(.scan), permission: .developmentOnly, use: BankIDTestAppController.scan)
        app.post(.bankIDTestAppAction(.approve), permission: .developmentOnly, use: BankIDTestAppController.approve)
        app.post(.bankIDTestAppAction(.cancel), permission: .developmentOnly, use: BankIDTestAppController.cancel)
    }
    if app.oidcTestProviderEnabled { // an OpenID Connect provider, played by Lots for demo and tests
        app.get(.oidcTestProvider(.discovery), permission: .developmentOnly, use: OIDCTestProviderController.discovery)
        app.get(.oidcTestProvider(.keys), permission: .developmentOnly, use: OIDCTestProviderController.keys)
        app.get(.oidcTestProvider(.authorize), permission: .developmentOnly, use: OIDCTestProviderController.authorize)
        app.post(.oidcTestProvider(.authorize), permission: .developmentOnly, use: OIDCTestProviderController.decide)
        app.post(.oidcTestProvider(.token), permission: .developmentOnly, use: OIDCTestProviderController.token)
    }
        if app.devMailboxEnabled { // development and demo only
        app.get(.devMailbox, permission: .developmentOnly, use: DevMailboxController.index)
        app.get(.devMailboxMessage(.key), permission: .developmentOnly, use: DevMailboxController.show)
    }
}
