import Domain
import Plot

/// Grading regimes as data: the list, the year → regime table, and the regime form.
enum GradingRegimeView {
    static func list(regimes: [GradingRegime], years: [GradingYear], values: GradingRegimeInput, errors: FormErrors,
                     yearErrors: FormErrors, csrf: String) -> Markup {
        let names = Dictionary(uniqueKeysWithValues: regimes.map { ($0.id!, $0.name) })
        return H.group([
            H.h1("Quy định xếp loại"),
            H.p("Mỗi năm xếp loại theo một quy định. Bảng xếp loại giữ quy định của năm lúc được mở: đổi quy định của một năm "
                + "chỉ áp dụng cho các bảng mở sau đó.", class: "hint"),
            H.table(id: "grading-regimes", headers: ["Quy định", "Cách xếp loại", "Giới hạn HTXSNV", ""], rows: regimes.map { r in
                H.row([.text(r.name), .text(describe(r)),
                       .text(r.capPercent.map { "\($0)% số HTTNV" + (r.outstandingCapPercent.map { "; \($0)% nếu đơn vị xuất sắc" } ?? "") } ?? "Không giới hạn"),
                       H.a(SiteURL.gradingRegimeEdit(r.id).path, "Sửa")])
            }),
            H.h2("Quy định của từng năm"),
            H.table(id: "grading-years", headers: ["Năm", "Quy định"], rows: years.map { y in
                H.row([.text(String(y.year)), .text(names[y.regimeID] ?? "")])
            }),
            Form.errorSummary(yearErrors),
            Form.post(action: SiteURL.gradingYear.path, csrf: csrf, id: "grading-year-form", [
                Form.text("year", "Năm", value: nil, errors: yearErrors, type: "number", required: true, extra: [("inputmode", "numeric")]),
                Form.select("regimeId", "Quy định", options: regimes.map { (String($0.id!), $0.name) }, selected: nil,
                            errors: yearErrors, required: true, blank: "Chọn quy định"),
                Form.submit("Đặt quy định cho năm"),
            ]),
            H.h2("Thêm quy định"),
            form(action: SiteURL.gradingRegimes.path, values: values, errors: errors, csrf: csrf, button: "Thêm quy định"),
        ])
    }

    static func edit(id: Int, values: GradingRegimeInput, errors: FormErrors, csrf: String) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.gradingRegimes.path, "‹ Quy định xếp loại")),
            H.h1("Sửa quy định xếp loại"),
            form(action: SiteURL.gradingRegimeEdit(id).path, values: values, errors: errors, csrf: csrf, button: "Lưu"),
        ])
    }

    static func describe(_ r: GradingRegime) -> String {
        guard let bands = r.rules.bands else { return "Bốn mức, chọn trực tiếp" }
        return "Thang 100 điểm: HTXSNV từ \(GradingScore.format(bands.excellentFrom)) (hoàn thành tất cả nhiệm vụ), "
            + "HTTNV từ \(GradingScore.format(bands.goodFrom)), HTNV từ \(GradingScore.format(bands.fulfilledFrom))"
    }

    private static func form(action: String, values v: GradingRegimeInput, errors: FormErrors, csrf: String, button: String) -> Markup {
        Form.post(action: action, csrf: csrf, id: "grading-regime-form", [
            Form.errorSummary(errors),
            Form.text("name", "Tên quy định", value: v.name, errors: errors, required: true),
            H.el("label", ["class": "choice"], H.el("input", ["type": "checkbox", "name": "isScored", "checked": v.isScored ? "" : nil]),
                 .text(" Chấm điểm thang 100")),
            Form.text("excellentFrom", "HTXSNV từ (điểm)", value: v.excellentFrom, errors: errors, extra: [("inputmode", "decimal")]),
            Form.text("goodFrom", "HTTNV từ (điểm)", value: v.goodFrom, errors: errors, extra: [("inputmode", "decimal")]),
            Form.text("fulfilledFrom", "HTNV từ (điểm)", value: v.fulfilledFrom, errors: errors, extra: [("inputmode", "decimal")]),
            Form.text("capPercent", "Giới hạn HTXSNV (% số HTTNV)", value: v.capPercent, errors: errors, type: "number", extra: [("inputmode", "numeric")]),
            Form.text("outstandingCapPercent", "Giới hạn cho đơn vị xuất sắc (%)", value: v.outstandingCapPercent, errors: errors,
                      type: "number", extra: [("inputmode", "numeric")]),
            Form.submit(button),
        ])
    }
}
