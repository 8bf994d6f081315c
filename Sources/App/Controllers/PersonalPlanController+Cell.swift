import Domain
import Fluent
import Vapor

/// A cell's work on its members' plans: the template of the year, drafts from it for everyone
/// without a plan, and the year-end assessment on one screen.
extension PersonalPlanController {
    /// The cell a page names (?don-vi=, else the account's own cell); a picker page when there is none.
    private func chosenCell(_ req: Request, title: String, action: SiteURL) async throws -> (cell: OrgUnit?, year: Int, picker: HTMLPage?) {
        let access = try req.access
        try PersonalPlanService.requireLister(access)
        let code = req.query[String.self, at: "don-vi"] ?? ""
        let year = ListYear.from(req.query[String.self, at: "nam"])
        let (unit, unknown) = try await PersonalPlanService.root(code, access: access)
        var note: String?
        if unknown {
            note = "Không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn."
        } else if let unit, try await CellMeetingService.isCell(unit, on: req.db) {
            return (unit, year, nil)
        } else if let unit, !code.isEmpty {
            note = "“\(unit.name)” không phải là chi bộ; hãy nhập mã một chi bộ."
        }
        let picker = CellYearPicker.render(title: title, action: action, unit: code, year: year, note: note)
        return (nil, year, HTMLPage(req.chrome(title, section: .records), picker))
    }

    // MARK: - Template

    func templateForm(req: Request) async throws -> HTMLPage {
        let (cell, year, picker) = try await chosenCell(req, title: "Mẫu kế hoạch cá nhân", action: .planTemplate)
        guard let cell else { return picker! }
        let template = try await PersonalPlanService.template(unit: cell.id!, year: year, on: req.db)
        return try await templatePage(req, cell: cell, year: year, items: template?.items ?? "",
                                      commitment: template?.commitment ?? "", exists: template != nil, errors: FormErrors())
    }

    struct TemplateForm: Content {
        var unit: String?
        var year: String?
        var items: String?
        var commitment: String?
    }

    func saveTemplate(req: Request) async throws -> Response {
        let access = try req.access
        let form = try req.content.decode(TemplateForm.self)
        let lines = (form.items ?? "").split(whereSeparator: \.isNewline).map(String.init)
        do {
            let template = try await PersonalPlanService.saveTemplate(
                PlanTemplateInput(unitCode: form.unit, year: form.year, items: lines, commitment: form.commitment), access: access)
            let code = try await OrgUnit.find(template.unitID, on: req.db)?.code
            req.flash("Đã lưu mẫu kế hoạch cá nhân năm \(template.year).")
            return req.redirect(to: SiteURL.personalPlans.with([("don-vi", code), ("nam", String(template.year))]))
        } catch let problems as InvalidInput {
            let code = VietnameseText.normalize(form.unit ?? "")
            guard let cell = try await OrgUnit.query(on: req.db).filter(\.$code == code).first(),
                  try await access.canSee(unit: cell.id!) else { throw problems }
            return try await templatePage(req, cell: cell, year: ListYear.from(form.year), items: form.items ?? "",
                                          commitment: form.commitment ?? "", exists: false, errors: problems.formErrors,
                                          status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func templatePage(
        _ req: Request, cell: OrgUnit, year: Int, items: String, commitment: String, exists: Bool, errors: FormErrors,
        status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        let access = try req.access
        let editable = access.user.role.writesUnitRecords
        let chrome = req.chrome("Mẫu kế hoạch cá nhân năm \(year)", section: .records)
        let view = PlanTemplateView.render(cellCode: cell.code, cellName: cell.name, year: year, items: items, commitment: commitment,
                                           exists: exists, editable: editable, errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    func fromTemplate(req: Request) async throws -> Response {
        let access = try req.access
        let form = try req.content.decode(TemplateForm.self)
        let made = try await PersonalPlanService.startFromTemplate(unitCode: form.unit, year: form.year, access: access)
        let year = ListYear.from(form.year)
        req.flash(made == 0 ? "Mọi đảng viên của chi bộ đã có kế hoạch năm \(year)."
                            : "Đã tạo \(VietnameseFormat.number(made)) kế hoạch nháp năm \(year) theo mẫu.")
        return req.redirect(to: SiteURL.personalPlans.with([("don-vi", form.unit), ("nam", String(year))]))
    }

    // MARK: - Year-end assessment

    func assessmentForm(req: Request) async throws -> HTMLPage {
        let (cell, year, picker) = try await chosenCell(req, title: "Đánh giá kế hoạch cá nhân", action: .personalPlanAssessment)
        guard let cell else { return picker! }
        return try await assessmentPage(req, cell: cell, year: year, typed: [:], errors: FormErrors())
    }

    func saveAssessment(req: Request) async throws -> Response {
        let access = try req.access
        let fields = try req.content.decode([String: String].self)
        var problems = InvalidInput()
        let cell = try await PersonalPlanService.writableCell(fields["unit"], access: access, &problems)
        let year = PersonalPlanService.validYear(fields["year"], &problems)
        try problems.check()
        let lines = try await PersonalPlanService.assessmentLines(cell: cell!, year: year!, access: access)
        var typed: [Int: PlanAssessmentMark] = [:]
        let marks = lines.compactMap { line -> (plan: PersonalPlan, mark: PlanAssessmentMark)? in
            let id = line.plan.id!
            let value = fields[PlanAssessmentView.assessmentField(id)], comment = fields[PlanAssessmentView.commentField(id)]
            guard value != nil || comment != nil else { return nil }
            typed[id] = PlanAssessmentMark(assessment: value ?? "", comment: comment ?? "")
            return (line.plan, typed[id]!)
        }
        do {
            let changed = try await PersonalPlanService.assess(marks, access: access) { plan, name in
                name == "comment" ? PlanAssessmentView.commentField(plan.id!) : PlanAssessmentView.assessmentField(plan.id!)
            }
            req.flash("Đã lưu đánh giá (\(VietnameseFormat.number(changed)) kế hoạch thay đổi).")
            return req.redirect(to: SiteURL.personalPlans.with([("don-vi", cell!.code), ("nam", String(year!))]))
        } catch let problems as InvalidInput {
            return try await assessmentPage(req, cell: cell!, year: year!, typed: typed, errors: problems.formErrors,
                                            status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func assessmentPage(
        _ req: Request, cell: OrgUnit, year: Int, typed: [Int: PlanAssessmentMark], errors: FormErrors, status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        let access = try req.access
        let lines = try await PersonalPlanService.assessmentLines(cell: cell, year: year, access: access)
        let chrome = req.chrome("Đánh giá kế hoạch cá nhân năm \(year)", section: .records)
        let model = PlanAssessmentPageModel(
            cellCode: cell.code, cellName: cell.name, year: year, lines: lines, editable: access.user.role.writesUnitRecords,
            yearEnd: PersonalPlanService.isYearEnd(year), typed: typed)
        return HTMLPage(chrome, PlanAssessmentView.render(model, errors: errors, csrf: chrome.csrf), status: status)
    }
}
