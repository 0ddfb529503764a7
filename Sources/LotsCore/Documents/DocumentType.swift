import Foundation

/// The kinds of application documents Lots accepts, recognised by their content, not by a file name or
/// a browser's claim: PDF by its header; DOCX and ODT by the entries of their ZIP container.
public enum DocumentType: String, Sendable, CaseIterable {
    case pdf, docx, odt

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .odt: "application/vnd.oasis.opendocument.text"
        }
    }

    public var fileExtension: String { rawValue }

    /// The type of `data`, or nil for anything else (including a renamed executable or a spreadsheet).
    public static func detect(_ data: Data) -> DocumentType? {
        let bytes = [UInt8](data)
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), let entries = zipEntryNames(bytes) else { return nil }
        if entries.contains("word/document.xml"), entries.contains("[Content_Types].xml") { return .docx }
        // ODF: the first entry is "mimetype", stored uncompressed, holding the media type.
        if entries.first == "mimetype", let range = data.range(of: Data("application/vnd.oasis.opendocument.text".utf8)), range.lowerBound < 100 {
            return .odt
        }
        return nil
    }

    /// The names in a ZIP file's central directory, in order; nil when the directory cannot be read.
    static func zipEntryNames(_ bytes: [UInt8]) -> [String]? {
        func u16(_ at: Int) -> Int? { at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        // The end-of-central-directory record is in the last 65,557 bytes (22 + a comment of up to 65,535).
        let lowest = max(0, bytes.count - 65_557)
        var eocd: Int?
        var position = bytes.count - 22
        while position >= lowest {
            if u32(position) == 0x0605_4B50 { eocd = position; break }
            position -= 1
        }
        guard let eocd, let count = u16(eocd + 10), let offset = u32(eocd + 16), count > 0, count < 10_000 else { return nil }
        var names: [String] = []
        var cursor = offset
        for _ in 0..<count {
            guard u32(cursor) == 0x0201_4B50, let nameLength = u16(cursor + 28), let extraLength = u16(cursor + 30),
                  let commentLength = u16(cursor + 32), cursor + 46 + nameLength <= bytes.count else { return nil }
            names.append(String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self))
            cursor += 46 + nameLength + extraLength + commentLength
        }
        return names
    }
}
