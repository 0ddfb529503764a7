import Crypto
import Foundation
import Testing
import LotsCore

@Suite struct KeyWrappingTests {
    let kek = SymmetricKey(size: .bits256)

    @Test func wrapsAndUnwraps() throws {
        let key = SymmetricKey(size: .bits256)
        let wrapped = try KeyWrapping.wrap(key, with: kek, context: "org-1/blind_index")
        let unwrapped = try KeyWrapping.unwrap(wrapped, with: kek, context: "org-1/blind_index")
        #expect(unwrapped == key)
        #expect(!wrapped.contains(key.withUnsafeBytes { Data($0) }), "the key never appears in what is stored")
    }

    @Test func refusesAnotherContextKeyOrTampering() throws {
        let wrapped = try KeyWrapping.wrap(SymmetricKey(size: .bits256), with: kek, context: "org-1/blind_index")
        #expect(throws: KeyWrapping.Failure.cannotUnwrap) { try KeyWrapping.unwrap(wrapped, with: kek, context: "org-2/blind_index") }
        #expect(throws: KeyWrapping.Failure.cannotUnwrap) {
            try KeyWrapping.unwrap(wrapped, with: SymmetricKey(size: .bits256), context: "org-1/blind_index")
        }
        var tampered = wrapped
        tampered[tampered.startIndex + 20] ^= 0x01
        #expect(throws: KeyWrapping.Failure.cannotUnwrap) { try KeyWrapping.unwrap(tampered, with: kek, context: "org-1/blind_index") }
    }

    @Test func fingerprintIsStableAndDistinct() {
        #expect(KeyWrapping.fingerprint(of: kek) == KeyWrapping.fingerprint(of: kek))
        #expect(KeyWrapping.fingerprint(of: kek) != KeyWrapping.fingerprint(of: SymmetricKey(size: .bits256)))
        #expect(KeyWrapping.fingerprint(of: kek).count == 16)
    }
}

@Suite struct BlindIndexTests {
    @Test func isKeyedDeterministicAndDomainSeparated() {
        let key = SymmetricKey(data: Data(repeating: 7, count: 32))
        let a = BlindIndex.compute("191212121212", key: key, domain: "personal_number")
        #expect(a == BlindIndex.compute("191212121212", key: key, domain: "personal_number"))
        #expect(a.count == 64)
        #expect(!a.contains("191212121212"))
        #expect(a != BlindIndex.compute("191212121212", key: SymmetricKey(data: Data(repeating: 8, count: 32)), domain: "personal_number"))
        #expect(a != BlindIndex.compute("191212121212", key: key, domain: "case_number"))
        #expect(a != BlindIndex.compute("191212121213", key: key, domain: "personal_number"))
    }

    /// RFC 4231 test case 2 pins the HMAC underneath.
    @Test func hmacMatchesRFC4231() {
        let code = HMAC<SHA256>.authenticationCode(for: Data("what do ya want for nothing?".utf8), using: SymmetricKey(data: Data("Jefe".utf8)))
        #expect(code.map { String(format: "%02x", $0) }.joined() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
