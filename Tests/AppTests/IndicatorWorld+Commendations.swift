@testable import App
import Domain
import Fluent
import Vapor

/// The commendation register of `IndicatorWorld`: praise and other forms, every issuer level,
/// every kind of recipient, decisions on 31/12 and 1/1, and records of B2 (merged into A1 on
/// 1/7/2025) that count under B before the merger and under A after it.
extension IndicatorWorld {
    struct CommendationSpec {
        /// The unit that records it.
        let unit: String
        let form: String
        let issuer: String
        let kind: CommendationRecipient
        let decided: String
    }

    static let commendations: [CommendationSpec] = [
        .init(unit: "TU", form: "Bằng khen", issuer: "Ban Thường vụ Tỉnh ủy", kind: .unit, decided: "2024-01-01"),
        .init(unit: "A", form: "Giấy khen", issuer: "Ban Thường vụ Đảng ủy cấp trên cơ sở", kind: .person, decided: "2024-12-31"),
        .init(unit: "A1", form: "Giấy khen", issuer: "Đảng ủy cơ sở", kind: .collective, decided: "2025-01-01"),
        .init(unit: "A1", form: "Giấy khen", issuer: "Đảng ủy cơ sở", kind: .person, decided: "2025-09-30"),
        .init(unit: "B2", form: "Giấy khen", issuer: "Đảng ủy cơ sở", kind: .authors, decided: "2025-03-10"),
        .init(unit: "B2", form: "Biểu dương", issuer: "Đảng ủy cơ sở", kind: .person, decided: "2024-06-01"),
        .init(unit: "B2", form: "Bằng khen", issuer: "Chủ tịch UBND tỉnh", kind: .unit, decided: "2024-02-29"),
        .init(unit: "B1", form: "Biểu dương", issuer: "Chủ tịch UBND xã", kind: .collective, decided: "2025-12-31"),
        .init(unit: "B1", form: "Giấy khen", issuer: "Chủ tịch UBND xã", kind: .person, decided: "2024-03-01"),
        .init(unit: "A41", form: "Bằng khen", issuer: "Thủ tướng Chính phủ", kind: .person, decided: "2024-09-05"),
        .init(unit: "A41", form: "Biểu dương", issuer: "Ban Thường vụ Đảng ủy cấp trên cơ sở", kind: .authors, decided: "2025-10-01"),
        .init(unit: "B", form: "Biểu dương", issuer: "Ban Thường vụ Tỉnh ủy", kind: .unit, decided: "2023-12-31"),
        .init(unit: "A4", form: "Bằng khen", issuer: "Thủ tướng Chính phủ", kind: .collective, decided: "2026-01-01"),
    ]

    static func insertCommendations(_ ids: Ids, on db: any Database) async throws {
        let forms = try await CommendationForm.query(on: db).all()
        let issuers = try await CommendationIssuer.query(on: db).all()
        for (index, spec) in commendations.enumerated() {
            let c = Commendation()
            c.unitID = ids.units[spec.unit]!
            c.formID = forms.first { $0.name == spec.form }!.id!
            c.issuerID = issuers.first { $0.name == spec.issuer }!.id!
            c.recipientKind = spec.kind
            c.recipientUnitID = spec.kind == .unit ? ids.units[spec.unit]! : nil
            c.personID = spec.kind == .person ? ids.people["a1.một"]! : nil
            c.recipientName = "Người nhận \(index + 1)"
            c.fromYear = day(spec.decided).year - 1
            c.toYear = day(spec.decided).year - 1
            c.event = ""
            c.eventFolded = ""
            c.reason = "Thành tích"
            c.decisionNumber = "\(index + 1)-QĐ/\(spec.unit)"
            c.decidedOn = day(spec.decided)
            try await c.create(on: db)
        }
    }
}

/// V.1, V.2 and C.1 counted by hand.
extension IndicatorCount {
    func register() -> [IndicatorResult] {
        let S = subtree
        func count(_ code: IndicatorCode, praise: Bool) -> IndicatorResult {
            let forms = SeedCommendationVocabulary.forms
            let praiseForms = Set(forms.filter(\.isPraise).map(\.name))
            let chosen = W.commendations.filter {
                S.contains($0.unit) && inPeriod($0.decided) && praiseForms.contains($0.form) == praise
            }
            let noun = code.definition.noun
            var parts: [IndicatorFigure] = [
                .count(chosen.filter { $0.kind == .unit || $0.kind == .collective }.count, "tập thể", label: "Tập thể"),
                .count(chosen.filter { $0.kind == .person }.count, "cá nhân", label: "Cá nhân"),
                .count(chosen.filter { $0.kind == .authors }.count, "nhóm tác giả", label: "Nhóm tác giả"),
            ]
            // only the forms and issuers that occur, in the register's order
            if !praise {
                for form in forms.map(\.name) where chosen.contains(where: { $0.form == form }) {
                    parts.append(.count(chosen.filter { $0.form == form }.count, noun, label: "Hình thức: \(form)"))
                }
            }
            for issuer in SeedCommendationVocabulary.issuers where chosen.contains(where: { $0.issuer == issuer }) {
                parts.append(.count(chosen.filter { $0.issuer == issuer }.count, noun, label: "Cấp khen: \(issuer)"))
            }
            return IndicatorResult(code.definition, .count(chosen.count, noun), parts: parts)
        }
        return [count(.commendations, praise: false), count(.praise, praise: true)]
    }

    /// C.1 from the hand counts of I.2, III.1 and II.4.
    func reporting(_ counted: [IndicatorCode: IndicatorResult]) -> IndicatorResult {
        let unitPlans = counted[.unitPlans]!, memberPlans = counted[.personalPlans]!, months = counted[.monthlyContent]!
        let unitOnTime = unitPlans.parts[0], memberOnTime = memberPlans.parts[0], held = months.parts[0]
        let expected = unitPlans.value.denominator! + memberPlans.value.denominator! + held.denominator!
        let received = unitPlans.value.numerator + memberPlans.value.numerator + held.numerator
        return IndicatorResult(IndicatorCode.reporting.definition, .share(received, of: expected, "báo cáo"), parts: [
            .share(unitPlans.value.numerator, of: unitPlans.value.denominator!, "kế hoạch", label: "Kế hoạch năm của tổ chức đảng đã nhận"),
            .share(unitOnTime.numerator, of: unitOnTime.denominator!, "kế hoạch", label: "Kế hoạch năm nộp đúng hạn"),
            .share(memberPlans.value.numerator, of: memberPlans.value.denominator!, "kế hoạch", label: "Kế hoạch cá nhân đã nhận"),
            .share(memberOnTime.numerator, of: memberOnTime.denominator!, "kế hoạch", label: "Kế hoạch cá nhân nộp đúng hạn"),
            .share(held.numerator, of: held.denominator!, "chi bộ-tháng", label: "Chi bộ-tháng đã ghi sinh hoạt thường kỳ"),
        ])
    }
}
