import Foundation

/// Picks the best supported language from an HTTP `Accept-Language` header (RFC 9110 §12.5.4).
public enum LanguageNegotiation {
    /// - Returns: the supported code with the highest q-value, or nil when none matches.
    public static func preferred(acceptLanguage header: String, supported: [String]) -> String? {
        var best: (code: String, quality: Double, order: Int)?
        for (order, part) in header.split(separator: ",").enumerated() {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in fields.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0, quality <= 1 else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            // Norwegian and Danish readers understand Swedish better than English; "nb"/"no"/"da" map to sv.
            let candidate = ["nb": "sv", "nn": "sv", "no": "sv", "da": "sv"][primary] ?? primary
            guard supported.contains(candidate) else { continue }
            if best == nil || quality > best!.quality {
                best = (candidate, quality, order)
            }
        }
        return best?.code
    }
}
