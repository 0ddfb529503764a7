/// The attributes Lots's views use.
extension Markup {
    static func `class`(_ names: String) -> Markup { .attribute(named: "class", value: names) }
    static func id(_ id: String) -> Markup { .attribute(named: "id", value: id) }
    static func href(_ url: String) -> Markup { .attribute(named: "href", value: url) }
    static func src(_ url: String) -> Markup { .attribute(named: "src", value: url) }
    static func action(_ url: String) -> Markup { .attribute(named: "action", value: url) }
    static func name(_ name: String) -> Markup { .attribute(named: "name", value: name) }
    static func value(_ value: String) -> Markup { .attribute(named: "value", value: value) }
    static func `for`(_ id: String) -> Markup { .attribute(named: "for", value: id) }
    static func content(_ content: String) -> Markup { .attribute(named: "content", value: content) }
    static func datetime(_ value: String) -> Markup { .attribute(named: "datetime", value: value) }
    static func ariaLabel(_ label: String) -> Markup { .attribute(named: "aria-label", value: label) }
    static func data(named name: String, value: String) -> Markup { .attribute(named: "data-" + name, value: value) }
    static func type(_ type: InputType) -> Markup { .attribute(named: "type", value: type.rawValue) }
    /// A media type (`<link type="image/svg+xml">`).
    static func type(_ mediaType: String) -> Markup { .attribute(named: "type", value: mediaType) }
    static func method(_ method: FormMethod) -> Markup { .attribute(named: "method", value: method.rawValue) }
    static func enctype(_ type: FormContentType) -> Markup { .attribute(named: "enctype", value: type.rawValue) }
    static func rel(_ relationship: LinkRelationship) -> Markup { .attribute(named: "rel", value: relationship.rawValue) }
    static func charset(_ encoding: DocumentEncoding) -> Markup { .attribute(named: "charset", value: encoding.rawValue) }
    static func autocomplete(_ isOn: Bool) -> Markup { .attribute(named: "autocomplete", value: isOn ? "on" : "off") }
    static func required(_ isRequired: Bool) -> Markup { .flag("required", isRequired) }
    static func checked(_ isChecked: Bool) -> Markup { .flag("checked", isChecked) }
    static func disabled(_ isDisabled: Bool) -> Markup { .flag("disabled", isDisabled) }

    /// The types of `<input>` and `<button>`.
    enum InputType: String, Sendable {
        case button, checkbox, date, email, file, hidden, number, password, radio, reset, search, submit, tel, text, time, url
        case datetimeLocal = "datetime-local"
    }

    enum FormMethod: String, Sendable { case get, post }

    enum FormContentType: String, Sendable {
        case urlEncoded = "application/x-www-form-urlencoded"
        case multipartData = "multipart/form-data"
    }

    enum LinkRelationship: String, Sendable { case stylesheet, icon }

    enum DocumentEncoding: String, Sendable { case utf8 = "UTF-8" }
}
