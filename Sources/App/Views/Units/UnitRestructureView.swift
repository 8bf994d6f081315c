import Domain
import Plot

/// The move, merge and dissolve forms, each saying what the change will carry with it.
enum UnitRestructureView {
    enum Kind: Sendable, Equatable {
        case move, merge, dissolve

        func title(_ name: String) -> String {
            switch self {
            case .move: "Chuyển \(name) sang đơn vị cấp trên khác"
            case .merge: "Sáp nhập \(name)"
            case .dissolve: "Giải thể \(name)"
            }
        }

        var formID: String {
            switch self {
            case .move: "unit-move-form"
            case .merge: "unit-merge-form"
            case .dissolve: "unit-dissolve-form"
            }
        }

        func action(_ id: Int) -> String {
            switch self {
            case .move: SiteURL.unitMove(id).path
            case .merge: SiteURL.unitMerge(id).path
            case .dissolve: SiteURL.unitDissolve(id).path
            }
        }

        var submit: String {
            switch self {
            case .move: "Chuyển"
            case .merge: "Sáp nhập"
            case .dissolve: "Giải thể"
            }
        }

        var idField: String { self == .merge ? "successorId" : "parentId" }
        var codeField: String { self == .merge ? "successorCode" : "parentCode" }
    }

    struct Context: Sendable {
        let kind: Kind
        let unit: UnitRef
        let currentParent: UnitRef?
        let dissolvedOn: LocalDate?
        let childCount: Int
        let memberCount: Int
        let positionCount: Int
        /// Units to choose from; nil when there are too many for a list (a code is typed instead).
        let choices: [UnitRef]?
    }

    struct Values: Sendable {
        var targetID: Int?
        var targetCode = ""
        var effectiveOn = ""
    }

    static func render(_ context: Context, values: Values, errors: FormErrors, csrf: String) -> Markup {
        let kind = context.kind
        let unit = context.unit
        let parent = context.currentParent.map { "\($0.name) (\($0.code))" } ?? "không có (cấp cao nhất)"
        var content: [Markup] = [
            H.h1(kind.title(unit.name)),
            H.facts([("Đơn vị", .text("\(unit.name) (\(unit.code))")), ("Trực thuộc hiện nay", .text(parent))]),
        ]
        if let dissolved = context.dissolvedOn {
            content.append(H.p("Đơn vị đã giải thể hoặc sáp nhập từ ngày \(VietnameseFormat.date(dissolved)), không thể thay đổi vị trí trong cây tổ chức.", class: "flash-error"))
            content.append(H.el("p", [:], H.a(SiteURL.unit(unit.id).path, "Về trang đơn vị")))
            return H.group(content)
        }
        content.append(H.p(explanation(context)))
        if kind == .dissolve, context.memberCount > 0 {
            content.append(H.el("div", ["class": "flash-error", "role": "alert"], .text(
                "Còn \(VietnameseFormat.count(context.memberCount, unit: "người")) đang sinh hoạt tại đơn vị này: cần chuyển sinh hoạt cho họ trước khi giải thể.")))
        }
        var fields: [Markup] = [Form.errorSummary(errors)]
        if kind != .dissolve { fields += targetFields(context, values: values, errors: errors) }
        fields.append(Form.text("effectiveOn", "Ngày có hiệu lực", value: values.effectiveOn, errors: errors, type: "date", required: true,
                                hint: "Ngày đầu tiên áp dụng thay đổi (theo quyết định)."))
        fields.append(H.el("div", ["class": "actions"], Form.submit(kind.submit), H.a(SiteURL.unit(unit.id).path, "Hủy", class: "button")))
        content.append(Form.post(action: kind.action(unit.id), csrf: csrf, id: kind.formID, fields))
        return H.group(content)
    }

    private static func explanation(_ context: Context) -> String {
        let children = VietnameseFormat.count(context.childCount, unit: "tổ chức đảng trực thuộc")
        switch context.kind {
        case .move:
            return "Từ ngày có hiệu lực, đơn vị cùng \(children) của nó trực thuộc đơn vị cấp trên mới; quá trình trực thuộc trước đó vẫn được giữ."
        case .merge:
            return "Từ ngày có hiệu lực, đơn vị chấm dứt hoạt động; \(children) và \(VietnameseFormat.count(context.memberCount, unit: "người")) đang sinh hoạt được chuyển sang đơn vị tiếp nhận; \(VietnameseFormat.count(context.positionCount, unit: "chức vụ")) đang giữ tại đơn vị kết thúc."
        case .dissolve:
            let parent = context.currentParent.map { $0.name } ?? "cấp cao nhất"
            return "Từ ngày có hiệu lực, đơn vị chấm dứt hoạt động; \(children) chuyển về trực thuộc \(parent); \(VietnameseFormat.count(context.positionCount, unit: "chức vụ")) đang giữ tại đơn vị kết thúc."
        }
    }

    private static func targetFields(_ context: Context, values: Values, errors: FormErrors) -> [Markup] {
        let kind = context.kind
        let label = kind == .merge ? "Đơn vị tiếp nhận" : "Đơn vị cấp trên mới"
        guard let choices = context.choices else {
            var shown = errors
            if shown[kind.codeField] == nil, let message = errors[kind.idField] { shown.add(kind.codeField, message) }
            return [Form.text(kind.codeField, "Mã \(label.lowercased())", value: values.targetCode, errors: shown, required: true,
                              extra: [("autocapitalize", "characters")])]
        }
        return [
            Form.select(kind.idField, label, options: choices.map { (String($0.id), "\($0.name) (\($0.code))") },
                        selected: values.targetID.map(String.init), errors: errors, blank: "— Chọn đơn vị —"),
            Form.text(kind.codeField, "Hoặc nhập mã đơn vị", value: values.targetCode, errors: errors,
                      hint: "Nếu nhập mã, mã được dùng thay cho lựa chọn ở trên.", extra: [("autocapitalize", "characters")]),
        ]
    }
}
