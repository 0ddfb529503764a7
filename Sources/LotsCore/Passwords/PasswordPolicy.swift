import Foundation

/// Rules for members' passwords, after NIST SP 800-63B: long enough, not one of the passwords that
/// appear again and again in breach corpora (also with the usual digits and symbols added), not built
/// from the person's own username or e-mail, not a run or a repetition. No composition rules.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    public enum Problem: String, Sendable, Equatable, CaseIterable {
        case tooShort = "too_short"
        case tooLong = "too_long"
        case common
        case containsUsername = "contains_username"
        case containsEmail = "contains_email"
        case repetitive
        case sequential
    }

    public static func problems(_ password: String, username: String, email: String) -> [Problem] {
        var problems: [Problem] = []
        if password.count < minimumLength { problems.append(.tooShort) }
        if password.count > maximumLength { problems.append(.tooLong) }
        let lower = password.lowercased()
        if isCommon(lower) { problems.append(.common) }
        let name = username.lowercased()
        if name.count >= 3, lower.contains(name) { problems.append(.containsUsername) }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 3, lower.contains(local) { problems.append(.containsEmail) }
        if Set(lower).count <= 3, !lower.isEmpty { problems.append(.repetitive) }
        if isSequential(lower) { problems.append(.sequential) }
        return problems
    }

    /// The password itself, or its base once the digits and symbols people append are removed, is on
    /// the list of most common breached passwords.
    static func isCommon(_ lower: String) -> Bool {
        if CommonPasswords.all.contains(lower) { return true }
        let base = String(lower.reversed().drop { !$0.isLetter }.reversed()).filter { $0.isLetter || $0.isNumber }
        let leading = String(base.drop { !$0.isLetter })
        return CommonPasswords.all.contains(base) || CommonPasswords.all.contains(leading)
    }

    /// Mostly a straight run up or down the alphabet, the digits or a keyboard row.
    static func isSequential(_ lower: String) -> Bool {
        let scalars = lower.unicodeScalars.map(\.value)
        guard scalars.count >= 6 else { return false }
        var steps = 0
        for (a, b) in zip(scalars, scalars.dropFirst()) where b == a + 1 || a == b + 1 { steps += 1 }
        if Double(steps) >= Double(scalars.count - 1) * 0.8 { return true }
        return ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"].contains { row in
            lower.count >= 6 && (row + row).contains(lower.filter { $0.isLetter || $0.isNumber })
        }
    }
}
