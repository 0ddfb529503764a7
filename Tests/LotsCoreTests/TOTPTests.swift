import Foundation
import Testing
@testable import LotsCore

@Suite struct TOTPTests {
    /// RFC 6238 appendix B, SHA-1 column (8 digits), secret "12345678901234567890".
    @Test(arguments: [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
                      (2_000_000_000, "69279037"), (20_000_000_000, "65353130")])
    func rfc6238Vectors(seconds: Int, expected: String) {
        let secret = Data("12345678901234567890".utf8)
        #expect(TOTP.code(secret: secret, step: TOTP.step(at: Date(timeIntervalSince1970: TimeInterval(seconds))), digits: 8) == expected)
    }

    @Test func verifyAllowsOneStepOfDriftAndRefusesReplays() throws {
        let secret = Data("12345678901234567890".utf8)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let current = TOTP.code(secret: secret, step: TOTP.step(at: now))
        let previous = TOTP.code(secret: secret, step: TOTP.step(at: now) - 1)
        let old = TOTP.code(secret: secret, step: TOTP.step(at: now) - 3)
        let step = try #require(TOTP.verify(current, secret: secret, at: now, after: nil))
        #expect(TOTP.verify(previous, secret: secret, at: now, after: nil) == step - 1)
        #expect(TOTP.verify(old, secret: secret, at: now, after: nil) == nil)
        #expect(TOTP.verify(current, secret: secret, at: now, after: step) == nil, "a used code does not work twice")
        #expect(TOTP.verify("12345", secret: secret, at: now, after: nil) == nil)
        #expect(TOTP.verify("abcdef", secret: secret, at: now, after: nil) == nil)
    }

    @Test func base32RoundTripsAndMatchesRFC4648() {
        #expect(Base32.encode(Data("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.encode(Data("f".utf8)) == "MY")
        #expect(Base32.decode("MZXW6YTBOI") == Data("foobar".utf8))
        #expect(Base32.decode("MZXW6YTBOI======") == Data("foobar".utf8))
        #expect(Base32.decode("not base32!") == nil)
        let uri = TOTP.provisioningURI(secret: Data("foobar".utf8), account: "maija.m", issuer: "Lots")
        #expect(uri.hasPrefix("otpauth://totp/Lots:maija.m?secret=MZXW6YTBOI&issuer=Lots"))
    }
}
