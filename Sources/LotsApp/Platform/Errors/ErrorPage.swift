import Vapor

/// The HTML shown for 4xx and 5xx responses.
enum ErrorPage {
    static func render(status: HTTPResponseStatus, context: PageContext) -> HTML {
        let t = context.texts
        let (title, text): (ErrorText, ErrorText?) = switch status.code {
        case 404: (.notFoundTitle, .notFoundText)
        case 401, 403: (.forbiddenTitle, .forbiddenText)
        case 400, 413, 415, 422: (.badRequestTitle, .badRequestText)
        case 500...: (.serverErrorTitle, .serverErrorText)
        default: (.genericTitle, nil)
        }
        return Layout.page(
            context, title: t(title),
            bodyAttributes: [.data(named: "error-status", value: String(status.code))],
            content: .div(
                .class("error-page"),
                .h1(.text(t(title))),
                .unwrap(text) { .p(.text(t($0))) },
                .p(.class("muted"), .text(t(ErrorText.statusCode, ["status": String(status.code)]))),
                .p(.a(.class("button"), .href(SiteRoute.home.path), .text(t(ErrorText.backHome))))
            )
        )
    }
}
