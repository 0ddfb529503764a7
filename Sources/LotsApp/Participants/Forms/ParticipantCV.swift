import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// A CV the handledare builds with the participant, section by section, and prints. Sealed like the plan.
final class ParticipantCV: SealedParticipantForm, @unchecked Sendable {
    static let schema = "participant_cvs"
    static let fields = ["headline", "profile", "experience", "education", "languages", "skills", "licences", "references"]
    static let maxField = 4000
    static let auditName = "cv"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "content") var content: Data
    @Field(key: "updated_by") var updatedBy: UUID
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// What AF tells the provider beyond the assignment: the individual action plan, disability or adaptation
/// needs, and participation in other programmes. Health data (Art. 9): only the participant's own handledare
/// reads or writes it, on a page of its own whose every opening is audited; it is never on the profile.
final class ParticipantAFDetails: SealedParticipantForm, @unchecked Sendable {
    static let schema = "participant_af_details"
    static let fields = ["action_plan", "adaptation_needs", "other_programmes"]
    static let maxField = 4000
    static let auditName = "af_details"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "content") var content: Data
    @Field(key: "updated_by") var updatedBy: UUID
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// The narrower access: the participant's own handledare only (not a colleague with a grant, a unit
    /// manager or an administrator).
    static func allows(_ basis: AccessBasis) -> Bool { basis == .ownCaseload }
}

struct CreateCVsAndAFDetails: AsyncMigration {
    var name: String { "034_create_cvs_and_af_details" }

    func prepare(on database: any Database) async throws {
        try await SealedFormTable(schema: ParticipantCV.schema).create(on: database)
        try await SealedFormTable(schema: ParticipantAFDetails.schema).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ParticipantAFDetails.schema).delete()
        try await database.schema(ParticipantCV.schema).delete()
    }
}

/// One participant's CV or AF details on a page of its own, as the access path decrypted it.
struct ParticipantFormPage: Sendable {
    var participantID: UUID
    var name: String
    /// The CV's contact lines; nil for a protected identity when staff print it.
    var contact: ParticipantProfile.Contact?
    var values: [String: String]
    var mayEdit: Bool
}

extension ParticipantRecords {
    /// A participant's form for its own page (the printable CV, AF's details), audited as a read of that form.
    func form<Form: SealedParticipantForm>(_ form: Form.Type, of participantID: UUID, for staff: StaffActor,
                                           allowed: (AccessBasis) -> Bool = { _ in true }, on db: any Database) async throws -> ParticipantFormPage {
        let (participant, _, basis, key) = try await open(participantID, for: staff, what: Form.auditName, allowed: allowed, on: db)
        let row = SealedRow(key: key, table: Participant.schema, rowID: participantID)
        let contact: ParticipantProfile.Contact? = participant.protectedIdentity ? nil
            : .init(phone: try row.open(participant.phone, "phone"), email: try row.open(participant.email, "email"), address: nil)
        return ParticipantFormPage(participantID: participantID,
                                   name: try row.open(participant.givenName, "given_name") + " " + (try row.open(participant.familyName, "family_name")),
                                   contact: contact, values: try await SealedForms.load(form, participantID: participantID, key: key, on: db),
                                   mayEdit: basis.allowsDocumenting && allowed(basis))
    }

    /// The participant's own form, for their own page (right of access), audited with them as reader.
    func ownForm<Form: SealedParticipantForm>(_ form: Form.Type, participantID: UUID, organisationID: UUID, on db: any Database) async throws -> ParticipantFormPage {
        guard let participant = try await Participant.query(on: db).filter(\.$id == participantID).filter(\.$organisationID == organisationID).first(),
              let key = try await keyRing.subjectKeys([participantID], organisationID: organisationID, on: db)[participantID] else {
            throw Failure.notFound
        }
        try await record(AuditDraft(organisationID: organisationID, actorID: participantID, actorRole: "participant", action: .view,
                                    subject: SubjectReference.participant(participantID), purpose: AccessBasis.ownData.purpose, resultCount: 1,
                                    query: "own " + Form.auditName))
        let row = SealedRow(key: key, table: Participant.schema, rowID: participantID)
        return ParticipantFormPage(participantID: participantID,
                                   name: try row.open(participant.givenName, "given_name") + " " + (try row.open(participant.familyName, "family_name")),
                                   contact: .init(phone: try row.open(participant.phone, "phone"), email: try row.open(participant.email, "email"), address: nil),
                                   values: try await SealedForms.load(form, participantID: participantID, key: key, on: db), mayEdit: false)
    }
}

