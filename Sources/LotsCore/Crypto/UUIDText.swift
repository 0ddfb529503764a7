import Foundation

/// Reads a UUID's text form (`8-4-4-4-12` hexadecimal digits, either case) directly: Foundation on Linux
/// parses it with `sscanf`, which showed up on every page that loads rows keyed by UUIDs.
public enum UUIDText {
    public static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36, bytes[8] == 0x2D, bytes[13] == 0x2D, bytes[18] == 0x2D, bytes[23] == 0x2D else { return nil }
        var out: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var index = 0
        var ok = true
        withUnsafeMutableBytes(of: &out) { raw in
            for byte in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 { index += 1 }
                guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { ok = false; return }
                raw[byte] = high << 4 | low
                index += 2
            }
        }
        return ok ? UUID(uuid: out) : nil
    }

    /// The lower-case text form, as Lots stores and authenticates it (`uuidString.lowercased()` without two Foundation passes).
    public static func lowercase(_ uuid: UUID) -> String {
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: uuid.uuid) { raw in
            String(unsafeUninitializedCapacity: 36) { out in
                var index = 0
                for byte in 0..<16 {
                    if byte == 4 || byte == 6 || byte == 8 || byte == 10 { out[index] = 0x2D; index += 1 }
                    out[index] = digits.utf8Start[Int(raw[byte] >> 4)]
                    out[index + 1] = digits.utf8Start[Int(raw[byte] & 0x0F)]
                    index += 2
                }
                return 36
            }
        }
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
