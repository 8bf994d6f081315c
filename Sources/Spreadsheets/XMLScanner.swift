import Foundation

/// A byte-level reader of the XML that the big parts of a package (the sheet, the shared
/// strings) are made of, fed with the unpacked bytes as they come out of the ZIP: elements,
/// attributes, text with the five entities and character references, CDATA; comments,
/// processing instructions and a DOCTYPE are skipped. Tags must nest. It hands the same events
/// to a `SAXDelegate` as `XMLParser` does, without a dictionary or a bridged string per element.
/// A part that is not UTF-8 (`<?xml … encoding="UTF-16"?>`, a UTF-16 byte-order mark) is
/// left to `XMLParser` (`NotUTF8`).
struct XMLScanner {
    struct NotUTF8: Error {}

    private let delegate: SAXDelegate
    private let part: String
    private var pending: [UInt8] = []
    private var open: [String] = []
    private var sawRoot = false
    private var checkedStart = false

    init(_ delegate: SAXDelegate, part: String) {
        self.delegate = delegate
        self.part = part
    }

    mutating func feed(_ chunk: Data) throws {
        pending.append(contentsOf: chunk)
        if !checkedStart {
            guard pending.count >= 256 else { return }
            try checkStart()
        }
        let consumed = try scanPending(final: false)
        pending.removeFirst(consumed)
    }

