import Foundation

/// Skyddade personuppgifter on the profile: the notice every reader sees, the reasoned opening for named
/// staff, and the administrator's marking, naming and log of openings.
enum ProtectionSection {
    static func notice(_ profile: ParticipantProfile, extras: ParticipantProfilePage.Extras, context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        guard profile.protectedIdentity, profile.basis != .ownData else { return .empty }
        return .div(
            .class("alert alert-warning"), .data(named: "e2e", value: "protected-identity"),
            .p(.strong(.text(t(ParticipantText.protectedIdentity)))),
            .if(profile.contact != nil, .p(.attribute(named: "role", value: "status"), .data(named: "e2e", value: "contact-opened"),
                                          .text(t(ProtectionText.opened)))),
            .if(profile.contact == nil && extras.mayOpenContact, .form(
                .method(.post), .action(SiteRoute.participantProtectedContact(.value(profile.id)).path), .class("account-form"),
                .data(named: "e2e", value: "open-contact"),
                Components.csrfField(context.csrfToken),
                .if(extras.contactReasonMissing, .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"),
                                                    .text(t(ProtectionText.reasonMissing)))),
                .label(.for("contact-reason"), .text(t(ProtectionText.reason)),
                       .span(.class("hint"), .id("contact-reason-hint"), .text(t(ProtectionText.reasonHint)))),
                .textarea(.id("contact-reason"), .name("reason"), .attribute(named: "rows", value: "2"), .required(true),
                          .attribute(named: "minlength", value: String(ProtectedIdentity.reasonLength.lowerBound)),
                          .attribute(named: "maxlength", value: String(ProtectedIdentity.reasonLength.upperBound)),
                          .attribute(named: "aria-describedby", value: "contact-reason-hint")),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(ProtectionText.open))))
            ))
        )
    }

    static func administration(_ profile: ParticipantProfile, _ admin: ProtectedIdentity.Administration, outcome: String?,
                               context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let action = SiteRoute.participantProtection(.value(profile.id)).path
        func button(_ label: String, action name: String, staff: UUID? = nil) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(action), .class("inline-form"),
                  Components.csrfField(context.csrfToken),
                  .input(.type(.hidden), .name("action"), .value(name)),
                  .unwrap(staff) { .input(.type(.hidden), .name("staff"), .value($0.uuidString.lowercased())) },
                  .button(.type(.submit), .class("button secondary"), .text(label)))
        }
        return .section(
            .class("card"), .data(named: "e2e", value: "protection"),
            .h2(.text(t(ProtectionText.heading))),
            .if(outcome == "refused", .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(ProtectionText.refused)))),
            .if(outcome != nil && outcome != "refused", .p(.class("alert alert-success"), .attribute(named: "role", value: "status"),
                                                          .text(t(ProtectionText.changed)))),
            .p(.text(t(profile.protectedIdentity ? ProtectionText.statusOn : ProtectionText.statusOff))),
            profile.protectedIdentity ? button(t(ProtectionText.unmark), action: "unmark") : button(t(ProtectionText.mark), action: "mark"),
            .if(profile.protectedIdentity, .group(
                .h3(.text(t(ProtectionText.namedHeading))),
                .p(.class("muted"), .text(t(ProtectionText.namedLead))),
                .if(admin.named.isEmpty, .p(.class("muted"), .text(t(ProtectionText.noneNamed))), else: .ul(
                    .class("plain-list"), .data(named: "e2e", value: "named-staff"),
                    .forEach(admin.named) { person in
                        .li(.span(.attribute(named: "translate", value: "no"), .text(person.name + " ")),
                            button(t(ProtectionText.unname), action: "unname", staff: person.id))
                    })),
                .if(!admin.candidates.isEmpty, .form(
                    .method(.post), .action(action), .class("inline-form"), .data(named: "e2e", value: "name-staff"),
                    Components.csrfField(context.csrfToken),
                    .input(.type(.hidden), .name("action"), .value("name")),
                    .label(.for("protection-staff"), .text(t(ProtectionText.nameLabel) + " ")),
                    .select(.id("protection-staff"), .attribute(named: "name", value: "staff"), .forEach(admin.candidates) { person in
                        Components.option(person.id.uuidString.lowercased(), person.name, selected: false, isData: true)
                    }),
                    .button(.type(.submit), .class("button"), .text(t(ProtectionText.name)))
                )),
                .h3(.text(t(ProtectionText.openingsHeading))),
                .if(admin.openings.isEmpty, .p(.class("muted"), .text(t(ProtectionText.noOpenings))), else: .table(
                    .class("table"), .data(named: "e2e", value: "openings"),
                    .caption(.text(t(ProtectionText.openingsHeading))),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(t(ProtectionText.openingWhen))),
                               .th(.attribute(named: "scope", value: "col"), .text(t(ProtectionText.openingWho))),
                               .th(.attribute(named: "scope", value: "col"), .text(t(ProtectionText.reason))))),
                    .tbody(.forEach(admin.openings) { opening in
                        .tr(.td(Components.time(opening.openedAt)), .td(.attribute(named: "translate", value: "no"), .text(opening.staffName)),
                            .td(.attribute(named: "translate", value: "no"), .text(opening.reason)))
                    })))
            ))
        )
    }
}

enum ProtectionText: String, TextKey {
    case heading = "protection.heading"
    case statusOn = "protection.status_on"
    case statusOff = "protection.status_off"
    case mark = "protection.mark"
    case unmark = "protection.unmark"
    case namedHeading = "protection.named_heading"
    case namedLead = "protection.named_lead"
    case noneNamed = "protection.none_named"
    case nameLabel = "protection.name_label"
    case name = "protection.name"
    case unname = "protection.unname"
    case openingsHeading = "protection.openings_heading"
    case noOpenings = "protection.no_openings"
    case openingWhen = "protection.opening_when"
    case openingWho = "protection.opening_who"
    case reason = "protection.reason"
    case reasonHint = "protection.reason_hint"
    case reasonMissing = "protection.reason_missing"
    case open = "protection.open"
    case opened = "protection.opened"
    case changed = "protection.changed"
    case refused = "protection.refused"
}
