import Crypto
import Foundation
import Testing
import LotsCore

@Suite struct FieldCipherTests {
    let key = SymmetricKey(size: .bits256)
    let here = FieldCipher.Location(table: "participants", column: "name", rowID: "1")

    @Test func roundTripsAndHidesThePlaintext() throws {
        let sealed = try FieldCipher.seal("Åsa Öberg", key: key, at: here)
        #expect(try FieldCipher.open(sealed, key: key, at: here) == "Åsa Öberg")
        #expect(!sealed.contains(Data("Åsa".utf8)))
        #expect(try FieldCipher.seal("Åsa Öberg", key: key, at: here) != sealed, "a fresh nonce each time")
    }

    @Test func boundToItsPlaceAndKey() throws {
        let sealed = try FieldCipher.seal("hälsouppgift", key: key, at: here)
        for other in [FieldCipher.Location(table: "participants", column: "name", rowID: "2"),
                      FieldCipher.Location(table: "participants", column: "note", rowID: "1"),
                      FieldCipher.Location(table: "journal", column: "name", rowID: "1")] {
            #expect(throws: FieldCipher.Failure.cannotOpen) { try FieldCipher.open(sealed, key: key, at: other) }
        }
        #expect(throws: FieldCipher.Failure.cannotOpen) { try FieldCipher.open(sealed, key: SymmetricKey(size: .bits256), at: here) }
        var tampered = sealed
        tampered[tampered.startIndex + 14] ^= 0x80
        #expect(throws: FieldCipher.Failure.cannotOpen) { try FieldCipher.open(tampered, key: key, at: here) }
    }
}
