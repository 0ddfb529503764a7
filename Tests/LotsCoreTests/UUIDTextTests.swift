import Foundation
import LotsCore
import Testing

@Suite struct UUIDTextTests {
    @Test func readsWhatFoundationReads() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(UUIDText.parse(id.uuidString) == id)
            #expect(UUIDText.parse(id.uuidString.lowercased()) == id)
        }
        #expect(UUIDText.parse("F7AC2F8D-DE76-472F-A5DF-10A363EAB3AB") == UUID(uuidString: "F7AC2F8D-DE76-472F-A5DF-10A363EAB3AB"))
    }

    @Test func writesWhatFoundationWritesInLowerCase() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(UUIDText.lowercase(id) == id.uuidString.lowercased())
        }
        for text in ["00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9"] {
            #expect(UUIDText.lowercase(UUID(uuidString: text)!) == text.lowercased())
        }
    }

    @Test func refusesWhatIsNotAUUID() {
        for text in ["", "F7AC2F8D-DE76-472F-A5DF-10A363EAB3A", "F7AC2F8D-DE76-472F-A5DF-10A363EAB3ABC", "F7AC2F8DXDE76-472F-A5DF-10A363EAB3AB",
                     "G7AC2F8D-DE76-472F-A5DF-10A363EAB3AB", "F7AC2F8D-DE76-472F-A5DF-10A363EAB3Aö"] {
            #expect(UUIDText.parse(text) == nil, "\(text)")
        }
    }
}
