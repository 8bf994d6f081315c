import Domain
import Fluent
import Vapor

/// The member's own plan (/ke-hoach-cua-toi), and a plan a writer starts for a member from paper
/// (/nguoi/:id/ke-hoach-ca-nhan). Both start from the cell's template when there is one.
extension PersonalPlanController {
    func mine(req: Request) async throws -> HTMLPage {
        let year = ListYear.from(req.query[String.self, at: "nam"], in: PersonalPlanService.yearRange())
        return try await minePage(req, year: year, typed: nil, errors: FormErrors())
    }

    func saveMine(req: Request) async throws -> Response {
        let access = try req.access
        guard let personID = access.user.personID, let person = try await Person.find(personID, on: req.db) else {
            throw Abort(.forbidden, reason: Self.noPerson)
        }
        let year = ListYear.from(req.query[String.self, at: "nam"], in: PersonalPlanService.yearRange())
        let input = try Self.formInput(req)
        do {
            let plan: PersonalPlan
            if let existing = try await PersonalPlanService.plan(person: personID, year: year, on: req.db) {
                try await PersonalPlanService.update(existing, with: input, access: access)
                plan = existing
            } else {
                plan = try await PersonalPlanService.create(person: person, year: year, input, access: access)
            }
            req.flash(plan.status == .submitted ? "Đã nộp kế hoạch năm \(year)." : "Đã lưu bản nháp kế hoạch năm \(year).")
            return req.redirect(to: MyPlanView.link(year))
        } catch let problems as InvalidInput {
            return try await minePage(req, year: year, typed: input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    static let noPerson = "Tài khoản của bạn không gắn với hồ sơ đảng viên nào nên không có kế hoạch cá nhân. "
        + "Bí thư chi bộ lập kế hoạch cho đảng viên ở trang “Kế hoạch cá nhân, cam kết”."

    private func minePage(_ req: Request, year: Int, typed: PersonalPlanInput?, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let chrome = req.chrome("Kế hoạch của tôi", section: .myPlan)
        func page(problem: String?, facts: PersonalPlanFacts? = nil, due: LocalDate? = nil, form: PersonalPlanFormModel? = nil,
                  fromTemplate: Bool = false, others: [(year: Int, words: String)] = []) -> HTMLPage {
            let model = MyPlanPageModel(year: year, years: PersonalPlanService.yearRange(), problem: problem, facts: facts, due: due,
                                        form: form, fromTemplate: fromTemplate, otherYears: others)
            return HTMLPage(chrome, MyPlanView.render(model, errors: errors, csrf: chrome.csrf), status: status)
        }
        guard let personID = access.user.personID, let person = try await Person.find(personID, on: req.db) else {
            return page(problem: Self.noPerson)
        }
        guard person.category == .partyMember else {
            return page(problem: "Kế hoạch cá nhân học tập và làm theo Bác dành cho đảng viên; hồ sơ của bạn không phải là đảng viên.")
        }
        let plans = try await PersonalPlan.query(on: req.db).filter(\.$personID == personID).sort(\.$year, .descending).all()
        let others = try await PersonalPlanService.facts(plans.filter { $0.year != year }, on: req.db).map {
            (year: $0.year, words: PersonalPlanWords.status($0.status, submittedOn: $0.submittedOn, late: $0.late))
        }
        let plan = plans.first { $0.year == year }
        guard let unitID = plan?.unitID ?? person.currentUnitID else {
            return page(problem: "Bạn hiện không sinh hoạt ở chi bộ nào nên chưa lập được kế hoạch năm \(year).", others: others)
        }
        let due = try await DueDates.due(.personalPlan, unit: unitID, year: year, on: req.db)
        guard let plan else {
            let (values, fromTemplate) = try await Self.startingValues(unit: unitID, year: year, on: req.db)
            let form = PersonalPlanFormModel(action: MyPlanView.link(year), values: typed ?? values, submitted: false,
                                             yearEnd: PersonalPlanService.isYearEnd(year), paper: false, cancel: SiteURL.home.path)
            return page(problem: nil, due: due, form: form, fromTemplate: fromTemplate && typed == nil, others: others)
        }
        let facts = try await PersonalPlanService.facts(plan, on: req.db)
        guard plan.assessment == nil else { return page(problem: nil, facts: facts, due: due, others: others) }
        let values = typed ?? PersonalPlanInput(items: facts.items, commitment: plan.commitment,
                                                exemplaryCommitment: plan.exemplaryCommitment, selfAssessment: plan.selfAssessment)
        let form = PersonalPlanFormModel(action: MyPlanView.link(year), values: values, submitted: plan.status == .submitted,
                                         yearEnd: PersonalPlanService.isYearEnd(year), paper: false, cancel: SiteURL.home.path)
        return page(problem: nil, facts: facts, due: due, form: form, others: others)
    }

    /// A new plan's fields: the cell's template of the year when there is one.
    static func startingValues(unit: Int, year: Int, on db: any Database) async throws -> (PersonalPlanInput, Bool) {
        guard let template = try await PersonalPlanService.template(unit: unit, year: year, on: db) else {
            return (PersonalPlanInput(items: []), false)
        }
        return (PersonalPlanInput(items: PersonalPlanService.templateItems(template), commitment: template.commitment), true)
    }

    // MARK: - A writer starts a member's plan

    /// The member, in a unit the account writes; party members only.
    private func member(_ req: Request) async throws -> (Person, Int) {
        let access = try req.access
        guard let id = req.parameters.get("id", as: Int.self), let person = try await Person.find(id, on: req.db),
              let unitID = person.currentUnitID else { throw Abort(.notFound) }
        try await access.requireWrite(unit: unitID)
        guard person.category == .partyMember else {
            throw Abort(.notFound, reason: "Kế hoạch cá nhân chỉ dành cho đảng viên; \(person.fullName) không phải là đảng viên.")
        }
        return (person, unitID)
    }

    func newForm(req: Request) async throws -> Response {
        let (person, unitID) = try await member(req)
        let year = ListYear.from(req.query[String.self, at: "nam"], in: PersonalPlanService.yearRange())
        if let existing = try await PersonalPlanService.plan(person: person.id!, year: year, on: req.db) {
            return req.redirect(to: SiteURL.personalPlanEdit(existing.id).path)
        }
        let (values, _) = try await Self.startingValues(unit: unitID, year: year, on: req.db)
        return try await newPage(req, person, year: year, values: values, errors: FormErrors()).encodeResponse(for: req)
    }

    func create(req: Request) async throws -> Response {
        let (person, _) = try await member(req)
        let year = ListYear.from(req.query[String.self, at: "nam"], in: PersonalPlanService.yearRange())
        let input = try Self.formInput(req)
        do {
            let plan = try await PersonalPlanService.create(person: person, year: year, input, access: try req.access)
            let done = plan.status == .submitted ? "Đã nộp" : "Đã lưu bản nháp"
            return req.redirect(to: .personalPlan(plan.id), flash: "\(done) kế hoạch năm \(year) của \(person.fullName).")
        } catch let problems as InvalidInput {
            return try await newPage(req, person, year: year, values: input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func newPage(_ req: Request, _ person: Person, year: Int, values: PersonalPlanInput, errors: FormErrors,
                         status: HTTPStatus = .ok) async throws -> HTMLPage {
        let chrome = req.chrome("Lập kế hoạch cá nhân năm \(year)")
        let cancel = try await OrgUnit.find(person.currentUnitID, on: req.db)
            .map { SiteURL.personalPlans.with([("don-vi", $0.code), ("nam", String(year))]) } ?? SiteURL.personalPlans.path
        let form = PersonalPlanFormModel(
            action: SiteURL.personPersonalPlan(person.id).with([("nam", String(year))]), values: values, submitted: false,
            yearEnd: PersonalPlanService.isYearEnd(year), paper: try req.user.personID != person.id, cancel: cancel)
        let view = H.group([H.h1("Lập kế hoạch cá nhân năm \(year)"), H.p(person.fullName, class: "hint"),
                            PersonalPlanForm.render(form, errors: errors, csrf: chrome.csrf)])
        return HTMLPage(chrome, view, status: status)
    }
}
