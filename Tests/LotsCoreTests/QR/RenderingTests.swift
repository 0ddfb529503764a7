import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LotsCore

@Suite struct RenderingTests {
    let code: QRCode

    init() throws {
        code = try QRCode(encoding: QRCodeTests.bankID, errorCorrection: .low)
    }

    /// Redraws the path's rectangles onto a grid and compares it with the symbol, module for module.
    @Test func svgPathCoversExactlyTheDarkModules() throws {
        let svg = code.svg(moduleSize: 5, quietZone: 4, title: nil)
        let path = try #require(svg.firstMatch(of: #/ d="([^"]*)"/#)).1
        var drawn = Array(repeating: Array(repeating: false, count: code.size), count: code.size)
        for match in path.matches(of: #/M(\d+) (\d+)h(\d+)v1h-(\d+)z/#) {
            let x = Int(match.1)! - 4, y = Int(match.2)! - 4, width = Int(match.3)!
            #expect(Int(match.4)! == width)
            for column in x..<x + width {
                #expect(!drawn[y][column], "module drawn twice")
                drawn[y][column] = true
            }
        }
        #expect(path.replacing(#/M\d+ \d+h\d+v1h-\d+z/#, with: "").isEmpty, "unexpected path commands")
        for y in 0..<code.size {
            for x in 0..<code.size {
                #expect(drawn[y][x] == code[x, y], "module (\(x), \(y))")
            }
        }
    }

    @Test func svgIsSizedAndStyledWithAttributesOnly() {
        let svg = code.svg(moduleSize: 5, quietZone: 4, title: nil)
        let extent = code.size + 8
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" width="\#(extent * 5)" height="\#(extent * 5)""#))
        #expect(svg.contains(#"viewBox="0 0 \#(extent) \#(extent)""#))
        #expect(svg.contains(#"shape-rendering="crispEdges""#))
        #expect(svg.contains(#"role="img""#))
        #expect(svg.contains(##"<rect width="\##(extent)" height="\##(extent)" fill="#fff"/>"##))
        #expect(svg.contains(##"<path fill="#000" d="M"##))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.matches(of: #/<path/#).count == 1)
        #expect(!svg.contains("style"))
        #expect(!svg.contains("<title") && !svg.contains("aria-labelledby"))
    }

    @Test func svgTitleIsEscapedAndReferenced() throws {
        let svg = code.svg(title: #"Scan <this> & "that" 'code'"#, titleID: "login-qr")
        #expect(svg.contains(#"aria-labelledby="login-qr"><title id="login-qr">"#))
        #expect(svg.contains("<title id=\"login-qr\">Scan &lt;this&gt; &amp; &quot;that&quot; &apos;code&apos;</title>"))
        #expect(QRCode.xmlEscaped("a\u{0}b\u{1B}c\u{FFFE}d") == "abcd")
        let parsed = try XMLDocument(xmlString: svg)
        #expect(try parsed.nodes(forXPath: "//*[local-name()='title']").first?.stringValue == #"Scan <this> & "that" 'code'"#)
    }

    @Test func svgDefaultsAndClampedArguments() {
        let extent = code.size + 8
        #expect(code.svg(title: nil).contains(#"width="\#(extent * 4)""#))
        #expect(code.svg(moduleSize: 0, quietZone: -3, title: nil).contains(#"width="\#(code.size)" height="\#(code.size)""#))
    }

    @Test func pbmHeaderAndPixels() throws {
        let pbm = code.pbm(moduleSize: 3, quietZone: 2)
        var lines = pbm.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.removeLast() == "")
        let pixels = (code.size + 4) * 3
        #expect(lines.removeFirst() == "P1")
        #expect(lines.removeFirst() == "\(pixels) \(pixels)")
        #expect(lines.allSatisfy { $0.count <= 70 })
        let bits = Array(lines.joined())
        #expect(bits.count == pixels * pixels)
        for y in 0..<pixels {
            for x in 0..<pixels {
                let moduleX = x / 3 - 2, moduleY = y / 3 - 2
                let dark = (0..<code.size).contains(moduleX) && (0..<code.size).contains(moduleY) && code[moduleX, moduleY]
                #expect(bits[y * pixels + x] == (dark ? "1" : "0"))
            }
        }
    }
}
