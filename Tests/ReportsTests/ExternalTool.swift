import Foundation

/// Runs a program found on PATH, with a time limit; the tests that need LibreOffice or
/// poppler fail with the Debian packages to install when the program is missing.
enum ExternalTool {
    struct Missing: Error, CustomStringConvertible {
        let program: String
        let package: String
        var description: String { "\(program) not found: install the Debian package \(package) (see scripts/lib/common.sh)" }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func find(_ program: String, package: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw Missing(program: program, package: package)
    }

    /// Runs `program` with `arguments`; throws when it fails or outlives `timeout` seconds.
    static func run(_ program: URL, _ arguments: [String], timeout: TimeInterval = 120) throws {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("reports-tool-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close(); try? FileManager.default.removeItem(at: log) }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failed(description: "\(program.lastPathComponent) took longer than \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0 else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failed(description: "\(program.lastPathComponent) exited with \(process.terminationStatus): \(output)")
        }
    }
}
