import Vapor

extension Request {
    private struct QueryValuesKey: StorageKey { typealias Value = [String: String] }

    /// A query-string parameter, percent-decoded and with `+` read as a space; the first value when the
    /// name is repeated, nil when absent or malformed. The query is parsed once per request, not once per
    /// parameter as `query[_:at:]` does (a full decoder run each time, on every page that reads a few).
    func queryValue(_ name: String) -> String? {
        if let parsed = storage[QueryValuesKey.self] { return parsed[name] }
        let parsed = Self.parseQuery(url.query ?? "")
        storage[QueryValuesKey.self] = parsed
        return parsed[name]
    }

    static func parseQuery(_ query: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in query.split(separator: "&") {
            // A bare name (`?flag`) is no name=value pair, as for Vapor's decoder.
            guard let equals = pair.firstIndex(of: "=") else { continue }
            guard let name = decodeQueryComponent(pair[..<equals]), !name.isEmpty,
                  let value = decodeQueryComponent(pair[pair.index(after: equals)...]) else { continue }
            if values[name] == nil { values[name] = value }
        }
        return values
    }

    private static func decodeQueryComponent(_ component: Substring) -> String? {
        guard component.contains(where: { $0 == "+" || $0 == "%" }) else { return String(component) }
        return component.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension Request {
    private struct CookiesKey: StorageKey { typealias Value = HTTPCookies }

    /// A cookie sent with the request. The Cookie header is parsed once per request (`cookies` parses it
    /// again at every use, and the session, language and form-token checks each read one).
    func cookieValue(_ name: String) -> String? {
        if let parsed = storage[CookiesKey.self] { return parsed[name]?.string }
        let parsed = cookies
        storage[CookiesKey.self] = parsed
        return parsed[name]?.string
    }
}
