import Foundation
import ZIPFoundation

/// The parts of a written package, by path.
struct ZipParts {
    let parts: [String: Data]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        self.parts = parts
    }

    var names: Set<String> { Set(parts.keys) }

    func text(_ path: String) throws -> String {
        guard let data = parts[path] else { throw Missing(path: path) }
        return String(decoding: data, as: UTF8.self)
    }

    struct Missing: Error { let path: String }
}
