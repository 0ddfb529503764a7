extension QRCode {
    /// A self-contained SVG image: a white background and one black `<path>` in which every horizontal
    /// run of dark modules is a rectangle, drawn in module units and scaled by `width`/`height`.
    ///
    /// Colours are presentation attributes, never `style`, so the markup passes a CSP without
    /// `style-src 'unsafe-inline'`. With a `title` the image is labelled for screen readers through
    /// `<title>` and `aria-labelledby`; `titleID` must be unique within the page.
    /// - Parameters:
    ///   - moduleSize: Pixels per module (at least 1).
    ///   - quietZone: Light border in modules; the standard asks for 4 (negative values count as 0).
    public func svg(moduleSize: Int = 4, quietZone: Int = 4, title: String?, titleID: String = "qr-title") -> String {
        let border = max(quietZone, 0)
        let extent = size + 2 * border
        let pixels = extent * max(moduleSize, 1)
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(pixels)" height="\#(pixels)" "#
            + #"viewBox="0 0 \#(extent) \#(extent)" shape-rendering="crispEdges" role="img""#
        if let title {
            let id = Self.xmlEscaped(titleID)
            svg += #" aria-labelledby="\#(id)"><title id="\#(id)">\#(Self.xmlEscaped(title))</title>"#
        } else {
            svg += ">"
        }
        svg += ##"<rect width="\##(extent)" height="\##(extent)" fill="#fff"/><path fill="#000" d=""##
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                let start = x
                while x < size, self[x, y] { x += 1 }
                svg += "M\(start + border) \(y + border)h\(x - start)v1h-\(x - start)z"
            }
        }
        return svg + #""/></svg>"#
    }

    /// Escapes markup characters and drops code points XML 1.0 does not allow at all.
    static func xmlEscaped(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r", "\u{20}"..."\u{D7FF}", "\u{E000}"..."\u{FFFD}", "\u{10000}"..."\u{10FFFF}":
                escaped.unicodeScalars.append(scalar)
            default:
                continue
            }
        }
        return escaped
    }
}
