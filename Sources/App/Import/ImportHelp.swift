/// How to fill each column, shown beside the upload form.
extension ImportKind {
    func help(_ key: String) -> String {
        switch (self, key) {
        case (.cellMeetings, "unit"): "Mã của chi bộ, như trên trang tổ chức đảng."
        case (.cellMeetings, "kind"): "“Thường kỳ” hoặc “Chuyên đề”."
        case (.cellMeetings, "heldOn"): "Ngày/tháng/năm (18/5/2024) hoặc ô kiểu ngày; không sau hôm nay."
        case (.cellMeetings, "durationMinutes"): "Số phút, từ 15 đến 600."
        case (.cellMeetings, "present"), (.cellMeetings, "absentExcused"), (.cellMeetings, "absentUnexcused"): "Số đảng viên."
        case (.cellMeetings, "includedProgrammeContent"): "“Có” (hoặc “x”) khi buổi sinh hoạt có nội dung học tập và làm theo Bác; “Không” hoặc để trống."
        case (.cellMeetings, "contentNote"): "Nội dung đã đưa vào sinh hoạt; phải ghi khi cột trước là “Có”."
        case (.cellMeetings, "opinionsRaised"): "Số ý kiến phát biểu, chỉ cho sinh hoạt chuyên đề."
        case (.cellMeetings, "summary"): "Tóm tắt buổi sinh hoạt."
        case (.attendance, "fullName"): "Họ và tên đảng viên, như trong danh sách dự kiến tham dự."
        case (.attendance, "birthDate"): "Để phân biệt người trùng họ tên."
        case (.attendance, "unit"): "Mã chi bộ của đảng viên, để phân biệt người trùng họ tên."
        case (.attendance, "status"): "“Có mặt” (hoặc “x”), “Vắng có lý do” hoặc “Vắng không lý do”; để trống thì không đổi."
        case (.people, "fullName"): "Họ và tên đầy đủ, có dấu."
        case (.people, "birthDate"), (.people, "partyJoinedOn"), (.people, "partyOfficialOn"): "Ngày/tháng/năm (18/5/1980) hoặc ô kiểu ngày."
        case (.people, "gender"): "“Nam” hoặc “Nữ”."
        case (.people, "unit"): "Mã chi bộ (đơn vị) nơi người đó sinh hoạt, trong phạm vi của bạn; người mới sinh hoạt ở đó từ ngày nhập."
        case (.people, "category"): "“Đảng viên”, “Cán bộ”, “Công chức, viên chức”, “Người lao động”, “Đoàn viên”, “Hội viên” hoặc “Quần chúng”."
        case (.people, "identityNumber"): "9 hoặc 12 chữ số; dùng để nhận ra người đã có trong hệ thống."
        case (.people, "phone"): "Chữ số, dấu + và khoảng trắng."
        case (.people, "email"): "Ví dụ: ten@donvi.vn."
        case (.people, "note"): "Ghi chú về người đó."
        case (.units, _): UnitRows.help(key)
        case (.commendations, _): CommendationRows.help(key)
        case (.gradings, _): GradingRows.help(key)
        default: ""
        }
    }

    /// What the import page says the file is for.
    var intro: String {
        switch self {
        case .cellMeetings:
            "Mỗi dòng là một buổi sinh hoạt của một chi bộ trong phạm vi của bạn. Các dòng được kiểm tra như khi ghi "
                + "bằng biểu mẫu; dòng đã có trong hệ thống được bỏ qua, nên nhập lại cùng một tệp không làm thay đổi gì."
        case .attendance:
            "Mỗi dòng là một đảng viên trong danh sách dự kiến tham dự hội nghị mà bạn được điểm danh. "
                + "Người được nhận ra theo họ và tên; ghi thêm ngày sinh hoặc chi bộ khi có người trùng tên."
        case .people:
            "Mỗi dòng là một người sinh hoạt ở một chi bộ trong phạm vi của bạn, kiểm tra như khi ghi bằng biểu mẫu. "
                + "Người đã có được nhận ra theo số CCCD, hoặc theo họ tên, ngày sinh và chi bộ; thông tin khác đi thì được cập nhật "
                + "(ô để trống giữ nguyên), không khác thì bỏ qua, nên nhập lại cùng một tệp không làm thay đổi gì. "
                + "Người chưa có được thêm vào chi bộ, sinh hoạt từ ngày nhập."
        case .units: UnitRows.intro
        case .commendations: CommendationRows.intro
        case .gradings: GradingRows.intro
        }
    }
}
