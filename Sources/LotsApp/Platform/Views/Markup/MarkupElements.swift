/// The elements Lots's views use, each a function of its nodes (attributes and content).
extension Markup {
    static func head(_ nodes: Markup...) -> Markup { .element("head", nodes) }
    static func body(_ nodes: Markup...) -> Markup { .element("body", nodes) }
    static func div(_ nodes: Markup...) -> Markup { .element("div", nodes) }
    static func p(_ nodes: Markup...) -> Markup { .element("p", nodes) }
    static func span(_ nodes: Markup...) -> Markup { .element("span", nodes) }
    static func a(_ nodes: Markup...) -> Markup { .element("a", nodes) }
    static func ul(_ nodes: Markup...) -> Markup { .element("ul", nodes) }
    static func ol(_ nodes: Markup...) -> Markup { .element("ol", nodes) }
    static func li(_ nodes: Markup...) -> Markup { .element("li", nodes) }
    static func dl(_ nodes: Markup...) -> Markup { .element("dl", nodes) }
    static func dt(_ nodes: Markup...) -> Markup { .element("dt", nodes) }
    static func dd(_ nodes: Markup...) -> Markup { .element("dd", nodes) }
    static func table(_ nodes: Markup...) -> Markup { .element("table", nodes) }
    static func caption(_ nodes: Markup...) -> Markup { .element("caption", nodes) }
    static func thead(_ nodes: Markup...) -> Markup { .element("thead", nodes) }
    static func tbody(_ nodes: Markup...) -> Markup { .element("tbody", nodes) }
    static func tr(_ nodes: Markup...) -> Markup { .element("tr", nodes) }
    static func th(_ nodes: Markup...) -> Markup { .element("th", nodes) }
    static func td(_ nodes: Markup...) -> Markup { .element("td", nodes) }
    static func form(_ nodes: Markup...) -> Markup { .element("form", nodes) }
    static func label(_ nodes: Markup...) -> Markup { .element("label", nodes) }
    static func select(_ nodes: Markup...) -> Markup { .element("select", nodes) }
    static func textarea(_ nodes: Markup...) -> Markup { .element("textarea", nodes) }
    static func fieldset(_ nodes: Markup...) -> Markup { .element("fieldset", nodes) }
    static func legend(_ nodes: Markup...) -> Markup { .element("legend", nodes) }
    static func button(_ nodes: Markup...) -> Markup { .element("button", nodes) }
    static func section(_ nodes: Markup...) -> Markup { .element("section", nodes) }
    static func article(_ nodes: Markup...) -> Markup { .element("article", nodes) }
    static func nav(_ nodes: Markup...) -> Markup { .element("nav", nodes) }
    static func header(_ nodes: Markup...) -> Markup { .element("header", nodes) }
    static func footer(_ nodes: Markup...) -> Markup { .element("footer", nodes) }
    static func main(_ nodes: Markup...) -> Markup { .element("main", nodes) }
    static func h1(_ nodes: Markup...) -> Markup { .element("h1", nodes) }
    static func h2(_ nodes: Markup...) -> Markup { .element("h2", nodes) }
    static func h3(_ nodes: Markup...) -> Markup { .element("h3", nodes) }
    static func h4(_ nodes: Markup...) -> Markup { .element("h4", nodes) }
    static func strong(_ nodes: Markup...) -> Markup { .element("strong", nodes) }
    static func em(_ nodes: Markup...) -> Markup { .element("em", nodes) }
    static func small(_ nodes: Markup...) -> Markup { .element("small", nodes) }
    static func code(_ nodes: Markup...) -> Markup { .element("code", nodes) }
    static func pre(_ nodes: Markup...) -> Markup { .element("pre", nodes) }
    static func noscript(_ nodes: Markup...) -> Markup { .element("noscript", nodes) }
    static func script(_ nodes: Markup...) -> Markup { .element("script", nodes) }
    static func time(_ nodes: Markup...) -> Markup { .element("time", nodes) }
    static func details(_ nodes: Markup...) -> Markup { .element("details", nodes) }
    static func summary(_ nodes: Markup...) -> Markup { .element("summary", nodes) }

    // Elements without content, written `<input …/>`.
    static func input(_ nodes: Markup...) -> Markup { .selfClosed("input", nodes) }
    static func meta(_ nodes: Markup...) -> Markup { .selfClosed("meta", nodes) }
    static func link(_ nodes: Markup...) -> Markup { .selfClosed("link", nodes) }
    static func br(_ nodes: Markup...) -> Markup { .selfClosed("br", nodes) }
    static func hr(_ nodes: Markup...) -> Markup { .selfClosed("hr", nodes) }
    static func img(_ nodes: Markup...) -> Markup { .selfClosed("img", nodes) }

    /// The document's `<title>`.
    static func title(_ text: String) -> Markup { .element("title", [.text(text)]) }
}
