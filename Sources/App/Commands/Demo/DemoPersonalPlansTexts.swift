/// The words of the demo's personal plans: items, commitments, self-assessments and the cells'
/// comments, as members and secretaries write them.
enum DemoPersonalPlansTexts {
    /// The first item of every template: the year's topic of the Tỉnh ủy.
    static func topicItem(_ year: Int, topic: String?) -> String {
        "Học tập, quán triệt chuyên đề năm \(year)" + (topic.map { ": \($0)" } ?? "") + "; liên hệ với nhiệm vụ của bản thân."
    }

    static let items = [
        "Đăng ký và thực hiện ít nhất một việc làm cụ thể theo tấm gương đạo đức Hồ Chí Minh trong công việc hằng ngày.",
        "Thực hành tiết kiệm, chống lãng phí trong sinh hoạt và công tác.",
        "Gần dân, lắng nghe và phản ánh kịp thời ý kiến, kiến nghị của nhân dân nơi cư trú.",
        "Tham gia đầy đủ sinh hoạt chi bộ, sinh hoạt chuyên đề; phát biểu, đóng góp ý kiến xây dựng chi bộ.",
        "Giữ gìn đoàn kết nội bộ; thực hiện nghiêm những điều đảng viên không được làm.",
        "Tích cực tham gia phong trào thi đua, hoạt động an sinh xã hội ở địa phương.",
        "Kể chuyện về Bác trong gia đình, giáo dục con cháu học tập và làm theo Bác.",
        "Học tập nâng cao trình độ chuyên môn, nghiệp vụ; hoàn thành tốt nhiệm vụ được giao.",
        "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định nơi cư trú.",
    ]

    static let commitments = [
        "Tôi xin cam kết tu dưỡng, rèn luyện đạo đức, lối sống; thực hiện đúng những việc đã đăng ký; chịu sự giám sát của chi bộ và nhân dân.",
        "Cam kết giữ gìn phẩm chất đạo đức cách mạng, cần, kiệm, liêm, chính, chí công vô tư; hoàn thành tốt nhiệm vụ được giao.",
        "Cam kết không ngừng học tập, rèn luyện, phấn đấu; thực hiện nghiêm Điều lệ Đảng và các quy định của Đảng.",
    ]

    /// For members who hold a post (bí thư, cấp ủy viên…).
    static let exemplaryCommitment = "Cam kết nêu gương trong thực hiện nhiệm vụ, gương mẫu về đạo đức, lối sống; đi đầu trong các phong trào của cơ quan, địa phương."

    static let selfAssessments = [
        "Đã thực hiện đầy đủ các việc đã đăng ký; tham gia đầy đủ sinh hoạt chi bộ và học tập chuyên đề.",
        "Cơ bản hoàn thành các việc đã đăng ký; việc tham gia hoạt động ở nơi cư trú còn hạn chế, sẽ khắc phục trong năm tới.",
        "Hoàn thành tốt các việc đã đăng ký, được cơ quan và nhân dân nơi cư trú ghi nhận.",
    ]

    static let fulfilledComments = ["Thực hiện tốt kế hoạch, gương mẫu trong sinh hoạt chi bộ.", "Hoàn thành các việc đã đăng ký.", ""]

    static let notFulfilledComments = [
        "Chưa thực hiện được nhiều việc đã đăng ký; vắng sinh hoạt chi bộ nhiều lần.",
        "Việc làm theo Bác chưa rõ nét; đề nghị đăng ký việc làm cụ thể hơn trong năm tới.",
    ]
}