    mutating func finish() throws {
        if !checkedStart { try checkStart() }
        let consumed = try scanPending(final: true)
        let rest = pending[consumed...]
        guard sawRoot, open.isEmpty, rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            throw SpreadsheetError.damaged("không đọc được \(part)")
        }
    }

    /// A UTF-8 byte-order mark is dropped; UTF-16 or a declared encoding other than UTF-8 is refused.
    private mutating func checkStart() throws {
        checkedStart = true
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
        if pending.starts(with: [0xFF, 0xFE]) || pending.starts(with: [0xFE, 0xFF]) || pending.starts(with: [0x00, 0x3C]) || pending.starts(with: [0x3C, 0x00]) {
            throw NotUTF8()
        }
        guard pending.starts(with: Array("<?xml".utf8)), let end = pending.firstIndex(of: UInt8(ascii: ">")) else { return }
        let declaration = String(decoding: pending[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }.prefix { $0 != "\"" && $0 != "'" }
        if value != "utf-8" && value != "utf8" { throw NotUTF8() }
    }

    private mutating func scanPending(final: Bool) throws -> Int {
        let bytes = pending
        return try bytes.withUnsafeBufferPointer { try scan($0, final: final) }
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")

    /// Reads every complete construct of `b`; returns how far it got (the rest waits for more bytes).
    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, final: Bool) throws -> Int {
        let n = b.count
        var i = 0
        while i < n {
            if b[i] != Self.lt {
                guard let next = findByte(b, Self.lt, from: i) else {
                    if final { try text(b, i..<n, entities: true) }
                    return final ? n : i
                }
                try text(b, i..<next, entities: true)
                i = next
                continue
            }
            guard i + 1 < n else { return i }
            switch b[i + 1] {
            case UInt8(ascii: "?"):
                guard let end = find(b, Array("?>".utf8), from: i + 2) else { return i }
                i = end + 2
            case UInt8(ascii: "!"):
                guard n - i >= 9 || final else { return i }
                if matches(b, "<!--", at: i) {
                    guard let end = find(b, Array("-->".utf8), from: i + 4) else { return i }
                    i = end + 3
                } else if matches(b, "<![CDATA[", at: i) {
                    guard let end = find(b, Array("]]>".utf8), from: i + 9) else { return i }
                    try text(b, (i + 9)..<end, entities: false)
                    i = end + 3
                } else {
                    guard let end = findByte(b, Self.gt, from: i + 2) else { return i }
                    i = end + 1
                }
            case Self.slash:
                guard let end = findByte(b, Self.gt, from: i + 2) else { return i }
                var last = end
                while last > i + 2, Self.isSpace(b[last - 1]) { last -= 1 }
                let name = Self.localName(b, (i + 2)..<last)
                guard open.popLast() == name else { throw SpreadsheetError.damaged("không đọc được \(part)") }
                delegate.end(Substring(name))
                if let failure = delegate.failure { throw failure }
                i = end + 1
            default:
                var j = i + 1
                var quote: UInt8 = 0
                while j < n {
                    let x = b[j]
                    if quote != 0 {
                        if x == quote { quote = 0 }
                    } else if x == 0x22 || x == 0x27 {
                        quote = x
                    } else if x == Self.gt {
                        break
                    }
                    j += 1
                }
                guard j < n else { return i }
                try element(b, (i + 1)..<j)
                i = j + 1
            }
        }
        return i
    }

    @inline(__always) private static func isSpace(_ x: UInt8) -> Bool { x == 0x20 || x == 0x09 || x == 0x0A || x == 0x0D }

    /// The name without its namespace prefix ("x:row" → "row"), as the parts look names up.
    private static func localName(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var start = range.lowerBound
        var k = range.lowerBound
        while k < range.upperBound {
            if b[k] == UInt8(ascii: ":") { start = k + 1 }
            k += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<range.upperBound]), as: UTF8.self)
    }

    /// `name attr="value" …` or `… /`, between `<` and `>`. Names are kept without their prefix;
    /// namespace declarations (`xmlns`, `xmlns:r`) are no attributes a part reads.
    private mutating func element(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws {
        var k = range.lowerBound
        let end = range.upperBound
        let isSpace = Self.isSpace
        while k < end, !isSpace(b[k]), b[k] != Self.slash { k += 1 }
        let name = Self.localName(b, range.lowerBound..<k)
        guard !name.isEmpty, open.isEmpty ? !sawRoot : true else { throw SpreadsheetError.damaged("không đọc được \(part)") }
        var attributes: [(name: String, value: String)] = []
        var selfClosing = false
        while k < end {
            if isSpace(b[k]) { k += 1; continue }
            if b[k] == Self.slash { selfClosing = true; k += 1; continue }
            guard !selfClosing else { throw SpreadsheetError.damaged("không đọc được \(part)") }
            let nameStart = k
            while k < end, b[k] != UInt8(ascii: "="), !isSpace(b[k]) { k += 1 }
            let declaration = k - nameStart >= 5 && b[nameStart] == UInt8(ascii: "x") && b[nameStart + 1] == UInt8(ascii: "m")
                && b[nameStart + 2] == UInt8(ascii: "l") && b[nameStart + 3] == UInt8(ascii: "n") && b[nameStart + 4] == UInt8(ascii: "s")
                && (k - nameStart == 5 || b[nameStart + 5] == UInt8(ascii: ":"))
            let attribute = Self.localName(b, nameStart..<k)
            while k < end, isSpace(b[k]) { k += 1 }
            guard k < end, b[k] == UInt8(ascii: "=") else { throw SpreadsheetError.damaged("không đọc được \(part)") }
            k += 1
            while k < end, isSpace(b[k]) { k += 1 }
            guard k < end, b[k] == 0x22 || b[k] == 0x27 else { throw SpreadsheetError.damaged("không đọc được \(part)") }
            let quote = b[k]
            let valueStart = k + 1
            k = valueStart
            while k < end, b[k] != quote { k += 1 }
            guard k < end else { throw SpreadsheetError.damaged("không đọc được \(part)") }
            let value = try XMLText.decode(b, valueStart..<k, entities: true, attribute: true, part: part)
            if !declaration { attributes.append((attribute, value)) }
            k += 1
        }
        sawRoot = true
        delegate.start(Substring(name), XMLAttributes(localPairs: attributes))
        if let failure = delegate.failure { throw failure }
        if selfClosing {
            delegate.end(Substring(name))
            if let failure = delegate.failure { throw failure }
        } else {
            open.append(name)
        }
    }

    private func text(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, entities: Bool) throws {
        guard !range.isEmpty else { return }
        guard !open.isEmpty else {
            // Only whitespace may stand outside the root element.
            if entities, b[range].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return }
            throw SpreadsheetError.damaged("không đọc được \(part)")
        }
        delegate.text(try XMLText.decode(b, range, entities: entities, attribute: false, part: part))
    }

    private func findByte(_ b: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i < n, b[i] != byte { i += 1 }
        return i < n ? i : nil
    }

    private func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var i = start
        while i + needle.count <= b.count {
            if b[i] == first {
                var k = 1
                while k < needle.count, b[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private func matches(_ b: UnsafeBufferPointer<UInt8>, _ text: String, at i: Int) -> Bool {
        let bytes = Array(text.utf8)
        guard i + bytes.count <= b.count else { return false }
        return bytes.indices.allSatisfy { b[i + $0] == bytes[$0] }
    }
}
