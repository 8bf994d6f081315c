import Foundation

/// The score bands of a 100-point regime (Quy định 366-QĐ/TW: HTXSNV ≥ 90 with every task done,
/// HTTNV 70–<90, HTNV 50–<70, KHTNV < 50). Lower bounds, inclusive.
public struct GradingBands: Equatable, Sendable {
    public let excellentFrom: Double
    public let goodFrom: Double
    public let fulfilledFrom: Double

    public init?(excellentFrom: Double, goodFrom: Double, fulfilledFrom: Double) {
        guard 0 <= fulfilledFrom, fulfilledFrom < goodFrom, goodFrom < excellentFrom, excellentFrom <= GradingScore.maximum
        else { return nil }
        self.excellentFrom = excellentFrom
        self.goodFrom = goodFrom
        self.fulfilledFrom = fulfilledFrom
    }

    /// The level a score earns. HTXSNV also needs every task done; without it the score stops
    /// at HTTNV, however high.
    public func level(score: Double, allTasksDone: Bool) -> GradingLevel {
        if score >= excellentFrom { return allTasksDone ? .excellent : .good }
        if score >= goodFrom { return .good }
        if score >= fulfilledFrom { return .fulfilled }
        return .unfulfilled
    }
}

/// A grading regime's rules as plain values, read from its row (regimes are data, chosen per
/// year): scored or not, its bands, and its cap on HTXSNV.
public struct GradingRules: Equatable, Sendable {
    /// nil for a regime graded by level directly (132-QĐ/TW, 124-QĐ/TW).
    public let bands: GradingBands?
    /// HTXSNV at most this percentage of those rated HTTNV; nil when the regime sets no cap.
    public let capPercent: Int?
    /// The cap for a unit marked outstanding (25% under 366-QĐ/TW); nil means the same cap.
    public let outstandingCapPercent: Int?

    public init(bands: GradingBands?, capPercent: Int?, outstandingCapPercent: Int?) {
        self.bands = bands
        self.capPercent = capPercent
        self.outstandingCapPercent = outstandingCapPercent
    }

    public var isScored: Bool { bands != nil }

    /// The cap check of one sheet's grades; nil when the regime sets no cap.
    public func cap(excellent: Int, good: Int, outstanding: Bool) -> GradingCap? {
        guard let base = capPercent else { return nil }
        let percent = outstanding ? (outstandingCapPercent ?? base) : base
        return GradingCap(excellent: excellent, good: good, percent: percent)
    }
}

/// The cap on HTXSNV for one grading sheet: at most `percent`% of those rated HTTNV.
public struct GradingCap: Equatable, Sendable {
    public let excellent: Int
    public let good: Int
    public let percent: Int

    public init(excellent: Int, good: Int, percent: Int) {
        self.excellent = excellent
        self.good = good
        self.percent = percent
    }

    /// The most HTXSNV the sheet may hold: ⌊good × percent / 100⌋, in whole people.
    public var allowed: Int { good * percent / 100 }

    public var isBroken: Bool { excellent > allowed }

    /// "Có 3 HTXSNV, vượt giới hạn 20% của 10 HTTNV (tối đa 2)." — nil when within the cap.
    public var warning: String? {
        guard isBroken else { return nil }
        return "Có \(VietnameseFormat.number(excellent)) \(GradingLevel.excellent.abbreviation), vượt giới hạn "
            + "\(percent)% của \(VietnameseFormat.number(good)) \(GradingLevel.good.abbreviation) "
            + "(tối đa \(VietnameseFormat.number(allowed)))."
    }
}

/// Scores of the 100-point regime, typed the Vietnamese way ("87,5") or with a point.
public enum GradingScore {
    public static let maximum = 100.0

    /// A score from 0 to 100 with at most one decimal; nil for anything else.
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              trimmed.filter({ $0 == "." }).count <= 1,
              let value = Double(trimmed), (0...maximum).contains(value)
        else { return nil }
        if let dot = trimmed.firstIndex(of: "."), trimmed.distance(from: dot, to: trimmed.endIndex) > 2 { return nil }
        return value
    }

    /// "87,5" or "90": how a score is shown.
    public static func format(_ score: Double) -> String {
        score == score.rounded() ? VietnameseFormat.number(Int(score)) : VietnameseFormat.number(score, fractionDigits: 1)
    }
}
