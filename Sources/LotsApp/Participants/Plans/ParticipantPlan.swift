import Crypto
import Fluent
import Foundation
import LotsCore
import Plot
import Vapor

/// The participant's plan in the structure of AF's joint planning (gemensam planering) and final report:
/// a main goal and an alternative goal (occupational field, occupation, motivation, steps), the planned
/// activities, and support and adaptations. Every text is sealed under the participant's key.
final class ParticipantPlan: Model, @unchecked Sendable {
    static let schema = "participant_plans"
    static let fields = ["main_field", "main_occupation", "main_motivation", "main_steps", "alternative_field", "alternative_occupation",
                         "alternative_motivation", "alternative_steps", "planned_activities", "support"]

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
        try await database.schema(ParticipantPlan.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("content", .data, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime)
            .unique(on: "participant_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ParticipantPlan.schema).delete()
    }
}

/// Reading and writing plans; a write is audited with the fields that changed, never their text.
enum Plans {
    static let maxField = 4000

    static func load(participantID: UUID, key: SymmetricKey, on db: any Database) async throws -> [String: String] {
        guard let plan = try await ParticipantPlan.query(on: db).filter(\.$participantID == participantID).first() else { return [:] }
        let json = try SealedRow(key: key, table: ParticipantPlan.schema, rowID: try plan.requireID()).open(plan.content, "content")
        return try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }

    /// Saves the plan; false when a field is too long (nothing is saved then).
    static func save(_ values: [String: String], participantID: UUID, by staff: StaffActor, app: Application, on database: any Database) async throws -> Bool {
        let cleaned = values.filter { ParticipantPlan.fields.contains($0.key) }.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.value.isEmpty }
        guard cleaned.values.allSatisfy({ $0.count <= maxField }) else { return false }
        let (_, basis) = try await app.participantRecords.documenting(participantID, by: staff, on: database,
                                                                      notFound: Abort(.notFound), noAccess: Abort(.forbidden))
        try await database.transaction { db in
            let key = try await app.keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
            let existing = try await ParticipantPlan.query(on: db).filter(\.$participantID == participantID).first()
            let before = try await load(participantID: participantID, key: key, on: db)
            let plan = existing ?? ParticipantPlan()
            if existing == nil {
                plan.id = UUID()
                plan.organisationID = staff.organisationID
                plan.participantID = participantID
            }
            let json = String(decoding: try JSONEncoder().encode(cleaned), as: UTF8.self)
            plan.content = try SealedRow(key: key, table: ParticipantPlan.schema, rowID: try plan.requireID()).seal(json, "content")
            plan.updatedBy = staff.accountID
            if existing == nil { try await plan.create(on: db) } else { try await plan.update(on: db) }
            let changed = ParticipantPlan.fields.filter { before[$0] != cleaned[$0] }
            try await app.auditLog.record(staff.draft(.update, subject: SubjectReference.participant(participantID), purpose: basis.purpose, resultCount: 1,
                                                      query: "plan: " + changed.joined(separator: ",")), in: db)
        }
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
            .if(outcome == "saved", .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(t(PlanText.saved)))),
            .if(outcome == "too_long", .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(PlanText.tooLong)))),
            group(.mainGoal, "main"),
            group(.alternativeGoal, "alternative"),
            .dl(.class("facts"),
                ParticipantProfilePage.fact(t(PlanText.plannedActivities), plan["planned_activities"], t),
                ParticipantProfilePage.fact(t(PlanText.support), plan["support"], t)),
            .if(profile.mayDocument, .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text(t(PlanText.edit))]),
                .form(
                    .method(.post), .action(SiteRoute.participantPlan(.value(profile.id)).path), .class("account-form"),
                    .data(named: "e2e", value: "plan-form"),
                    Components.csrfField(context.csrfToken),
                    .forEach(ParticipantPlan.fields) { field in
                        let prefix = field.hasPrefix("main_") ? t(PlanText.mainGoal) + ": "
                            : field.hasPrefix("alternative_") ? t(PlanText.alternativeGoal) + ": " : ""
                        return .group(
                            .label(.for("plan-\(field)"), .text(prefix + t(label(field)))),
                            .textarea(.id("plan-\(field)"), .name(field), .attribute(named: "rows", value: "2"),
                                      .attribute(named: "maxlength", value: String(Plans.maxField)), .text(plan[field] ?? ""))
                        )
                    },
                    .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(PlanText.save))))
                ),
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
