import Foundation

enum NoticeAdminPage {
    struct Model: Sendable {
        struct Version: Sendable { var version: Int; var publishedAt: Date; var by: String? }
        var versions: [Version]
        var introduction: [String: String]
        var error: PrivacyNotices.Failure?
        var published: Int?
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(NoticeText.title), content: .group(
            .h1(.text(t(NoticeText.title))),
            .p(.class("lead"), .text(t(NoticeText.lead))),
            .unwrap(model.published) { .p(.class("alert alert-success"), .attribute(named: "role", value: "status"),
                                          .text(t(NoticeText.published, ["version": String($0)]))) },
            .unwrap(model.error) { error in
                .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"),
                   .text(t(error == .introductionMissing ? NoticeText.errorIntroduction : NoticeText.errorTooLong)))
            },
            .h2(.text(t(NoticeText.versionsHeading))),
            .if(model.versions.isEmpty, .p(.class("muted"), .text(t(NoticeText.none))), else: .table(
                .class("table"),
                .caption(.text(t(NoticeText.versionsHeading))),
                .thead(.tr(.forEach([NoticeText.columnVersion, .columnPublished, .columnBy]) { .th(.attribute(named: "scope", value: "col"), .text(t($0))) })),
                .tbody(.forEach(model.versions) { version in
                    .tr(.td(.text(String(version.version))), .td(Components.time(version.publishedAt)),
                        .td(.attribute(named: "translate", value: "no"), .text(version.by ?? "–")))
                })
            )),
            .form(
                .method(.post), .action(SiteRoute.noticeAdmin.path), .class("account-form"),
                Components.csrfField(context.csrfToken),
                .h2(.text(t(NoticeText.publishHeading))),
                .p(.class("hint"), .id("introduction-hint"), .text(t(NoticeText.introductionHint))),
                .forEach(UILanguage.allCases) { language in
                    .group(
                        .label(.for("intro-\(language.rawValue)"), .text(t(NoticeText.introduction, ["language": language.rawValue]))),
                        .textarea(.id("intro-\(language.rawValue)"), .name(language.rawValue), .attribute(named: "rows", value: "6"),
                                  .attribute(named: "maxlength", value: "10000"), .attribute(named: "lang", value: language.rawValue),
                                  .attribute(named: "aria-describedby", value: "introduction-hint"), .attribute(named: "translate", value: "no"),
                                  .text(model.introduction[language.rawValue] ?? ""))
                    )
                },
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(NoticeText.publish))))
            )
        ))
    }
}
