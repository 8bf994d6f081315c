import Domain
import Foundation
import NIOConcurrencyHelpers
import Spreadsheets

/// How one run of an import reads its file and who watches it. The web takes the defaults;
/// the command line raises the row limit and draws a progress bar. It travels with the upload,
/// so every kind's plan gets it without a parameter of its own.
struct ImportRun: Sendable {
    var limits = ImportService.limits
    var progress: ImportProgress?
}

extension ImportUpload {
    /// Called by each kind's plan once a row is checked.
    func rowChecked() { run.progress?.advance() }
}

/// Rows checked so far, drawn as "Đang kiểm tra: 12.000/250.000 dòng (4%)". On a terminal the
/// line is redrawn in place (at most ten times a second); in a log, a line every five seconds.
final class ImportProgress: Sendable {
    private struct State {
        var total = 0
        var done = 0
        var lastDrawn = Date.distantPast
        var drawn = false
        var drewInPlace = false
    }

    private let state = NIOLockedValueBox(State())
    private let inPlace: Bool
    private let interval: TimeInterval
    /// Said after the last row, when the rows are written next (the writing has no count).
    private let afterLastRow: String?
    private let write: @Sendable (String) -> Void

    init(inPlace: Bool, interval: TimeInterval? = nil, afterLastRow: String? = nil, write: @escaping @Sendable (String) -> Void) {
        self.inPlace = inPlace
        self.interval = interval ?? (inPlace ? 0.1 : 5)
        self.afterLastRow = afterLastRow
        self.write = write
    }

    /// On standard error; redrawn in place when it is a terminal.
    static func standardError(writing: Bool) -> ImportProgress {
        ImportProgress(inPlace: isatty(STDERR_FILENO) == 1, afterLastRow: writing ? "đang ghi vào cơ sở dữ liệu…" : nil) {
            FileHandle.standardError.write(Data($0.utf8))
        }
    }

    /// The file was read: `total` data rows are about to be checked. In a log the first line
    /// comes after `interval`, so a short file leaves none.
    func start(total: Int) {
        let inPlace = inPlace
        state.withLockedValue { s in
            s = State(total: total, lastDrawn: inPlace ? .distantPast : Date())
        }
    }

    func advance() {
        let line: String? = state.withLockedValue { s in
            s.done += 1
            let now = Date()
            let isLast = s.done == s.total
            guard (isLast && (inPlace || s.drawn)) || now.timeIntervalSince(s.lastDrawn) >= interval else { return nil }
            s.lastDrawn = now
            s.drawn = true
            if inPlace { s.drewInPlace = true }
            let text = Self.text(done: s.done, total: s.total)
            return isLast ? [text, afterLastRow].compactMap { $0 }.joined(separator: "; ") : text
        }
        guard let line else { return }
        write(inPlace ? "\r\(line)\u{1B}[K" : line + "\n")
    }

    /// Ends the line drawn in place, before anything else is printed.
    func finish() {
        let drew = state.withLockedValue { s in defer { s.drewInPlace = false }; return s.drewInPlace }
        if drew { write("\n") }
    }

    /// "Đang kiểm tra: 12.000/250.000 dòng (4%)".
    static func text(done: Int, total: Int) -> String {
        let percent = total > 0 ? done * 100 / total : 100
        return "Đang kiểm tra: \(VietnameseFormat.number(done))/\(VietnameseFormat.number(total)) dòng (\(percent)%)"
    }
}
