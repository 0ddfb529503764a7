import Foundation
import Testing
@testable import LotsCore

/// Hands rendered symbols to ZBar, a real decoder, which reads the plain PBM directly.
/// Requires `zbarimg` (Debian/Ubuntu: `apt-get install zbar-tools`); without it the tests fail rather than skip.
///
/// Byte mode carries UTF-8 without an ECI header, so ZBar has to guess the character set: pure ASCII it
/// reads as UTF-8, but other text it tries as Shift JIS first, and short Swedish words such as "åäö" happen
/// to be valid Shift JIS. Those inputs are checked byte for byte with ZBar's `-Sbinary` instead.
@Suite struct ZbarDecodeTests {
    static let inputs: [(String, QRCode.ErrorCorrection)] = [
        (QRCodeTests.bankID, .low),
        (QRCodeTests.bankID, .medium),
        (QRCodeTests.bankID.replacingOccurrences(of: ".0.", with: ".29."), .high),
        ("01234567", .medium),
        (String(repeating: "31415926535897932384626433832795", count: 16), .quartile),
        ("HELLO WORLD $%*+-./:", .quartile),
        ("https://example.com/login?next=%2Faccount&lang=sv", .medium),
        ("Välkommen till Lots – logga in med BankID", .high),
        ("Räksmörgås – Åre – 東京", .low),
        (String((0..<300).map { index in Array("abcdefghijklmnopqrstuvwxyz0123456789-._~")[index * 7 % 40] }), .medium),
        (String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 50), .low),
    ]

    static var zbarimg: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (directories + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"])
            .map { "\($0)/zbarimg" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(arguments: inputs.indices)
    func zbarDecodesTheText(index: Int) throws {
        let (text, level) = Self.inputs[index]
        let code = try QRCode(encoding: text, errorCorrection: level)
        let decoded = try Self.decode(code, options: [])
        // --raw prints each symbol's data followed by a newline.
        #expect(String(decoding: decoded, as: UTF8.self) == text + "\n", "version \(code.version), mask \(code.mask)")
    }

    @Test(arguments: ["åäö", "Räksmörgås"])
    func zbarReadsTheUTF8BytesOfTextItWouldTakeForShiftJIS(text: String) throws {
        let code = try QRCode(encoding: text, errorCorrection: .high)
        #expect(try Self.decode(code, options: ["-Sbinary"]) == Data(text.utf8))
    }

    private static func decode(_ code: QRCode, options: [String]) throws -> Data {
        let zbarimg = try #require(zbarimg, "zbarimg not found: install it with `apt-get install zbar-tools`")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qrcore-\(UUID().uuidString).pbm")
        try code.pbm(moduleSize: 4, quietZone: 4).write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q"] + options + [file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let decoded = output.fileHandleForReading.readDataToEndOfFile()
        let diagnostics = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "zbarimg exited with \(process.terminationStatus): \(diagnostics)")
        return decoded
    }
}
