import Fluent
import Foundation
import LotsCore
import Vapor

/// The administrator's registration of one participant by hand, for an assignment that did not come in a
/// file. The form holds AF's assignment fields and goes through the same validation as an import row and
/// the same registry (encryption, blind indexes, audit).
enum RegistrationController {
    struct Choices: Sendable {
        var units: [(id: UUID, name: String)]
        var handledare: [(id: UUID, name: String)]
    }

    private static func choices(_ staff: StaffActor, on db: any Database) async throws -> Choices {
        let units = try await OrganisationUnit.query(on: db).filter(\.$organisation.$id == staff.organisationID).sort(\.$name).all()
        let handledareIDs = try await StaffRoleAssignment.query(on: db).filter(\.$organisation.$id == staff.organisationID)
            .filter(\.$role == .handledare).all().map(\.$staffAccount.id)
        let handledare = handledareIDs.isEmpty ? [] : try await StaffAccount.query(on: db).filter(\.$id ~~ Array(Set(handledareIDs)))
            .filter(\.$active == true).sort(\.$displayName).all()
        return Choices(units: try units.map { (try $0.requireID(), $0.name) }, handledare: try handledare.map { (try $0.requireID(), $0.displayName) })
    }

    @Sendable
    static func form(req: Request) async throws -> HTML {
        let staff = try req.staffActor()
        return RegistrationPage.render(.init(choices: try await choices(staff, on: req.db), values: [:], problems: []), context: req.pageContext)
    }

    @Sendable
    static func register(req: Request) async throws -> Response {
        let staff = try req.staffActor()
        let posted = (try? req.content.decode([String: String].self)) ?? [:]
        let choices = try await choices(staff, on: req.db)
        let texts = req.texts
        func refuse(_ problems: [String]) -> Response {
            RegistrationPage.render(.init(choices: choices, values: posted, problems: problems), context: req.pageContext)
                .encodeResponse(status: .unprocessableEntity)
        }
        var values = AFAssignmentFile.FieldValues()
        for field in AFField.allCases { values[field] = posted[field.rawValue] }
        var problems: [String] = []
        let unitID = posted["unit"].flatMap(UUID.init(uuidString:)).flatMap { id in choices.units.first { $0.id == id }?.id }
        if unitID == nil { problems.append(texts(RegistrationText.unitMissing)) }
        var handledareID: UUID?
        if let chosen = posted["handledare"], !chosen.isEmpty {
            handledareID = UUID(uuidString: chosen).flatMap { id in choices.handledare.first { $0.id == id }?.id }
            if handledareID == nil { problems.append(texts(RegistrationText.handledareUnknown)) }
        }
        let assignment: AFAssignment
        switch AFAssignment.validate(.init(line: 1, values: values), today: CivilDate(req.clock.now())) {
        case .success(let valid): assignment = valid
        case .failure(let list): return refuse(list.problems.map(texts.message) + problems)
        }
        guard let unitID, problems.isEmpty else { return refuse(problems) }
        var new = AssignmentImport.newParticipant(assignment, unitID: unitID)
        new.placement.handledareID = handledareID
        new.protectedIdentity = posted["protected_identity"] == "on"
        let actor = staff.draft(.create, subject: nil, purpose: "manual_registration")
        let outcome = try await req.application.participantRegistry.register(new, organisationID: staff.organisationID, by: actor, on: req.db)
        switch outcome {
        case .created(let id): return req.redirect(to: SiteRoute.participant(.value(id)).path + "?registered=new")
        case .extended(let id): return req.redirect(to: SiteRoute.participant(.value(id)).path + "?registered=extension")
        case .duplicate: return refuse([texts(RegistrationText.duplicate)])
        }
    }
}

enum RegistrationPage {
    struct Model: Sendable {
        var choices: RegistrationController.Choices
        /// What was posted, shown again after a refusal so nothing typed is lost.
        var values: [String: String]
        var problems: [String]
    }

