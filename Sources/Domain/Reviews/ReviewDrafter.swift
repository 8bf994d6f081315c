/// Writes the first draft of a review report's parts (DESIGN.md §5) as Vietnamese prose, with the
/// figures of a `RollupTable`'s totals written in ("đã tổ chức 4 hội nghị học tập chuyên đề, tỉ lệ
/// cán bộ, đảng viên tham gia đạt 95,3%"). Nothing is counted here: every number is a figure of
/// the table, so the prose and the appendix always agree. The officer edits the result.
public struct ReviewDrafter: Sendable {
    public let table: RollupTable
    public let findings: ReviewFindings
    /// "Kết luận số 01-KL/TW", how the prose names the programme.
    public let programme: String

    public init(table: RollupTable, findings: ReviewFindings, programme: String) {
        self.table = table
        self.findings = findings
        self.programme = programme
    }

    /// "năm 2024", "giai đoạn 18/5/2021 – 18/5/2024".
    public static func periodText(_ period: IndicatorPeriod) -> String {
        if period.from == LocalDate.firstOf(year: period.from.year), period.to == LocalDate.lastOf(year: period.from.year) {
            return "năm \(period.from.year)"
        }
        return "giai đoạn \(VietnameseFormat.date(period.from)) – \(VietnameseFormat.date(period.to))"
    }

    /// The summary line: "Sơ kết 3 năm thực hiện Kết luận số 01-KL/TW …", "Kết quả thực hiện … năm 2024".
    public static func summary(kind: ReviewKind, programmeTitle: String, period: IndicatorPeriod) -> String {
        let base = "\(kind.summaryVerb) \(programmeTitle)"
        return kind == .annual ? "\(base) \(periodText(period))" : base
    }

    /// The four parts, in order.
    public func parts() -> [ReviewPart] {
        zip(ReviewPart.titles, [results(), limitations(), directions(), proposals()]).map {
            ReviewPart(title: $0, text: $1.joined(separator: "\n\n"))
        }
    }

    // MARK: figures of the total

    func headline(_ code: IndicatorCode) -> IndicatorFigure? { table.total(code)?.value }

    func part(_ code: IndicatorCode, _ label: String) -> IndicatorFigure? {
        table.total(code)?.parts.first { $0.label == label }
    }

    func count(_ code: IndicatorCode) -> String { Self.number(headline(code)?.numerator ?? 0) }

    func count(_ code: IndicatorCode, _ label: String) -> String { Self.number(part(code, label)?.numerator ?? 0) }

    static func number(_ n: Int) -> String { VietnameseFormat.number(n) }

    /// "95,3%"; "–" when nothing was expected.
    static func rate(_ figure: IndicatorFigure?) -> String {
        guard let figure, let d = figure.denominator else { return VietnameseFormat.notANumber }
        return VietnameseFormat.percent(numerator: figure.numerator, denominator: d) ?? VietnameseFormat.notANumber
    }

    /// "42/45 tổ chức"
    static func ratio(_ figure: IndicatorFigure?, _ noun: String) -> String {
        "\(number(figure?.numerator ?? 0))/\(number(figure?.denominator ?? 0)) \(noun)"
    }

    /// "15 tập thể và 18 cá nhân", naming only what is there ("9 cá nhân"); "0 tập thể, cá nhân" for none.
    func recipients(_ code: IndicatorCode) -> String {
        let named = [("Tập thể", "tập thể"), ("Cá nhân", "cá nhân"), ("Nhóm tác giả", "nhóm tác giả")].compactMap { label, noun in
            part(code, label).flatMap { $0.numerator > 0 ? "\(Self.number($0.numerator)) \(noun)" : nil }
        }
        guard let last = named.last else { return "0 tập thể, cá nhân" }
        return named.count == 1 ? last : named.dropLast().joined(separator: ", ") + " và " + last
    }

    var scope: String { "các cấp ủy, tổ chức đảng trong \(table.unitName)" }

    // MARK: part I

