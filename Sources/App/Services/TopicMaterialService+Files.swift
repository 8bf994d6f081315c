import Domain
import Foundation

/// The kinds of file a study material may be: by the name's extension AND by the bytes it starts
/// with, so a renamed program is refused. The content type sent back comes from here, never from
/// the browser.
enum MaterialFileType: String, CaseIterable, Sendable {
    case pdf, docx, doc, xlsx, pptx, txt, jpg, png, mp3, mp4

    /// What the upload form and its errors name as allowed.
    static let allowedText = "PDF, Word (.doc, .docx), Excel (.xlsx), PowerPoint (.pptx), văn bản (.txt), "
        + "ảnh (.jpg, .png), âm thanh (.mp3), video (.mp4)"

    /// For the file input's `accept`.
    static let acceptList = allCases.map { "." + $0.rawValue }.joined(separator: ",") + ",.jpeg"

    /// The type a file name's extension names ("Bài giảng.PDF" → pdf), if allowed.
    init?(filename: String) {
        guard let dot = filename.lastIndex(of: "."), dot != filename.startIndex else { return nil }
        let ext = filename[filename.index(after: dot)...].lowercased()
        self.init(rawValue: ext == "jpeg" ? "jpg" : ext)
    }

    var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .doc: "application/msword"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .txt: "text/plain; charset=utf-8"
        case .jpg: "image/jpeg"
        case .png: "image/png"
        case .mp3: "audio/mpeg"
        case .mp4: "video/mp4"
        }
    }

    /// Whether the bytes look like this type: its signature at the start (the cheap check); for
    /// text, UTF-8 without NUL bytes (Vietnamese text files from other encodings are refused
    /// rather than shown garbled).
    func matches(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(16))
        func starts(_ signature: [UInt8]) -> Bool { head.starts(with: signature) }
        switch self {
        case .pdf: return starts(Array("%PDF-".utf8))
        // Office Open XML files are ZIP archives.
        case .docx, .xlsx, .pptx: return starts([0x50, 0x4B, 0x03, 0x04])
        // Word 97–2003: an OLE2 compound file.
        case .doc: return starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        case .jpg: return starts([0xFF, 0xD8, 0xFF])
        case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // An ID3 tag, or straight into an MPEG audio frame (11 sync bits).
        case .mp3: return starts(Array("ID3".utf8)) || (head.count >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0)
        // An ISO media file: a box of type "ftyp" first.
        case .mp4: return head.count >= 8 && Array(head[4..<8]) == Array("ftyp".utf8)
        case .txt: return !data.contains(0) && String(data: data, encoding: .utf8) != nil
        }
    }
}

/// File names as uploaded and as sent back.
enum MaterialFilename {
    static let limit = 200

    /// The name without any folder a browser sent along, NFC, without control characters or
    /// leading dots, at most `limit` characters (the extension kept).
    static func clean(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let visible = String(String.UnicodeScalarView(last.unicodeScalars.filter {
            $0.properties.generalCategory != .control && $0.properties.generalCategory != .format
        }))
        var name = VietnameseText.normalize(visible)
        while name.hasPrefix(".") { name.removeFirst() }
        guard name.count > limit else { return name }
        let ext = name.lastIndex(of: ".").map { String(name[$0...]) } ?? ""
        return String(name.prefix(limit - ext.count)) + ext
    }

    /// `attachment` with the name twice: `filename*` in UTF-8 (RFC 6266/5987) for Vietnamese
    /// names, and an ASCII `filename` without diacritics for old clients.
    static func contentDisposition(_ filename: String) -> String {
        "attachment; filename=\"\(ascii(filename))\"; filename*=UTF-8''\(percentEncoded(filename))"
    }

    /// "Bài giảng số 1.pdf" → "Bai giang so 1.pdf"; anything else outside printable ASCII, and
    /// quotes and backslashes, becomes "_".
    static func ascii(_ name: String) -> String {
        var out = ""
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111: out.append("d")
            case 0x0110: out.append("D")
            case 0x22, 0x5C: out.append("_")
            case 0x20...0x7E: out.append(Character(scalar))
            default: out.append("_")
            }
        }
        return out
    }

    /// RFC 5987 `value-chars`: attr-chars as they are, every other UTF-8 byte as %XX.
    static func percentEncoded(_ name: String) -> String {
        let attrChars = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        var out = ""
        for byte in name.utf8 {
            if attrChars.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