enum ParticipantFormsController {
    private static func participantID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        return id
    }

    private static func refusal(_ failure: ParticipantRecords.Failure) -> Abort {
        failure == .notFound ? Abort(.notFound) : Abort(.forbidden)
    }

    /// Saves a form after the same documenting check as the rest of the profile (narrowed by `allowed`).
    private static func save<Form: SealedParticipantForm>(_ form: Form.Type, req: Request, allowed: (AccessBasis) -> Bool,
                                                           done: SiteRoute, outcomeName: String) async throws -> Response {
        let staff = try req.staffActor()
        let id = try participantID(req)
        let values = (try? req.content.decode([String: String].self)) ?? [:]
        let (_, basis) = try await req.application.participantRecords.documenting(id, by: staff, on: req.db, notFound: Abort(.notFound),
                                                                                  noAccess: Abort(.forbidden))
        guard allowed(basis) else { throw Abort(.forbidden) }
        do {
            try await SealedForms.save(form, values, participantID: id, purpose: basis.purpose, by: staff, keyRing: req.application.keyRing,
                                       audit: req.application.auditLog, on: req.db)
        } catch SealedForms.Failure.tooLong {
            return req.redirect(to: done.path + "?\(outcomeName)=too_long")
        }
        return req.redirect(to: done.path + "?\(outcomeName)=saved")
    }

    @Sendable
    static func saveCV(req: Request) async throws -> Response {
        let id = try participantID(req)
        return try await save(ParticipantCV.self, req: req, allowed: { _ in true }, done: .participant(.value(id)), outcomeName: "cv")
    }

    @Sendable
    static func printCV(req: Request) async throws -> HTML {
        do {
            let page = try await req.application.participantRecords.form(ParticipantCV.self, of: try participantID(req), for: try req.staffActor(), on: req.db)
            return CVPage.printable(page, back: SiteRoute.participant(.value(page.participantID)).path, context: req.pageContext)
        } catch let failure as ParticipantRecords.Failure {
            throw refusal(failure)
        }
    }

    @Sendable
    static func printOwnCV(req: Request) async throws -> HTML {
        guard let session = req.signedIn, session.kind == .participant else { throw Abort(.forbidden) }
        let page = try await req.application.participantRecords.ownForm(ParticipantCV.self, participantID: session.accountID,
                                                                       organisationID: session.organisationID, on: req.db)
        return CVPage.printable(page, back: SiteRoute.participantSelf.path, context: req.pageContext)
    }

    @Sendable
    static func afDetails(req: Request) async throws -> HTML {
        do {
            let page = try await req.application.participantRecords.form(ParticipantAFDetails.self, of: try participantID(req), for: try req.staffActor(),
                                                                          allowed: ParticipantAFDetails.allows, on: req.db)
            return AFDetailsPage.render(page, outcome: req.queryValue("details"), context: req.pageContext)
        } catch let failure as ParticipantRecords.Failure {
            throw refusal(failure)
        }
    }

    @Sendable
    static func saveAFDetails(req: Request) async throws -> Response {
        let id = try participantID(req)
        return try await save(ParticipantAFDetails.self, req: req, allowed: ParticipantAFDetails.allows, done: .participantAFDetails(.value(id)),
                              outcomeName: "details")
    }
}

enum FormText: String, TextKey {
    case cvHeading = "cv.heading"
    case cvLead = "cv.lead"
    case cvHeadline = "cv.headline"
    case cvProfile = "cv.profile"
    case cvExperience = "cv.experience"
    case cvEducation = "cv.education"
    case cvLanguages = "cv.languages"
    case cvSkills = "cv.skills"
    case cvLicences = "cv.licences"
    case cvReferences = "cv.references"
    case cvEdit = "cv.edit"
    case cvSave = "cv.save"
    case cvSaved = "cv.saved"
    case cvPrint = "cv.print"
    case cvPrintHint = "cv.print_hint"
    case cvBack = "cv.back"
    case cvEmpty = "cv.empty"
    case tooLong = "forms.too_long"
    case afHeading = "afdetails.heading"
    case afLead = "afdetails.lead"
    case afLink = "afdetails.link"
    case afActionPlan = "afdetails.action_plan"
    case afAdaptationNeeds = "afdetails.adaptation_needs"
    case afOtherProgrammes = "afdetails.other_programmes"
    case afSave = "afdetails.save"
    case afSaved = "afdetails.saved"
    case afOwnHeading = "afdetails.own_heading"

    static func cvLabel(_ field: String) -> FormText {
        switch field {
        case "headline": .cvHeadline
        case "profile": .cvProfile
        case "experience": .cvExperience
        case "education": .cvEducation
        case "languages": .cvLanguages
        case "skills": .cvSkills
        case "licences": .cvLicences
        default: .cvReferences
        }
    }

    static func afLabel(_ field: String) -> FormText {
        switch field {
        case "action_plan": .afActionPlan
        case "adaptation_needs": .afAdaptationNeeds
        default: .afOtherProgrammes
        }
    }
}

