/// Lots's HTML DSL: views are functions that build a tree of `Node`s, rendered once into one string.
///
/// It keeps the shape of Plot's DSL (`.div(.class("card"), .p(.text(name)))`), which Lots used before, but
/// renders in a single pass into one buffer: measured on the participant profile page, Plot's renderer (a
/// closure, a nested renderer and a string copy per element, and an escaping step that builds a string per
/// character) took about half of the page's time. Unlike Plot, every attribute value is escaped here, so no
/// view can forget to escape what a person typed.
///
/// Attributes may stand anywhere among an element's nodes, also inside `.group`, `.if`, `.unwrap` and
/// `.forEach`: they belong to the nearest enclosing element. A second value for the same attribute replaces
/// the first, except for `class`, whose values are joined with a space. An attribute whose value is empty is
/// left out, unless it was made without a value (`required`, `defer`).
struct Markup: Sendable {
    fileprivate indirect enum Kind: Sendable {
        case empty
        case text(String)
        case raw(String)
        case attribute(name: String, value: String?, keepsEmpty: Bool)
        case element(name: String, closing: Closing, children: [Markup])
        case group([Markup])
    }

    enum Closing: Sendable {
        /// `<p>…</p>`
        case standard
        /// `<input …/>`
        case selfClosing
    }

    fileprivate let kind: Kind

    fileprivate init(_ kind: Kind) { self.kind = kind }
}

/// The node type views declare. The context names where a node is meant to stand (head, body, a form, a
/// select…) and documents the view; all contexts share one node type.
typealias Node<Context> = Markup

/// An HTML document: `<!DOCTYPE html><html …>…</html>`.
struct HTML: Sendable {
    private let root: Markup

    init(_ nodes: Markup...) {
        root = .element(named: "html", nodes: nodes)
    }

    func render() -> String {
        var renderer = MarkupRenderer()
        renderer.output.append("<!DOCTYPE html>")
        renderer.render(root)
        return renderer.output
    }

    // The places a node may stand, named as the views name them.
    enum DocumentContext {}
    enum HeadContext {}
    enum BodyContext {}
    enum FormContext {}
    enum SelectContext {}
    enum DescriptionListContext {}
}

extension Markup {
    static var empty: Markup { Markup(.empty) }

    /// Text, escaped.
    static func text(_ text: String) -> Markup { Markup(.text(text)) }

    /// Markup written elsewhere and already safe (the QR code's SVG), written as it is.
    static func raw(_ html: String) -> Markup { Markup(.raw(html)) }

    static func group(_ members: [Markup]) -> Markup { Markup(.group(members)) }
    static func group(_ members: Markup...) -> Markup { Markup(.group(members)) }

    static func element(named name: String, nodes: [Markup]) -> Markup {
        Markup(.element(name: name, closing: .standard, children: nodes))
    }

    /// An attribute without a value, written as its name alone (`defer`, `required`).
    static func attribute(named name: String) -> Markup {
        Markup(.attribute(name: name, value: nil, keepsEmpty: true))
    }

    /// An attribute; left out when the value is nil or empty.
    static func attribute(named name: String, value: String?) -> Markup {
        Markup(.attribute(name: name, value: value, keepsEmpty: false))
    }

    // MARK: control flow

    static func `if`(_ condition: Bool, _ node: Markup, else fallback: Markup? = nil) -> Markup {
        condition ? node : (fallback ?? .empty)
    }

    static func unwrap<T>(_ optional: T?, _ transform: (T) throws -> Markup, else fallback: Markup = .empty) rethrows -> Markup {
        try optional.map(transform) ?? fallback
    }

    static func forEach<S: Sequence>(_ sequence: S, _ transform: (S.Element) throws -> Markup) rethrows -> Markup {
        Markup(.group(try sequence.map(transform)))
    }

    // MARK: helpers for the element and attribute functions

    static func selfClosed(_ name: String, _ nodes: [Markup]) -> Markup {
        Markup(.element(name: name, closing: .selfClosing, children: nodes))
    }

    static func flag(_ name: String, _ isOn: Bool) -> Markup {
        isOn ? .attribute(named: name) : .empty
    }
}

/// Writes a node tree into one string.
struct MarkupRenderer {
    var output = ""

    init() { output.reserveCapacity(32 * 1024) }

    private struct Attribute {
        var name: String
        var value: String?
        var keepsEmpty: Bool
    }

    mutating func render(_ node: Markup) {
        switch node.kind {
        case .empty, .attribute: break  // an attribute outside any element has nowhere to go
        case .text(let text): HTMLEscape.appendText(text, to: &output)
        case .raw(let html): output.append(html)
        case .group(let members): for member in members { render(member) }
        case .element(let name, let closing, let children): renderElement(name, closing, children)
        }
    }

    private mutating func renderElement(_ name: String, _ closing: Markup.Closing, _ children: [Markup]) {
        var attributes: [Attribute] = []
        Self.collectAttributes(children, into: &attributes)
        output.append("<")
        output.append(name)
        for attribute in attributes {
            if let value = attribute.value, !value.isEmpty {
                output.append(" ")
                output.append(attribute.name)
                output.append("=\"")
                HTMLEscape.appendAttribute(value, to: &output)
                output.append("\"")
            } else if attribute.keepsEmpty {
                output.append(" ")
                output.append(attribute.name)
            }
        }
        switch closing {
        case .selfClosing:
            output.append("/>")
        case .standard:
            output.append(">")
            // `render` passes over attributes, so the children's content is all that is written here.
            for child in children { render(child) }
            output.append("</")
            output.append(name)
            output.append(">")
        }
    }

    private static func collectAttributes(_ nodes: [Markup], into attributes: inout [Attribute]) {
        for node in nodes {
            switch node.kind {
            case .attribute(let name, let value, let keepsEmpty):
                if let index = attributes.firstIndex(where: { $0.name == name }) {
                    if name == "class", let existing = attributes[index].value, !existing.isEmpty {
                        if let value, !value.isEmpty { attributes[index].value = existing + " " + value }
                    } else {
                        attributes[index] = Attribute(name: name, value: value, keepsEmpty: keepsEmpty)
                    }
                } else {
                    attributes.append(Attribute(name: name, value: value, keepsEmpty: keepsEmpty))
                }
            case .group(let members):
                collectAttributes(members, into: &attributes)
            default:
                break
            }
        }
    }
}
