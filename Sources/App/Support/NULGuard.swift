import Vapor

/// PostgreSQL refuses the NUL character in text, where SQLite would keep it, and no one types it:
/// a JSON or form body that carries one is refused as malformed (400) before any handler reads
/// it, so both databases answer alike. Files (multipart uploads) are left alone.
enum NULGuard {
    static let message = "Dữ liệu gửi lên chứa ký tự NUL (mã 0), không được chấp nhận."

    static func check(_ request: Request) throws {
        guard let body = request.body.data, body.readableBytes > 0, let type = request.headers.contentType else { return }
        let bytes = Array(body.readableBytesView)
        let found: Bool
        if type == .json {
            found = bytes.contains(0) || escapedNUL(in: bytes)
        } else if type == .urlEncodedForm {
            found = bytes.contains(0) || percentNUL(in: bytes)
        } else {
            found = false
        }
        if found { throw Abort(.badRequest, reason: message) }
    }

    /// A JSON string escape `\u0000` (an escaped backslash before it does not count).
    static func escapedNUL(in bytes: [UInt8]) -> Bool {
        let backslash = UInt8(ascii: "\\"), zero = UInt8(ascii: "0")
        var i = 0
        while i < bytes.count {
            guard bytes[i] == backslash, i + 1 < bytes.count else { i += 1; continue }
            if bytes[i + 1] == UInt8(ascii: "u"), i + 5 < bytes.count, bytes[(i + 2)...(i + 5)].allSatisfy({ $0 == zero }) {
                return true
            }
            i += 2
        }
        return false
    }

    /// `%00` in a form body.
    static func percentNUL(in bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        for i in 0...(bytes.count - 3) where bytes[i] == UInt8(ascii: "%") && bytes[i + 1] == UInt8(ascii: "0") && bytes[i + 2] == UInt8(ascii: "0") {
            return true
        }
        return false
    }
}
