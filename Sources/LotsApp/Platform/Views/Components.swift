import Foundation

/// Small pieces many pages share.
enum Components {
    /// The hidden form field `CSRFMiddleware` checks on every state-changing request.
    static func csrfField(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(token))
    }

    /// A one-button form for an action (POST), e.g. sign out or cancel.
    static func actionButton(_ path: String, label: String, token: String, style: String = "button secondary") -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(path), csrfField(token), .button(.type(.submit), .class(style), .text(label)))
    }
}

extension Components {
    /// A moment as people here read it (2026-11-23 09:30, Swedish time, in every UI language), marked up
    /// with its machine-readable form.
    static func time(_ date: Date, seconds: Bool = false) -> Markup {
        .element(named: "time", nodes: [.attribute(named: "datetime", value: TimeText.iso8601(date)), .text(TimeText.local(date, seconds: seconds))])
    }

    /// An `<option>` with its text as content (Plot's own `option` takes attributes only). `isData` marks
    /// user data so it is not mistaken for untranslated UI text.
    static func option(_ value: String, _ label: String, selected: Bool, isData: Bool = false) -> Node<HTML.SelectContext> {
        var nodes: [Node<HTML.SelectContext>] = [.attribute(named: "value", value: value)]
        if selected { nodes.append(.attribute(named: "selected", value: "selected")) }
        if isData { nodes.append(.attribute(named: "translate", value: "no")) }
        nodes.append(.text(label))
        return .element(named: "option", nodes: nodes)
    }
}

/// Times written by hand: a `DateFormatter` set up per call cost a quarter of a profile page (ICU builds a
/// new formatter each time), and every page shows many times.
enum TimeText {
    static let stockholm = TimeZone(identifier: "Europe/Stockholm")!

    /// Year, month, day, hour, minute and second of a moment at a fixed offset from UTC.
    /// `toMillisecond`: round to the millisecond first, as `DateFormatter` does (the ISO 8601 style truncates).
    static func parts(_ date: Date, offset: Int, toMillisecond: Bool = false) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = toMillisecond ? (date.timeIntervalSince1970 * 1000).rounded() / 1000 : date.timeIntervalSince1970
        let total = Int(seconds.rounded(.down)) + offset
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        // Days since 1970-01-01 to a civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// 2026-11-23 09:30 (or with seconds), Swedish time.
    static func local(_ date: Date, seconds: Bool = false) -> String {
        let p = parts(date, offset: stockholm.secondsFromGMT(for: date), toMillisecond: true)
        return "\(p.year)-\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute))" + (seconds ? ":" + two(p.second) : "")
    }

    /// 2026-11-23T08:30:00Z, as `Date.formatted(.iso8601)` writes it.
    static func iso8601(_ date: Date) -> String {
        let p = parts(date, offset: 0)
        return "\(p.year)-\(two(p.month))-\(two(p.day))T\(two(p.hour)):\(two(p.minute)):\(two(p.second))Z"
    }
}

/// Escaping for the renderer (`Markup`): text escapes `&`, `<` and `>`; attribute values also quotes.
/// Most strings hold none of these, so they are copied in one piece.
enum HTMLEscape {
    static func attribute(_ value: String) -> String {
        var out = ""
        appendAttribute(value, to: &out)
        return out
    }

    static func appendText(_ text: String, to out: inout String) {
        append(text, to: &out, quotes: false)
    }

    static func appendAttribute(_ value: String, to out: inout String) {
        append(value, to: &out, quotes: true)
    }

    private static func append(_ value: String, to out: inout String, quotes: Bool) {
        let utf8 = value.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || (quotes && ($0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'"))) }) else {
            out.append(value)
            return
        }
        for character in value.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
    }
}
