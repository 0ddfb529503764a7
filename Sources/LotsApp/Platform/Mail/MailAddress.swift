import Foundation

/// An e-mail address with an optional display name, checked when it is made.
///
/// The checks are deliberately stricter than RFC 5322 (no quoted local parts, no comments): every
/// address that passes can go into an SMTP command and a header as it is, so nothing a user typed
/// can smuggle in a line break or a second address.
public struct MailAddress: Sendable, Hashable {
    public var address: String
    public var name: String?

    public init(_ address: String, name: String? = nil) throws {
        try Self.validate(address: address)
        if let name, name.contains(where: \.isNewline) { throw MailFormatError.headerInjection(field: "display name") }
        self.address = address
        self.name = (name?.isEmpty ?? true) ? nil : name
    }

    /// Reads `addr@example.org`, `<addr@example.org>`, `Name <addr@example.org>` or `"Name, Inc." <addr@example.org>`.
    public init(parsing text: String) throws {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else {
            try self.init(text)
            return
        }
        let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        var name = text[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast())
                .replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\\\", with: "\\")
        }
        try self.init(address, name: name.isEmpty ? nil : name)
    }

    /// The address as it goes into a header: display name encoded or quoted as needed, not folded.
    public var formatted: String { headerTokens().joined(separator: " ") }

    /// Non-ASCII addresses can only be sent to servers that offer SMTPUTF8.
    var isASCII: Bool { address.unicodeScalars.allSatisfy(\.isASCII) }

    /// The pieces a header may be folded between.
    func headerTokens() -> [String] {
        guard let name else { return [address] }
        return MIMEHeaderEncoder.phraseTokens(name) + ["<\(address)>"]
    }

    /// Re-checks the fields; they are `var`s, so they may have changed since `init`.
    func validated() throws -> MailAddress {
        try MailAddress(address, name: name)
    }

    static func validate(address: String) throws {
        func fail(_ reason: String) -> MailFormatError { .invalidAddress(reason: reason) }
        guard !address.isEmpty else { throw fail("empty") }
        guard address.utf8.count <= 254 else { throw fail("longer than 254 bytes") }
        // Control characters include CR and LF: the main defence against SMTP command injection.
        guard !address.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0.properties.isWhitespace }) else {
            throw fail("contains whitespace or control characters")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw fail(parts.count < 2 ? "missing @" : "more than one @") }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw fail("local part empty or longer than 64 bytes") }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { throw fail("misplaced dot in local part") }
        let atextSpecials = Set("!#$%&'*+-/=?^_`{|}~.")
        guard local.allSatisfy({ !$0.isASCII || $0.isLetter || $0.isNumber || atextSpecials.contains($0) }) else {
            throw fail("local part contains characters that would need quoting")
        }
        try validate(domain: domain)
    }

    private static func validate(domain: Substring) throws {
        func fail(_ reason: String) -> MailFormatError { .invalidAddress(reason: reason) }
        if domain.hasPrefix("["), domain.hasSuffix("]") {
            let literal = domain.dropFirst().dropLast()
            guard !literal.isEmpty, literal.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" || $0.isLetter }) else {
                throw fail("malformed address literal")
            }
            return
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63 else { throw fail("empty or overlong domain label") }
            guard !label.hasPrefix("-"), !label.hasSuffix("-") else { throw fail("domain label starts or ends with a hyphen") }
            guard label.allSatisfy({ !$0.isASCII || $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw fail("domain contains invalid characters")
            }
        }
    }
}