/// The fields of a sealed form as text areas, posted to `action`.
enum SealedFormFields {
    static func form(fields: [String], values: [String: String], label: (String) -> String, idPrefix: String, action: String, submit: String,
                     maxField: Int, context: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(action), .class("account-form"), .data(named: "e2e", value: idPrefix + "-form"),
            Components.csrfField(context.csrfToken),
            .forEach(fields) { field in
                .group(
                    .label(.for("\(idPrefix)-\(field)"), .text(label(field))),
                    .textarea(.id("\(idPrefix)-\(field)"), .name(field), .attribute(named: "rows", value: "3"),
                              .attribute(named: "maxlength", value: String(maxField)), .text(values[field] ?? ""))
                )
            },
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(submit)))
        )
    }

    /// The message after a save (`?…=saved` or `?…=too_long`).
    static func outcome(_ outcome: String?, saved: String, tooLong: String) -> Node<HTML.BodyContext> {
        switch outcome {
        case "saved": .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(saved))
        case "too_long": .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(tooLong))
        default: .empty
        }
    }
}

enum CVPage {
    /// The CV section of the profile: what is written, the editor, and the way to the printable page.
    static func section(_ profile: ParticipantProfile, outcome: String?, context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .section(
            .class("card"), .data(named: "e2e", value: "cv"),
            .h2(.text(t(FormText.cvHeading))),
            SealedFormFields.outcome(outcome, saved: t(FormText.cvSaved), tooLong: t(FormText.tooLong)),
            .if(profile.cv.isEmpty, .p(.class("muted"), .text(t(FormText.cvEmpty))),
                else: .p(.a(.href(SiteRoute.participantCV(.value(profile.id)).path), .data(named: "e2e", value: "cv-print"), .text(t(FormText.cvPrint))))),
            .if(profile.mayDocument, .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text(t(FormText.cvEdit))]),
                .p(.class("muted"), .text(t(FormText.cvLead))),
                SealedFormFields.form(fields: ParticipantCV.fields, values: profile.cv, label: { t(FormText.cvLabel($0)) }, idPrefix: "cv",
                                      action: SiteRoute.participantCV(.value(profile.id)).path, submit: t(FormText.cvSave),
                                      maxField: ParticipantCV.maxField, context: context),
            ]))
        )
    }

    /// The CV as it is printed: name and contact lines, then each written section.
    static func printable(_ page: ParticipantFormPage, back: String, context: PageContext) -> HTML {
        let t = context.texts
        let body = ParticipantCV.fields.filter { $0 != "headline" }
        return Layout.page(context, title: t(FormText.cvHeading), content: .article(
            .class("cv"), .data(named: "e2e", value: "cv-printable"),
            .p(.class("no-print"), .a(.href(back), .text(t(FormText.cvBack))), .text(" · " + t(FormText.cvPrintHint))),
            .h1(.attribute(named: "translate", value: "no"), .text(page.name)),
            .unwrap(page.values["headline"]) { .p(.class("lead"), .attribute(named: "translate", value: "no"), .text($0)) },
            .unwrap(page.contact) { contact in
                .p(.attribute(named: "translate", value: "no"), .text([contact.phone, contact.email].compactMap { $0 }.joined(separator: " · ")))
            },
            .forEach(body.filter { page.values[$0] != nil }) { field in
                .section(.h2(.text(t(FormText.cvLabel(field)))),
                         .forEach((page.values[field] ?? "").split(separator: "\n", omittingEmptySubsequences: true)) { line in
                             .p(.attribute(named: "translate", value: "no"), .text(String(line)))
                         })
            }
        ))
    }
}

enum AFDetailsPage {
    static func render(_ page: ParticipantFormPage, outcome: String?, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(FormText.afHeading), content: .group(
            .p(.a(.href(SiteRoute.participant(.value(page.participantID)).path), .attribute(named: "translate", value: "no"), .text("← " + page.name))),
            .h1(.text(t(FormText.afHeading))),
            .p(.class("alert alert-warning"), .text(t(FormText.afLead))),
            SealedFormFields.outcome(outcome, saved: t(FormText.afSaved), tooLong: t(FormText.tooLong)),
            .section(.class("card"), .data(named: "e2e", value: "af-details"),
                     .dl(.class("facts"), .forEach(ParticipantAFDetails.fields) { field in
                         ParticipantProfilePage.fact(t(FormText.afLabel(field)), page.values[field], t)
                     })),
            .if(page.mayEdit, SealedFormFields.form(
                fields: ParticipantAFDetails.fields, values: page.values, label: { t(FormText.afLabel($0)) }, idPrefix: "af-details",
                action: SiteRoute.participantAFDetails(.value(page.participantID)).path, submit: t(FormText.afSave),
                maxField: ParticipantAFDetails.maxField, context: context))
        ))
    }

    /// The participant's own view of the same details, on their own page.
    static func own(_ values: [String: String], _ t: Texts) -> Node<HTML.BodyContext> {
        .section(.class("card"), .data(named: "e2e", value: "own-af-details"),
                 .h2(.text(t(FormText.afOwnHeading))),
                 .dl(.class("facts"), .forEach(ParticipantAFDetails.fields) { field in
                     ParticipantProfilePage.fact(t(FormText.afLabel(field)), values[field], t)
                 }))
    }
}

enum AFDetailsLink {
    /// Only the participant's own handledare sees the way to AF's sensitive details.
    static func shown(_ profile: ParticipantProfile) -> Bool { ParticipantAFDetails.allows(profile.basis) }
}
