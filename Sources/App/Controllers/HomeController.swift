import Domain
import Fluent
import Vapor

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pattern, use: home)
    }

    func home(req: Request) async throws -> HTMLPage {
        let user = try req.user
        var scopeUnit: OrgUnit?
        if let id = try await req.access.anchorUnit() {
            scopeUnit = try await OrgUnit.find(id, on: req.db)
        }
        // A cell secretary sees at once what their cell still owes (hạn cần làm).
        var deadlines: DeadlineReport?
        if user.role == .cellSecretary, let cell = scopeUnit?.id {
            deadlines = try await DeadlineService.report(
                unitID: cell, year: LocalDate.today().year, offset: 0, limit: Self.deadlinesShown, access: req.access)
        }
        return HTMLPage(req.chrome("Trang chủ", section: .home), HomeView.render(user: user, scopeUnit: scopeUnit, deadlines: deadlines))
    }

    static let deadlinesShown = 10
}

enum HomeView {
    static func render(user: CurrentUser, scopeUnit: OrgUnit?, deadlines: DeadlineReport? = nil) -> Markup {
        var cards: [Markup] = []
        if user.role.seesUnits {
            cards.append(card("Tổ chức đảng", "Cây tổ chức theo thời gian, lịch sử sáp nhập, chuyển đổi.", SiteURL.units.path))
            cards.append(card("Cán bộ, đảng viên", "Danh sách, tìm kiếm không dấu, chuyển sinh hoạt, chức vụ.", SiteURL.people.path))
        } else if let personID = user.personID {
            cards.append(card("Hồ sơ của tôi", "Thông tin cá nhân và quá trình sinh hoạt.", SiteURL.person(personID).path))
        }
        if user.personID != nil {
            cards.append(card("Kế hoạch của tôi", "Kế hoạch học tập và làm theo Bác, cam kết của bạn trong năm.", SiteURL.myPlan.path))
        }
        if user.role.seesUnits {
            cards.append(card("Thực hiện", "Sinh hoạt chi bộ, học tập chuyên đề, chuẩn mực, tuyên truyền, mô hình, điển hình, cuộc thi.", SiteURL.records.path))
            cards.append(card("Tổng quan", "Kết quả chính trong năm, xu hướng 5 năm, sinh hoạt chi bộ theo tháng, đơn vị cần quan tâm.", SiteURL.dashboard.path))
        }
        cards.append(card("Chương trình, chuyên đề", "Chỉ thị 05-CT/TW, Kết luận 01-KL/TW; chuyên đề toàn khóa và hằng năm.", SiteURL.programmes.path))
        cards.append(card("Văn bản chỉ đạo", "Kế hoạch, hướng dẫn các cấp ban hành.", SiteURL.documents.path))
        if user.role.seesUnits {
            cards.append(card("Nhật ký thay đổi", "Ai đã thay đổi gì, khi nào.", SiteURL.audit.path))
        }
        let scope = scopeUnit.map { "Phạm vi: \($0.name)" } ?? (user.role == .admin ? "Phạm vi: toàn hệ thống" : "")
        return H.group([
            H.h1("Xin chào, \(user.displayName)"),
            H.p(scope),
            deadlines.map(deadlineSection) ?? .empty,
            H.el("div", ["class": "cards"], children: cards),
        ])
    }

    private static func deadlineSection(_ r: DeadlineReport) -> Markup {
        let link = SiteURL.deadlines.with([("don-vi", r.root?.code)])
        return H.el("section", ["id": "home-deadlines"],
            H.h2("Hạn cần làm của chi bộ"),
            DeadlineSummary.render(r.counts, link: link),
            DeadlineTable.grouped(r.items, root: r.root?.id, empty: "Chi bộ không có việc nào quá hạn hoặc sắp đến hạn.", heading: "h3"))
    }

    private static func card(_ title: String, _ text: String, _ href: String) -> Markup {
        H.el("section", ["class": "card"], H.el("h2", [:], H.a(href, title)), H.p(text))
    }
}
