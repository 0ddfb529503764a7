import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// The participant's plan in the structure of AF's joint planning (gemensam planering) and final report:
/// a main goal and an alternative goal (occupational field, occupation, motivation, steps), the planned
/// activities, and support and adaptations. Every text is sealed under the participant's key.
final class ParticipantPlan: SealedParticipantForm, @unchecked Sendable {
    static let schema = "participant_plans"
    static let fields = ["main_field", "main_occupation", "main_motivation", "main_steps", "alternative_field", "alternative_occupation",
                         "alternative_motivation", "alternative_steps", "planned_activities", "support"]
    static let maxField = 4000
    static let auditName = "plan"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "content") var content: Data
    @Field(key: "updated_by") var updatedBy: UUID
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

struct CreateParticipantPlans: AsyncMigration {
    var name: String { "033_create_participant_plans" }

    func prepare(on database: any Database) async throws {
        try await SealedFormTable(schema: ParticipantPlan.schema).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ParticipantPlan.schema).delete()
    }
}

/// Reading and writing plans; a write is audited with the fields that changed, never their text.
enum Plans {
    static func load(participantID: UUID, key: SymmetricKey, on db: any Database) async throws -> [String: String] {
        try await SealedForms.load(ParticipantPlan.self, participantID: participantID, key: key, on: db)
    }

    /// Saves the plan; false when a field is too long (nothing is saved then).
    static func save(_ values: [String: String], participantID: UUID, by staff: StaffActor, app: Application, on database: any Database) async throws -> Bool {
        guard (try? SealedForms.cleaned(values, for: ParticipantPlan.self)) != nil else { return false }
        let (_, basis) = try await app.participantRecords.documenting(participantID, by: staff, on: database,
                                                                      notFound: Abort(.notFound), noAccess: Abort(.forbidden))
        try await SealedForms.save(ParticipantPlan.self, values, participantID: participantID, purpose: basis.purpose, by: staff,
                                   keyRing: app.keyRing, audit: app.auditLog, on: database)
        return true
    }
}

enum PlanController {
    @Sendable
    static func save(req: Request) async throws -> Response {
        guard let session = req.signedIn, let participantID = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        let values = (try? req.content.decode([String: String].self)) ?? [:]
        let saved = try await Plans.save(values, participantID: participantID, by: StaffActor(session), app: req.application, on: req.db)
        return req.redirect(to: SiteRoute.participant(.value(participantID)).path + "?plan=" + (saved ? "saved" : "too_long"))
    }
}

enum PlanSection {
    static func label(_ field: String) -> PlanText {
        switch field {
        case "main_field", "alternative_field": .field
        case "main_occupation", "alternative_occupation": .occupation
        case "main_motivation", "alternative_motivation": .motivation
        case "main_steps", "alternative_steps": .steps
        case "planned_activities": .plannedActivities
        default: .support
        }
    }

    static func render(_ profile: ParticipantProfile, outcome: String?, context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let plan = profile.plan
        func group(_ heading: PlanText, _ prefix: String) -> Node<HTML.BodyContext> {
            .group(.h3(.text(t(heading))), .dl(.class("facts"), .forEach(["field", "occupation", "motivation", "steps"]) { name in
                ParticipantProfilePage.fact(t(label(prefix + "_" + name)), plan[prefix + "_" + name], t)
            }))
        }
        return .section(
            .class("card"), .data(named: "e2e", value: "plan"),
            .h2(.text(t(PlanText.heading))),
            SealedFormFields.outcome(outcome, saved: t(PlanText.saved), tooLong: t(PlanText.tooLong)),
            group(.mainGoal, "main"),
            group(.alternativeGoal, "alternative"),
            .dl(.class("facts"),
                ParticipantProfilePage.fact(t(PlanText.plannedActivities), plan["planned_activities"], t),
                ParticipantProfilePage.fact(t(PlanText.support), plan["support"], t)),
            .if(profile.mayDocument, .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text(t(PlanText.edit))]),
                SealedFormFields.form(fields: ParticipantPlan.fields, values: plan, label: { field in
                    let prefix = field.hasPrefix("main_") ? t(PlanText.mainGoal) + ": "
                        : field.hasPrefix("alternative_") ? t(PlanText.alternativeGoal) + ": " : ""
                    return prefix + t(label(field))
                }, idPrefix: "plan", action: SiteRoute.participantPlan(.value(profile.id)).path, submit: t(PlanText.save),
                maxField: ParticipantPlan.maxField, context: context),
            ]))
        )
    }
}

enum PlanText: String, TextKey {
    case heading = "plan.heading"
    case mainGoal = "plan.main_goal"
    case alternativeGoal = "plan.alternative_goal"
    case field = "plan.field"
    case occupation = "plan.occupation"
    case motivation = "plan.motivation"
    case steps = "plan.steps"
    case plannedActivities = "plan.planned_activities"
    case support = "plan.support"
    case edit = "plan.edit"
    case save = "plan.save"
    case saved = "plan.saved"
    case tooLong = "plan.too_long"
}