    /// The form's fields in AF's order, each with its label and input type.
    static let fields: [(AFField, RegistrationText, String)] = [ // field, label, HTML input type
        (.personalNumber, .personalNumber, "text"), (.givenName, .givenName, "text"), (.familyName, .familyName, "text"),
        (.phone, .phone, "tel"), (.email, .email, "email"), (.address, .address, "text"), (.gender, .gender, "text"),
        (.implementationReference, .implementationReference, "text"), (.orderNumber, .orderNumber, "text"),
        (.referenceNumber, .referenceNumber, "text"), (.startsOn, .startsOn, "date"), (.endsOn, .endsOn, "date"), (.level, .level, "text"),
        (.participationRate, .participationRate, "number"), (.interpreterLanguage, .interpreterLanguage, "text"),
        (.education, .education, "text"), (.workExperience, .workExperience, "text"), (.caseOfficer, .caseOfficer, "text"),
    ]

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(RegistrationText.title), content: .group(
            .h1(.text(t(RegistrationText.title))),
            .p(.class("lead"), .text(t(RegistrationText.lead))),
            .if(!model.problems.isEmpty, .div(
                .class("alert alert-error"), .attribute(named: "role", value: "alert"), .data(named: "e2e", value: "registration-problems"),
                .p(.text(t(RegistrationText.problems))),
                .ul(.forEach(model.problems) { .li(.text($0)) }))),
            .form(
                .method(.post), .action(SiteRoute.participantNew.path), .class("account-form"), .data(named: "e2e", value: "registration-form"),
                Components.csrfField(context.csrfToken),
                .forEach(fields) { field, label, type in
                    let required = AFField.required.contains(field)
                    return .group(
                        .label(.for("reg-\(field.rawValue)"), .text(t(label) + (required ? " *" : ""))),
                        .input(.attribute(named: "type", value: type), .id("reg-\(field.rawValue)"), .name(field.rawValue),
                               .value(model.values[field.rawValue] ?? ""), .required(required),
                               .attribute(named: "maxlength", value: String(field.maxLength)), .attribute(named: "autocomplete", value: "off"))
                    )
                },
                .label(.for("reg-unit"), .text(t(RegistrationText.unit) + " *")),
                .select(.id("reg-unit"), .attribute(named: "name", value: "unit"), .forEach(model.choices.units) { unit in
                    Components.option(unit.id.uuidString, unit.name, selected: model.values["unit"] == unit.id.uuidString, isData: true)
                }),
                .label(.for("reg-handledare"), .text(t(RegistrationText.handledare))),
                .select(.id("reg-handledare"), .attribute(named: "name", value: "handledare"),
                        Components.option("", t(RegistrationText.noHandledare), selected: (model.values["handledare"] ?? "").isEmpty),
                        .forEach(model.choices.handledare) { person in
                            Components.option(person.id.uuidString, person.name, selected: model.values["handledare"] == person.id.uuidString, isData: true)
                        }),
                .div(.class("choice"),
                     .input(.type(.checkbox), .id("reg-protected"), .name("protected_identity"), .attribute(named: "value", value: "on"),
                            .checked(model.values["protected_identity"] == "on")),
                     .label(.for("reg-protected"), .text(t(RegistrationText.protectedIdentity)))),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(RegistrationText.submit))))
            )
        ))
    }
}

enum RegistrationText: String, TextKey {
    case title = "registration.title"
    case lead = "registration.lead"
    case link = "registration.link"
    case problems = "registration.problems"
    case personalNumber = "registration.personal_number"
    case givenName = "registration.given_name"
    case familyName = "registration.family_name"
    case phone = "registration.phone"
    case email = "registration.email"
    case address = "registration.address"
    case gender = "registration.gender"
    case implementationReference = "registration.implementation_reference"
    case orderNumber = "registration.order_number"
    case referenceNumber = "registration.reference_number"
    case startsOn = "registration.starts_on"
    case endsOn = "registration.ends_on"
    case level = "registration.level"
    case participationRate = "registration.participation_rate"
    case interpreterLanguage = "registration.interpreter_language"
    case education = "registration.education"
    case workExperience = "registration.work_experience"
    case caseOfficer = "registration.case_officer"
    case unit = "registration.unit"
    case handledare = "registration.handledare"
    case noHandledare = "registration.no_handledare"
    case protectedIdentity = "registration.protected_identity"
    case submit = "registration.submit"
    case unitMissing = "registration.unit_missing"
    case handledareUnknown = "registration.handledare_unknown"
    case duplicate = "registration.duplicate"
    case registeredNew = "registration.registered_new"
    case registeredExtension = "registration.registered_extension"
}
