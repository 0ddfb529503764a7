extension QRCode {
    /// The symbol as a plain (ASCII) PBM image, `1` = black, with a light quiet zone and each module drawn
    /// as `moduleSize`×`moduleSize` pixels. Meant for handing the code to image tools and decoders.
    public func pbm(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        let scale = max(moduleSize, 1)
        let border = max(quietZone, 0)
        let pixels = (size + 2 * border) * scale
        var lines = ["P1", "\(pixels) \(pixels)"]
        for pixelY in 0..<pixels {
            let row = String((0..<pixels).map { pixelX -> Character in
                let x = pixelX / scale - border, y = pixelY / scale - border
                return x >= 0 && x < size && y >= 0 && y < size && self[x, y] ? "1" : "0"
            })
            // The format caps lines at 70 characters; bits need no separators, so rows are simply wrapped.
            var rest = Substring(row)
            while !rest.isEmpty {
                lines.append(String(rest.prefix(70)))
                rest = rest.dropFirst(70)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
