/// Text and attribute values as XML reads them: the five entities and character references
/// replaced, line ends made "\n" (in attribute values, each whitespace character a space).
enum XMLText {
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, entities: Bool, attribute: Bool, part: String) throws -> String {
        var plain = true
        for k in range where b[k] == 0x26 || b[k] == 0x0D || (attribute && (b[k] == 0x0A || b[k] == 0x09)) {
            plain = false
            break
        }
        if plain { return String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let x = b[k]
            if x == 0x26, entities {
                var semi = k + 1
                while semi < range.upperBound, semi - k <= 12, b[semi] != 0x3B { semi += 1 }
                guard semi < range.upperBound, b[semi] == 0x3B,
                      let scalar = entity(String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<semi]), as: UTF8.self))
                else { throw SpreadsheetError.damaged("không đọc được \(part)") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                k = semi + 1
            } else if x == 0x0D {
                out.append(attribute ? 0x20 : 0x0A)
                k += (k + 1 < range.upperBound && b[k + 1] == 0x0A) ? 2 : 1
            } else if attribute, x == 0x0A || x == 0x09 {
                out.append(0x20)
                k += 1
            } else {
                out.append(x)
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "amp" → "&", "#233" → "é", "#x1EC5" → "ễ".
    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let code = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return code.flatMap(Unicode.Scalar.init)
        }
    }
}
