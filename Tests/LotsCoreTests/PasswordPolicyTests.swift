import Testing
@testable import LotsCore

@Suite struct PasswordPolicyTests {
    @Test(arguments: [
        ("kolme pientä karhua metsässä", [PasswordPolicy.Problem]()),
        ("correct horse battery staple", []),
        ("short", [.tooShort]),
        ("Password123456!", [.common]),
        ("Salasana2024!!", [.common]),
        ("lösenord12345", [.common]),
        ("123456789012", [.sequential]),
        ("aaaaaaaaaaaaaaaa", [.repetitive]),
        ("abcdefghijklmnop", [.sequential]),
        ("qwertyuiopqwe", [.sequential]),
    ])
    func problems(password: String, expected: [PasswordPolicy.Problem]) {
        let found = PasswordPolicy.problems(password, username: "someone", email: "someone@example.org")
        #expect(Set(found) == Set(expected), "\(password): \(found)")
    }

    @Test func ownNamesAreRefused() {
        #expect(PasswordPolicy.problems("maija.m likes long walks", username: "maija.m", email: "x@example.org") == [.containsUsername])
        #expect(PasswordPolicy.problems("my address is kalle.k!", username: "someone", email: "kalle.k@example.org") == [.containsEmail])
        #expect(PasswordPolicy.problems(String(repeating: "ab cd ef ", count: 20), username: "someone", email: "x@example.org").contains(.tooLong))
    }
}
