import Domain
import Vapor

/// "Thực hiện": the records a unit keeps of the programme's daily work, one card per kind.
struct RecordsHubController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.records.pattern, use: hub)
    }

    func hub(req: Request) async throws -> HTMLPage {
        guard try req.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        let kinds = try RecordsHubView.kinds(for: req.user.role)
        return HTMLPage(req.chrome("Thực hiện", section: .records), RecordsHubView.render(kinds))
    }
}

enum RecordsHubView {
    struct Kind {
        let title: String
        let text: String
        let url: SiteURL
        /// Shown only to accounts that write records (the page is a form, not a list).
        var forWriters = false
    }

    /// The cards an account with `role` may open.
    static func kinds(for role: Role) -> [Kind] {
        kinds.filter { !$0.forWriters || role.writesUnitRecords }
    }

    /// Only kinds whose pages exist are listed.
    static let kinds: [Kind] = [
        Kind(title: "Sinh hoạt chi bộ", text: "Sinh hoạt thường kỳ hằng tháng, sinh hoạt chuyên đề mỗi quý; tháng nào còn thiếu.", url: .cellMeetings),
        Kind(title: "Học tập chuyên đề", text: "Hội nghị học tập, quán triệt chuyên đề và điểm danh người tham gia.", url: .studySessions),
        Kind(title: "Chuẩn mực đạo đức", text: "Chuẩn mực đạo đức, lối sống, đạo đức nghề nghiệp đơn vị ban hành và sửa đổi.", url: .conductCodes),
        Kind(title: "Tuyên truyền", text: "Hoạt động tuyên truyền theo hình thức, số lượt người tham gia.", url: .outreach),
        Kind(title: "Mô hình, cách làm hay", text: "Mô hình \u{201C}Dân vận khéo\u{201D}, mô hình hay, cách làm hiệu quả theo năm.", url: .practiceModels),
        Kind(title: "Điển hình tiên tiến", text: "Tập thể, cá nhân điển hình và câu chuyện của họ.", url: .exemplars),
        Kind(title: "Cuộc thi viết", text: "Cuộc thi, bài dự thi, kết quả và bài được chọn dự thi cấp trên.", url: .contests),
        // MARK: helper A: unit plans, goals, due dates
        Kind(title: "Kế hoạch, nội dung đột phá", text: "Kế hoạch năm, toàn khóa của tổ chức đảng; nộp, trả lại, duyệt; hạn nộp và nội dung đột phá.", url: .unitPlans),
        // MARK: helper B: personal plans
        Kind(title: "Kế hoạch cá nhân, cam kết", text: "Kế hoạch làm theo Bác, cam kết của từng đảng viên; ai chưa nộp, trễ hạn; đánh giá cuối năm.", url: .personalPlans),
        // MARK: helper C: indicators
        // MARK: helper D: imports
        Kind(title: "Nhập từ tệp", text: "Sinh hoạt chi bộ, điểm danh hội nghị từ tệp Excel hoặc CSV: kiểm tra trước, ghi tất cả một lần.", url: .imports, forWriters: true),
        // MARK: helper E: deadlines, study materials
        Kind(title: "Hạn cần làm", text: "Kế hoạch, kế hoạch cá nhân, sinh hoạt chi bộ thường kỳ còn thiếu: quá hạn, sắp đến hạn.", url: .deadlines),
        // MARK: helper F: commendations
        Kind(title: "Khen thưởng", text: "Giấy khen, bằng khen, biểu dương theo đợt, cấp khen và số quyết định; số tập thể, cá nhân được khen.", url: .commendations),
        // MARK: helper G: grading
        Kind(title: "Xếp loại chất lượng", text: "Xếp loại đảng viên, tổ chức đảng hằng năm theo quy định của năm; giới hạn HTXSNV; nộp cấp trên.", url: .gradings),
        // MARK: helper N: nominations, suggestions
        Kind(title: "Đề nghị khen thưởng", text: "Lập đề nghị khen thưởng kèm hồ sơ, gửi lên cấp trên; mỗi cấp trả lại, chuyển lên hoặc ra quyết định; theo dõi đề nghị đang ở đâu.", url: .nominations),
        Kind(title: "Đề xuất khen thưởng", text: "Ai đủ điều kiện khen thưởng theo kết quả xếp loại: HTXSNV trong năm, 5 năm liên tục; lập đề nghị một lần.", url: .suggestions),
        // MARK: helper P: public page of exemplars
        Kind(title: "Giới thiệu gương sáng", text: "Bài giới thiệu điển hình, mô hình hay trên trang công khai và tin Atom; công bố, thôi công bố.", url: .publicStories),
        // MARK: helper I: indicator rollups
        // MARK: helper V: review reports
        Kind(title: "Sơ kết, tổng kết", text: "Báo cáo năm, sơ kết 3 năm, tổng kết 5, 10 năm: dự thảo có sẵn số liệu, sửa lời văn, tải .docx và phụ lục .xlsx.", url: .reviews),
        // MARK: helper H: dashboard
    ]

    static func render(_ kinds: [Kind]) -> Markup {
        H.group([
            H.h1("Thực hiện"),
            H.p("Hồ sơ các hoạt động học tập và làm theo của các tổ chức đảng trong phạm vi của bạn."),
            H.el("div", ["class": "cards"], children: kinds.map { kind in
                H.el("section", ["class": "card"], H.el("h2", [:], H.a(kind.url.path, kind.title)), H.p(kind.text))
            }),
        ])
    }
}
