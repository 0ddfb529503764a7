import Testing
@testable import LotsApp

/// The HTML renderer every page goes through.
@Suite struct MarkupTests {
    private func render(_ node: Node<HTML.BodyContext>) -> String {
        var renderer = MarkupRenderer()
        renderer.render(node)
        return renderer.output
    }

    @Test func documentStartsWithItsDoctype() {
        let page = HTML(.attribute(named: "lang", value: "sv"), .head(.title("Lots")), .body(.p(.text("Hej"))))
        #expect(page.render() == "<!DOCTYPE html><html lang=\"sv\"><head><title>Lots</title></head><body><p>Hej</p></body></html>")
    }

    @Test func textAndAttributeValuesAreEscaped() {
        let typed = "\"><script>alert('x')</script>&amp;"
        #expect(render(.p(.text(typed))) == "<p>\"&gt;&lt;script&gt;alert('x')&lt;/script&gt;&amp;amp;</p>")
        #expect(render(.input(.value(typed))) == "<input value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;\"/>")
        #expect(render(.p(.text("Åsa Öberg – 19900101-1234"))) == "<p>Åsa Öberg – 19900101-1234</p>")
        #expect(render(.raw("<svg/>")) == "<svg/>")
    }

    @Test func attributesBelongToTheNearestElementWhereverTheyStand() {
        let node: Node<HTML.BodyContext> = .td(
            .text("a"),
            .group(.attribute(named: "translate", value: "no")),
            .if(true, .class("x")),
            .unwrap("y") { .class($0) },
            .forEach(["1"]) { .data(named: "n", value: $0) },
            .span(.id("inner"), .text("b"))
        )
        #expect(render(node) == "<td translate=\"no\" class=\"x y\" data-n=\"1\">a<span id=\"inner\">b</span></td>")
    }

    @Test func repeatedAttributesReplaceAndEmptyOnesAreLeftOut() {
        #expect(render(.a(.href("/a"), .href("/b"), .id(""), .text("x"))) == "<a href=\"/b\">x</a>")
        #expect(render(.input(.type(.checkbox), .checked(true), .required(false), .value(""))) == "<input type=\"checkbox\" checked/>")
        #expect(render(.p(.if(false, .text("no"), else: .text("yes")), .unwrap(String?.none) { .text($0) })) == "<p>yes</p>")
    }
}
