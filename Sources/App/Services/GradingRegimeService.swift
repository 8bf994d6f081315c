import Domain
import Fluent
import Vapor

/// A regime as typed in the administrators' form.
struct GradingRegimeInput: Sendable {
    var name: String?
    var isScored: Bool = false
    var excellentFrom: String?
    var goodFrom: String?
    var fulfilledFrom: String?
    var capPercent: String?
    var outstandingCapPercent: String?
}

/// Grading regimes and the year each applies to: data an administrator keeps.
enum GradingRegimeService {
    static let nameLimit = 200

    static func regimes(on db: any Database) async throws -> [GradingRegime] {
        try await GradingRegime.query(on: db).sort(\.$id).all()
    }

    static func years(on db: any Database) async throws -> [GradingYear] {
        try await GradingYear.query(on: db).sort(\.$year).all()
    }

    static func regime(_ id: Int?, access: Access) async throws -> GradingRegime {
        try access.requireRole(.admin)
        guard let id, let regime = try await GradingRegime.find(id, on: access.db) else { throw Abort(.notFound) }
        return regime
    }

    static func input(of r: GradingRegime) -> GradingRegimeInput {
        GradingRegimeInput(name: r.name, isScored: r.isScored, excellentFrom: r.excellentFrom.map(GradingScore.format),
                           goodFrom: r.goodFrom.map(GradingScore.format), fulfilledFrom: r.fulfilledFrom.map(GradingScore.format),
                           capPercent: r.capPercent.map(String.init), outstandingCapPercent: r.outstandingCapPercent.map(String.init))
    }

    @discardableResult
    static func save(_ existing: GradingRegime?, _ input: GradingRegimeInput, access: Access) async throws -> GradingRegime {
        try access.requireRole(.admin)
        var problems = InvalidInput()
        let name = VietnameseText.normalize(input.name ?? "")
        if name.isEmpty { problems.add("name", "Tên quy định: chưa nhập.") }
        else if name.count > nameLimit { problems.add("name", "Tên quy định: dài quá \(nameLimit) ký tự.") }
        else if let other = try await GradingRegime.query(on: access.db).filter(\.$name == name).first(), other.id != existing?.id {
            problems.add("name", "Tên quy định: đã có quy định “\(name)”.")
        }
        var bands: GradingBands?
        if input.isScored {
            let values = [("excellentFrom", input.excellentFrom), ("goodFrom", input.goodFrom), ("fulfilledFrom", input.fulfilledFrom)]
                .map { field, text -> Double? in
                    guard let v = GradingScore.parse(text ?? "") else {
                        problems.add(field, "Ngưỡng điểm: nhập số từ 0 đến 100 (ví dụ 90 hoặc 87,5).")
                        return nil
                    }
                    return v
                }
            if let e = values[0], let g = values[1], let f = values[2] {
                bands = GradingBands(excellentFrom: e, goodFrom: g, fulfilledFrom: f)
                if bands == nil { problems.add("excellentFrom", "Ngưỡng điểm: phải tăng dần, HTNV < HTTNV < HTXSNV ≤ 100.") }
            }
        }
        let cap = percent(input.capPercent, "capPercent", "Giới hạn HTXSNV", &problems)
        let outstandingCap = percent(input.outstandingCapPercent, "outstandingCapPercent", "Giới hạn cho đơn vị xuất sắc", &problems)
        if outstandingCap != nil && cap == nil {
            problems.add("outstandingCapPercent", "Giới hạn cho đơn vị xuất sắc: chỉ đặt khi có giới hạn HTXSNV.")
        }
        try problems.check()

        let regime = existing ?? GradingRegime()
        let before = existing.map(GradingRegimeSnapshot.init)
        regime.name = name
        regime.isScored = bands != nil
        regime.excellentFrom = bands?.excellentFrom
        regime.goodFrom = bands?.goodFrom
        regime.fulfilledFrom = bands?.fulfilledFrom
        regime.capPercent = cap
        regime.outstandingCapPercent = outstandingCap
        try await access.db.transaction { tx in
            try await regime.save(on: tx)
            try await Audit.record(on: tx, by: access.user, existing == nil ? .create : .update, .gradingRegime, id: regime.id,
                                   unit: nil, summary: (existing == nil ? "Thêm quy định xếp loại " : "Sửa quy định xếp loại ") + name,
                                   before: before, after: GradingRegimeSnapshot(regime))
        }
        return regime
    }

    private static func percent(_ text: String?, _ field: String, _ label: String, _ problems: inout InvalidInput) -> Int? {
        let raw = VietnameseText.normalize(text ?? "")
        guard !raw.isEmpty else { return nil }
        guard let value = Int(raw), (1...100).contains(value) else {
            problems.add(field, "\(label): phải là số phần trăm từ 1 đến 100.")
            return nil
        }
        return value
    }

    /// Chooses the regime of a year. Sheets already opened keep the regime they were opened with.
    static func setYear(_ yearText: String?, regimeID: String?, access: Access) async throws -> (year: Int, regime: GradingRegime) {
        try access.requireRole(.admin)
        var problems = InvalidInput()
        let year = Int(VietnameseText.normalize(yearText ?? "")).flatMap { GradingService.yearRange.contains($0) ? $0 : nil }
        if year == nil {
            problems.add("year", "Năm: phải là một năm từ \(GradingService.yearRange.lowerBound) đến \(GradingService.yearRange.upperBound).")
        }
        let regime = try await Int(regimeID ?? "").asyncFlatMap { try await GradingRegime.find($0, on: access.db) }
        if regime == nil { problems.add("regimeId", "Quy định: chọn một quy định trong danh sách.") }
        try problems.check()
        guard let year, let regime else { throw problems }
        let row = try await GradingYear.query(on: access.db).filter(\.$year == year).first() ?? GradingYear()
        let previous = row.id == nil ? nil : row.regimeID
        row.year = year
        row.regimeID = regime.id!
        try await access.db.transaction { tx in
            try await row.save(on: tx)
            try await Audit.record(on: tx, by: access.user, .update, .gradingRegime, id: regime.id, unit: nil,
                                   summary: "Năm \(year) xếp loại theo \(regime.name)",
                                   before: previous.map { ["year": year, "regimeId": $0] }, after: ["year": year, "regimeId": regime.id!])
        }
        return (year, regime)
    }
}

struct GradingRegimeSnapshot: Encodable {
    let name: String
    let isScored: Bool
    let bands: [Double]?
    let capPercent: Int?
    let outstandingCapPercent: Int?

    init(_ r: GradingRegime) {
        name = r.name
        isScored = r.isScored
        bands = r.isScored ? [r.excellentFrom, r.goodFrom, r.fulfilledFrom].compactMap { $0 } : nil
        capPercent = r.capPercent
        outstandingCapPercent = r.outstandingCapPercent
    }
}

private extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