    func results() -> [String] {
        let period = Self.periodText(table.period)
        let plans = headline(.unitPlans), goals = headline(.breakthroughGoals), codes = headline(.conductCodes)
        let onTime = part(.unitPlans, "Nộp đúng hạn"), completed = part(.breakthroughGoals, "Nội dung đột phá hoàn thành")
        let participation = headline(.studyParticipation), grassroots = headline(.grassrootsStudy)
        let monthly = headline(.monthlyContent), quarters = part(.thematicMeetings, "Chi bộ sinh hoạt chuyên đề đủ các quý")
        let discussion = headline(.thematicDiscussion)
        let personal = headline(.personalPlans), personalOnTime = part(.personalPlans, "Nộp đúng hạn")
        let fulfilled = headline(.personalPlansFulfilled)
        return [
            "1. Công tác lãnh đạo, chỉ đạo",
            "Trong \(period), \(scope) đã ban hành \(count(.guidanceDocuments)) văn bản chỉ đạo, hướng dẫn, kế hoạch thực hiện "
                + "\(programme). \(Self.ratio(plans, "lượt tổ chức đảng")) xây dựng kế hoạch thực hiện năm, đạt \(Self.rate(plans)); "
                + "trong đó \(Self.ratio(onTime, "kế hoạch")) nộp đúng hạn (\(Self.rate(onTime))). "
                + "\(Self.ratio(goals, "lượt tổ chức đảng")) đăng ký nội dung đột phá (\(Self.rate(goals))); "
                + "\(Self.ratio(completed, "nội dung đột phá")) đã hoàn thành (\(Self.rate(completed))). "
                + "\(Self.ratio(codes, "tổ chức đảng")) đã ban hành chuẩn mực đạo đức, lối sống, đạo đức nghề nghiệp (\(Self.rate(codes))).",
            "2. Học tập chuyên đề",
            "Các cấp ủy, tổ chức đảng đã tổ chức \(count(.studySessions)) hội nghị học tập chuyên đề, tỉ lệ cán bộ, đảng viên "
                + "tham gia đạt \(Self.rate(participation)) (\(Self.ratio(participation, "đảng viên"))); thu hút "
                + "\(count(.studyParticipation, "Lượt quần chúng tham gia")) lượt quần chúng tham gia. "
                + "\(Self.ratio(grassroots, "tổ chức cơ sở đảng")) triển khai học tập chuyên đề (\(Self.rate(grassroots))).",
            "Các chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt thường kỳ ở \(Self.ratio(monthly, "chi bộ-tháng")), "
                + "đạt \(Self.rate(monthly)). Đã tổ chức \(count(.thematicMeetings)) cuộc sinh hoạt chuyên đề; "
                + "\(Self.ratio(quarters, "chi bộ")) sinh hoạt chuyên đề đủ các quý (\(Self.rate(quarters))); bình quân mỗi cuộc có "
                + "\(discussion?.value.map { VietnameseFormat.number($0, fractionDigits: 1) } ?? VietnameseFormat.notANumber) "
                + "ý kiến phát biểu thảo luận.",
            "3. Xây dựng kế hoạch và làm theo",
            "\(Self.ratio(personal, "lượt đảng viên")) xây dựng kế hoạch cá nhân, bản cam kết học tập và làm theo Bác, đạt "
                + "\(Self.rate(personal)); \(Self.ratio(personalOnTime, "kế hoạch")) nộp đúng hạn. Qua đánh giá cuối năm, "
                + "\(Self.ratio(fulfilled, "kế hoạch")) hoàn thành (\(Self.rate(fulfilled))). Các tổ chức đảng đã đăng ký "
                + "\(count(.practiceModels)) mô hình “Dân vận khéo”, mô hình hay, cách làm hiệu quả, với "
                + "\(count(.practiceModels, "Tổ chức đảng đăng ký")) tổ chức đảng đăng ký.",
            "4. Nêu gương",
            "Đã phát hiện, ghi nhận \(count(.exemplars)) điển hình tiên tiến trong học tập và làm theo Bác. "
                + gradings(),
            "5. Tuyên truyền",
            "Tổ chức \(count(.outreach)) hoạt động tuyên truyền với \(count(.outreach, "Lượt người tham gia")) lượt người tham gia. "
                + "Tổ chức \(count(.contests)) cuộc thi viết; các tổ chức đảng gửi \(count(.contests, "Bài dự thi")) bài dự thi, "
                + "trong đó \(count(.contests, "Bài được chọn dự thi cấp trên")) bài được chọn dự thi cấp trên.",
            "6. Biểu dương, khen thưởng",
            "Các cấp ủy đã khen thưởng \(recipients(.commendations)) có thành tích tiêu biểu trong học tập và làm theo tư tưởng, "
                + "đạo đức, phong cách Hồ Chí Minh; biểu dương \(recipients(.praise)).",
        ]
    }

    /// "Xếp loại chất lượng: 120 lượt đảng viên, trong đó HTXSNV 20, HTTNV 90, …"
    func gradings() -> String {
        let levels = GradingLevel.allCases.map { level in "\(level.abbreviation) \(count(.gradings, "Đảng viên \(level.abbreviation)"))" }
        return "Kết quả xếp loại chất lượng: \(count(.gradings)) lượt đảng viên được xếp loại, trong đó "
            + levels.joined(separator: ", ") + "."
    }
}
