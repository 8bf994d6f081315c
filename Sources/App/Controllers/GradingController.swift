import Domain
import Fluent
import Vapor

/// Yearly grading pages: a unit's year, one sheet graded on one screen, submit and reopen.
struct GradingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.gradings.pattern, use: overview)
        routes.post(SiteURL.gradings.pattern, use: open)
        routes.get(SiteURL.gradingSheet(nil).pattern, use: show)
        routes.post(SiteURL.gradingSheet(nil).pattern, use: save)
        routes.post(SiteURL.gradingSheetSubmit(nil).pattern, use: submit)
        routes.post(SiteURL.gradingSheetReopen(nil).pattern, use: reopen)
        routes.get(SiteURL.myGradings.pattern, use: mine)
    }

    func overview(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try GradingService.requireReader(access)
        let code = req.query[String.self, at: "don-vi"] ?? ""
        let year = ListYear.from(req.query[String.self, at: "nam"])
        let (unit, unknown) = try await PersonalPlanService.root(code, access: access)
        let chrome = req.chrome("Xếp loại chất lượng năm \(year)", section: .records)
        guard let unit else {
            let note = unknown ? "Không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn." : nil
            return HTMLPage(chrome, GradingOverviewView.picker(code: code, year: year, note: note, admin: access.isAdmin))
        }
        let model = try await GradingService.overview(unit: unit, year: year, access: access)
        return HTMLPage(chrome, GradingOverviewView.render(model, editable: access.user.role.writesUnitRecords, admin: access.isAdmin, csrf: chrome.csrf))
    }

    func open(req: Request) async throws -> Response {
        let access = try req.access
        let fields = try req.content.decode([String: String].self)
        let code = fields["unit"], year = fields["year"], subject = fields["subject"]
        let unit = try await OrgUnit.query(on: req.db).filter(\.$code == VietnameseText.normalize(code ?? "")).first()
        if let unit, let y = Int(year ?? ""), let s = GradingSubject(rawValue: subject ?? ""), try await access.canSee(unit: unit.id!),
           let existing = try await GradingSheet.query(on: req.db).filter(\.$unitID == unit.id!).filter(\.$year == y).filter(\.$subject == s).first() {
            return req.redirect(to: SiteURL.gradingSheet(existing.id).path)
        }
        do {
            let sheet = try await GradingService.open(unitCode: code, year: year, subject: subject, access: access)
            return req.redirect(to: .gradingSheet(sheet.id), flash: "Đã mở bảng xếp loại năm \(sheet.year).")
        } catch let failure as ValidationFailure {
            guard let unit, try await access.canSee(unit: unit.id!) else { throw failure }
            let model = try await GradingService.overview(unit: unit, year: ListYear.from(year), access: access)
            let chrome = req.chrome("Xếp loại chất lượng", section: .records)
            return try await HTMLPage(chrome, GradingOverviewView.render(model, editable: true, csrf: chrome.csrf, error: failure.message),
                                      status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func show(req: Request) async throws -> HTMLPage {
        let sheet = try await GradingService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
        return try await page(req, sheet: sheet, typed: nil, errors: FormErrors())
    }

    /// The marks of every row as typed, and the outstanding checkbox.
    private func marks(_ fields: [String: String], rows: [GradingRow]) -> [Int: GradingMark] {
        var marks: [Int: GradingMark] = [:]
        for row in rows {
            let k = row.key
            marks[k] = GradingMark(level: fields[GradingService.field("level", k)], score: fields[GradingService.field("score", k)],
                                   allTasksDone: fields[GradingService.field("done", k)] != nil, note: fields[GradingService.field("note", k)])
        }
        return marks
    }

    func save(req: Request) async throws -> Response {
        try await saveThen(req, submitting: false)
    }

    func submit(req: Request) async throws -> Response {
        try await saveThen(req, submitting: true)
    }

    /// Saves the typed grades; when submitting, then submits. A refusal shows the sheet again
    /// (422) with what was typed, the draft kept.
    private func saveThen(_ req: Request, submitting: Bool) async throws -> Response {
        let access = try req.access
        let sheet = try await GradingService.writable(req.parameters.get("id", as: Int.self), access: access)
        let fields = try req.content.decode([String: String].self)
        let rows = try await GradingService.detail(sheet, on: req.db).rows
        let typed = marks(fields, rows: rows)
        do {
            try await GradingService.save(sheet, marks: typed, outstanding: fields["outstanding"] != nil, access: access)
            if submitting {
                try await GradingService.submit(sheet, access: access)
                return req.redirect(to: .gradingSheet(sheet.id), flash: "Đã nộp bảng xếp loại năm \(sheet.year).")
            }
            return req.redirect(to: .gradingSheet(sheet.id), flash: "Đã lưu bảng xếp loại (chưa nộp).")
        } catch {
            guard let errors = InvalidInput.formErrors(from: error) else { throw error }
            return try await page(req, sheet: sheet, typed: typed, outstanding: fields["outstanding"] != nil, errors: errors,
                                  status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func reopen(req: Request) async throws -> Response {
        let access = try req.access
        let sheet = try await GradingService.readable(req.parameters.get("id", as: Int.self), access: access)
        let fields = try req.content.decode([String: String].self)
        do {
            try await GradingService.reopen(sheet, reason: fields["reason"], access: access)
            return req.redirect(to: .gradingSheet(sheet.id), flash: "Đã mở lại bảng xếp loại.")
        } catch {
            guard let errors = InvalidInput.formErrors(from: error) else { throw error }
            return try await page(req, sheet: sheet, typed: nil, errors: errors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, sheet: GradingSheet, typed: [Int: GradingMark]?, outstanding: Bool? = nil,
                      errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let detail = try await GradingService.detail(sheet, on: req.db)
        let chrome = req.chrome("Xếp loại \(sheet.subject.label.lowercased()) năm \(sheet.year)", section: .records)
        var editable = false
        if sheet.status == .draft && access.user.role.writesUnitRecords { editable = true }
        let model = GradingSheetPageModel(detail: detail, editable: editable,
                                          mayReopen: try await GradingService.mayReopen(sheet, access: access), typed: typed,
                                          typedOutstanding: outstanding)
        return HTMLPage(chrome, GradingSheetView.render(model, errors: errors, csrf: chrome.csrf), status: status)
    }

    func mine(req: Request) async throws -> HTMLPage {
        let rows = try await GradingService.mine(access: try req.access)
        return HTMLPage(req.chrome("Kết quả xếp loại của tôi", section: .myGradings), MyGradingsView.render(rows))
    }
}
