
/// The page frame every HTML page shares: skip link, header with organisation, user, navigation and
/// language switch, main landmark, footer with the privacy notice link.
enum Layout {
    static func page(_ context: PageContext, title: String, bodyAttributes: [Node<HTML.BodyContext>] = [],
                     head: [Node<HTML.HeadContext>] = [], content: Node<HTML.BodyContext>) -> HTML {
        let t = context.texts
        return HTML(
            .attribute(named: "lang", value: context.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) – \(t(CommonText.appName))"),
                .link(.rel(.stylesheet), .href("/css/lots.css")),
                .link(.rel(.icon), .href("/favicon.svg"), .type("image/svg+xml")),
                .group(head)
            ),
            .body(
                .group(bodyAttributes),
                .a(.class("skip-link"), .href("#main"), .text(t(CommonText.skipLink))),
                .if(context.demo, .div(.class("demo-banner"), .attribute(named: "role", value: "note"), .text(t(CommonText.demoBanner)))),
                header(context),
                .main(.id("main"), .attribute(named: "tabindex", value: "-1"), content),
                footer(context)
            )
        )
    }

    private static func header(_ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .header(
            .class("site-header"),
            .div(
                .class("brand"),
                .a(.class("brand-name"), .href(SiteRoute.home.path), .text(t(CommonText.appName))),
                .unwrap(context.organisationName) { .span(.class("brand-organisation"), .attribute(named: "translate", value: "no"), .text($0)) }
            ),
            .nav(
                .class("main-nav"), .ariaLabel(t(CommonText.mainNavigation)),
                .ul(.forEach(context.navigation) { item in
                    .li(.a(.href(item.path), .if(item.path == context.currentPath, .attribute(named: "aria-current", value: "page")),
                           .text(item.label)))
                })
            ),
            .unwrap(context.viewer) { viewer in
                .div(
                    .class("viewer"),
                    .p(.span(.attribute(named: "translate", value: "no"), .text(viewer.displayName)),
                       .text(" · " + viewer.roleLabels.joined(separator: ", "))),
                    .form(.method(.post), .action(SiteRoute.logout.path), Components.csrfField(context.csrfToken),
                          .button(.type(.submit), .class("link-button"), .text(t(LoginText.logout))))
                )
            },
            languageSwitch(context)
        )
    }

    private static func languageSwitch(_ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let names: [UILanguage: CommonText] = [.sv: .languageSwedish, .en: .languageEnglish, .fi: .languageFinnish]
        return .nav(
            .class("language-switch"), .ariaLabel(t(CommonText.languageSwitch)),
            .ul(.forEach(UILanguage.allCases) { language in
                .li(.a(
                    .href(SiteRoute.languageSwitch(to: language, returningTo: context.currentPath)),
                    .attribute(named: "lang", value: language.rawValue),
                    .attribute(named: "hreflang", value: language.rawValue),
                    .data(named: "lang", value: language.rawValue),
                    .attribute(named: "rel", value: "nofollow"),
                    .if(language == context.language, .attribute(named: "aria-current", value: "true")),
                    .text(t(names[language]!))
                ))
            })
        )
    }

    private static func footer(_ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .footer(
            .class("site-footer"),
            .p(.text(t(CommonText.footerAbout))),
            .p(.a(.href(SiteRoute.privacy.path), .text(t(CommonText.footerPrivacy))))
        )
    }
}
