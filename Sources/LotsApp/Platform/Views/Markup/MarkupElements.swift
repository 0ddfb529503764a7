/// The elements Lots's views use, each a function of its nodes (attributes and content).
extension Markup {
    static func head(_ nodes: Markup...) -> Markup { .element(named: "head", nodes: nodes) }
    static func body(_ nodes: Markup...) -> Markup { .element(named: "body", nodes: nodes) }
    static func div(_ nodes: Markup...) -> Markup { .element(named: "div", nodes: nodes) }
    static func p(_ nodes: Markup...) -> Markup { .element(named: "p", nodes: nodes) }
    static func span(_ nodes: Markup...) -> Markup { .element(named: "span", nodes: nodes) }
    static func a(_ nodes: Markup...) -> Markup { .element(named: "a", nodes: nodes) }
    static func ul(_ nodes: Markup...) -> Markup { .element(named: "ul", nodes: nodes) }
    static func ol(_ nodes: Markup...) -> Markup { .element(named: "ol", nodes: nodes) }
    static func li(_ nodes: Markup...) -> Markup { .element(named: "li", nodes: nodes) }
    static func dl(_ nodes: Markup...) -> Markup { .element(named: "dl", nodes: nodes) }
    static func dt(_ nodes: Markup...) -> Markup { .element(named: "dt", nodes: nodes) }
    static func dd(_ nodes: Markup...) -> Markup { .element(named: "dd", nodes: nodes) }
    static func table(_ nodes: Markup...) -> Markup { .element(named: "table", nodes: nodes) }
    static func caption(_ nodes: Markup...) -> Markup { .element(named: "caption", nodes: nodes) }
    static func thead(_ nodes: Markup...) -> Markup { .element(named: "thead", nodes: nodes) }
    static func tbody(_ nodes: Markup...) -> Markup { .element(named: "tbody", nodes: nodes) }
    static func tr(_ nodes: Markup...) -> Markup { .element(named: "tr", nodes: nodes) }
    static func th(_ nodes: Markup...) -> Markup { .element(named: "th", nodes: nodes) }
    static func td(_ nodes: Markup...) -> Markup { .element(named: "td", nodes: nodes) }
    static func form(_ nodes: Markup...) -> Markup { .element(named: "form", nodes: nodes) }
    static func label(_ nodes: Markup...) -> Markup { .element(named: "label", nodes: nodes) }
    static func select(_ nodes: Markup...) -> Markup { .element(named: "select", nodes: nodes) }
    static func textarea(_ nodes: Markup...) -> Markup { .element(named: "textarea", nodes: nodes) }
    static func fieldset(_ nodes: Markup...) -> Markup { .element(named: "fieldset", nodes: nodes) }
    static func legend(_ nodes: Markup...) -> Markup { .element(named: "legend", nodes: nodes) }
    static func button(_ nodes: Markup...) -> Markup { .element(named: "button", nodes: nodes) }
    static func section(_ nodes: Markup...) -> Markup { .element(named: "section", nodes: nodes) }
    static func article(_ nodes: Markup...) -> Markup { .element(named: "article", nodes: nodes) }
    static func nav(_ nodes: Markup...) -> Markup { .element(named: "nav", nodes: nodes) }
    static func header(_ nodes: Markup...) -> Markup { .element(named: "header", nodes: nodes) }
    static func footer(_ nodes: Markup...) -> Markup { .element(named: "footer", nodes: nodes) }
    static func main(_ nodes: Markup...) -> Markup { .element(named: "main", nodes: nodes) }
    static func h1(_ nodes: Markup...) -> Markup { .element(named: "h1", nodes: nodes) }
    static func h2(_ nodes: Markup...) -> Markup { .element(named: "h2", nodes: nodes) }
    static func h3(_ nodes: Markup...) -> Markup { .element(named: "h3", nodes: nodes) }
    static func h4(_ nodes: Markup...) -> Markup { .element(named: "h4", nodes: nodes) }
    static func strong(_ nodes: Markup...) -> Markup { .element(named: "strong", nodes: nodes) }
    static func em(_ nodes: Markup...) -> Markup { .element(named: "em", nodes: nodes) }
    static func small(_ nodes: Markup...) -> Markup { .element(named: "small", nodes: nodes) }
    static func code(_ nodes: Markup...) -> Markup { .element(named: "code", nodes: nodes) }
    static func pre(_ nodes: Markup...) -> Markup { .element(named: "pre", nodes: nodes) }
    static func noscript(_ nodes: Markup...) -> Markup { .element(named: "noscript", nodes: nodes) }
    static func script(_ nodes: Markup...) -> Markup { .element(named: "script", nodes: nodes) }
    static func time(_ nodes: Markup...) -> Markup { .element(named: "time", nodes: nodes) }
    static func details(_ nodes: Markup...) -> Markup { .element(named: "details", nodes: nodes) }
    static func summary(_ nodes: Markup...) -> Markup { .element(named: "summary", nodes: nodes) }

    // Elements without content, written `<input …/>`.
    static func input(_ nodes: Markup...) -> Markup { .selfClosed("input", nodes) }
    static func meta(_ nodes: Markup...) -> Markup { .selfClosed("meta", nodes) }
    static func link(_ nodes: Markup...) -> Markup { .selfClosed("link", nodes) }
    static func br(_ nodes: Markup...) -> Markup { .selfClosed("br", nodes) }
    static func hr(_ nodes: Markup...) -> Markup { .selfClosed("hr", nodes) }
    static func img(_ nodes: Markup...) -> Markup { .selfClosed("img", nodes) }

    /// The document's `<title>`.
    static func title(_ text: String) -> Markup { .element(named: "title", nodes: [.text(text)]) }
}
