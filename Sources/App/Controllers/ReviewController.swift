import Domain
import Fluent
import Reports
import Vapor

/// Review reports: the list, starting one (drafted from the records), reading it with its saved
/// figures and what changed since, editing it, refreshing its figures, and its downloads.
struct ReviewController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.reviews.pattern, use: list)
        routes.get(SiteURL.reviewNew.pattern, use: newForm)
        routes.post(SiteURL.reviewNew.pattern, use: create)
        routes.get(SiteURL.review(nil).pattern, use: show)
        routes.get(SiteURL.reviewEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.reviewEdit(nil).pattern, use: update)
        routes.post(SiteURL.reviewRefresh(nil).pattern, use: refresh)
        routes.get(SiteURL.reviewDocx(nil).pattern, use: docx)
        routes.get(SiteURL.reviewWorkbook(nil).pattern, use: workbook)
    }

    struct StartForm: Content {
        var programme: String?
        var unit: String?
        var kind: String?
        var from: String?
        var to: String?

        var start: ReviewStart { ReviewStart(programmeID: programme, unitCode: unit, kind: kind, from: from, to: to) }
    }

    /// The edit form's fields (names the browser test uses: so, dia-danh, ngay, trich-yeu, phan-1…4).
    struct EditForm: Content {
        var capTren: String?
        var coQuan: String?
        var so: String?
        var diaDanh: String?
        var ngay: String?
        var trichYeu: String?
        var tm: String?
        var chucVu: String?
        var nguoiKy: String?
        var noiNhan: String?
        var phan1: String?
        var phan2: String?
        var phan3: String?
        var phan4: String?

        enum CodingKeys: String, CodingKey {
            case so, ngay, tm
            case capTren = "cap-tren", coQuan = "co-quan", diaDanh = "dia-danh", trichYeu = "trich-yeu", chucVu = "chuc-vu"
            case nguoiKy = "nguoi-ky", noiNhan = "noi-nhan", phan1 = "phan-1", phan2 = "phan-2", phan3 = "phan-3", phan4 = "phan-4"
        }

        var edit: ReviewEdit {
            ReviewEdit(superiorBody: capTren, issuingBody: coQuan, number: so, place: diaDanh, issuedOn: ngay, summary: trichYeu,
                       signatureOnBehalf: tm, signatureTitle: chucVu, signatureName: nguoiKy, recipients: noiNhan,
                       parts: [phan1, phan2, phan3, phan4])
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(UnitYearPageQuery.self)
        let query = ReviewListQuery(unit: p.donVi ?? "", year: p.nam ?? "")
        let page = PageNumber.from(p.trang)
        let filter = ReviewFilter(unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)))
        let result = try await ReviewService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let lines = result.reviews.map { r in
            ReviewLine(id: r.id!, kind: r.kind, period: r.period, number: r.number, unitName: result.units[r.unitID]?.name ?? "",
                       issuedOn: r.issuedOn)
        }
        let view = ReviewListView.render(query: query, lines: lines, total: result.total, page: page, perPage: Self.perPage,
                                         unknownUnit: result.unknownUnit, canCreate: ReviewService.mayWrite(access))
        return HTMLPage(req.chrome("Sơ kết, tổng kết", section: .reviews), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try ReviewService.requireWriter(access)
        var values = ReviewStart()
        values.unitCode = try? req.query.get(String.self, at: "don-vi")
        if values.unitCode?.isEmpty ?? true, let root = access.scopeRoot {
            values.unitCode = try await OrgUnit.find(root, on: req.db)?.code
        }
        let kind = (try? req.query.get(String.self, at: "loai")).flatMap(ReviewKind.init(rawValue:)) ?? .threeYear
        var problems = InvalidInput()
        if let programme = try await ReviewService.programme(nil, &problems, on: req.db) {
            values.programmeID = programme.id.map(String.init)
            let period = kind.defaultPeriod(programmeStart: programme.startsOn, today: .today())
            values.from = period.from.iso
            values.to = period.to.iso
        }
        values.kind = kind.rawValue
        return try await newPage(req, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try ReviewService.requireWriter(access)
        let form = try req.content.decode(StartForm.self)
        do {
            let review = try await ReviewService.create(form.start, access: access)
            return req.redirect(to: .review(review.id), flash: "Đã lập dự thảo \(review.kind.label.lowercased()); hãy đọc lại và sửa lời văn.")
        } catch let problems as InvalidInput {
            return try await newPage(req, values: form.start, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let review = try await ReviewService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(review.unitID, on: req.db)
        let (appendix, breakdown) = try await ReviewService.currentFigures(review, on: req.db)
        let chrome = req.chrome(title(review), section: .reviews)
        let model = ReviewPageModel(
            id: review.id!, title: title(review), unitName: unit?.name ?? "", superiorBody: review.superiorBody,
            issuingBody: review.issuingBody, number: review.number, dateLine: ReviewDocument.official(review).dateLine,
            summary: review.summary, parts: review.parts, appendix: review.appendix, breakdown: review.breakdown,
            signature: [review.signatureOnBehalf, review.signatureTitle, review.signatureName],
            recipients: review.recipients.split(separator: "\n").map(String.init),
            figuresAt: VietnameseFormat.dateTime(review.figuresAt),
            changes: FigureChange.between(saved: review.appendix, current: appendix),
            breakdownChanged: review.breakdown != breakdown, canEdit: ReviewService.mayWrite(access), csrf: chrome.csrf)
        return HTMLPage(chrome, ReviewDetailView.render(model))
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let review = try await ReviewService.writable(req.parameters.get("id", as: Int.self), access: try req.access)
        let values = ReviewEditView.Values(
            superiorBody: review.superiorBody, issuingBody: review.issuingBody, number: review.number, place: review.place,
            issuedOn: review.issuedOn.iso, summary: review.summary, signatureOnBehalf: review.signatureOnBehalf,
            signatureTitle: review.signatureTitle, signatureName: review.signatureName, recipients: review.recipients,
            parts: [review.part1, review.part2, review.part3, review.part4])
        return editPage(req, review, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let review = try await ReviewService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(EditForm.self)
        do {
            try await ReviewService.update(review, with: form.edit, access: access)
            return req.redirect(to: .review(review.id), flash: "Đã lưu báo cáo.")
        } catch let problems as InvalidInput {
            let e = form.edit
            let values = ReviewEditView.Values(
                superiorBody: e.superiorBody ?? "", issuingBody: e.issuingBody ?? "", number: e.number ?? "", place: e.place ?? "",
                issuedOn: e.issuedOn ?? "", summary: e.summary ?? "", signatureOnBehalf: e.signatureOnBehalf ?? "",
                signatureTitle: e.signatureTitle ?? "", signatureName: e.signatureName ?? "", recipients: e.recipients ?? "",
                parts: e.parts.map { $0 ?? "" })
            return try await editPage(req, review, values: values, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func refresh(req: Request) async throws -> Response {
        let access = try req.access
        let review = try await ReviewService.writable(req.parameters.get("id", as: Int.self), access: access)
        let changes = try await ReviewService.refresh(review, access: access)
        return req.redirect(to: .review(review.id), flash: "Đã cập nhật số liệu (\(changes.count) dòng thay đổi); lời văn giữ nguyên.")
    }

    private func title(_ review: Review) -> String {
        "\(review.kind.label) \(ReviewDrafter.periodText(review.period))"
    }

    private func newPage(_ req: Request, values: ReviewStart, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let programmes = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).all()
        let options = programmes.map { (value: String($0.id!), label: ReviewDrafting.shortName($0)) }
        let chrome = req.chrome("Lập báo cáo sơ kết, tổng kết", section: .reviews)
        return HTMLPage(chrome, ReviewNewView.render(values: values, programmes: options, errors: errors, csrf: chrome.csrf), status: status)
    }

    private func editPage(_ req: Request, _ review: Review, values: ReviewEditView.Values, errors: FormErrors,
                          status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome("Sửa báo cáo", section: .reviews)
        return HTMLPage(chrome, ReviewEditView.render(id: review.id!, title: title(review), values: values, errors: errors,
                                                      csrf: chrome.csrf), status: status)
    }
}
