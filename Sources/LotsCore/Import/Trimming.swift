import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)`; Foundation is asked only when the text does not already start
    /// and end with a visible ASCII character (which almost every imported value does).
    public func trimmingWhitespace() -> String {
        endsWithVisibleASCII ? self : trimmingCharacters(in: .whitespaces)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, with the same shortcut.
    public func trimmingWhitespaceAndNewlines() -> String {
        endsWithVisibleASCII ? self : trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the first and the last byte are visible ASCII characters (no space, control or non-ASCII).
    private var endsWithVisibleASCII: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }
}
