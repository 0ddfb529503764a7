import Foundation
import LotsCore
import Testing

@Suite struct DocumentTypeTests {
    static let fixtures: URL = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Fixtures/documents")
    }()

    func file(_ name: String) throws -> Data { try Data(contentsOf: Self.fixtures.appendingPathComponent(name)) }

    @Test func recognisedByContent() throws {
        #expect(DocumentType.detect(try file("cv.pdf")) == .pdf)
        #expect(DocumentType.detect(try file("cv.docx")) == .docx)
        #expect(DocumentType.detect(try file("cv.odt")) == .odt)
    }

    @Test func otherContentIsRefusedWhateverItIsCalled() throws {
        #expect(DocumentType.detect(try file("sheet.xlsx")) == nil, "a spreadsheet is a ZIP, but not a document")
        #expect(DocumentType.detect(Data("MZ\u{90}\u{0}executable".utf8)) == nil)
        #expect(DocumentType.detect(Data("<html>cv</html>".utf8)) == nil)
        #expect(DocumentType.detect(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])) == nil, "a truncated ZIP")
        var broken = try file("cv.docx")
        broken.removeLast(10)
        #expect(DocumentType.detect(broken) == nil, "no central directory")
    }
}
