import Domain

/// Who a cell's people are, which decides their ages, categories and whether they have an e-mail.
enum DemoPeopleProfile: Sendable {
    /// thôn, khu phố: older members, some youth union and association members.
    case hamlet
    /// schools and health stations: civil servants beside the members.
    case publicService
    /// provincial departments.
    case agency
    /// the staff of a committee (cơ quan Huyện ủy, Đảng ủy Khối…): cadres.
    case organ
}

/// One unit of the demo province as first founded: the parent is its parent on `founded`.
struct DemoUnitSpec: Sendable {
    let code: String
    let name: String
    let kind: String
    let attachment: UnitAttachment
    let parent: String?
    let founded: LocalDate
    /// People recorded in the unit (only cells have any).
    var people: Int = 0
    var profile: DemoPeopleProfile = .hamlet
}

/// The demo province "Lạc Hồng" (fictional): its units and the changes of its tree.
/// Codes and names are a contract: the browser tests look for TU, HU-DL, DUK and X-DL.
enum DemoProvince {
    /// The 2025 restructuring: the district level and the bloc committee end.
    static let restructuring = day("2025-07-01")
    /// A village cell changes commune after a boundary adjustment.
    static let villageMove = day("2023-04-01")
    static let origin = day("2016-01-01")

    static let units: [DemoUnitSpec] = [
        .init(code: "TU", name: "Tỉnh ủy Lạc Hồng", kind: "TINH", attachment: .other, parent: nil, founded: origin),

        .init(code: "HU-DL", name: "Huyện ủy Đông Lạc", kind: "TRUC_THUOC", attachment: .other, parent: "TU", founded: origin),
        .init(code: "HU-DL-CQ", name: "Chi bộ Cơ quan Huyện ủy Đông Lạc", kind: "CB_CO_SO", attachment: .agency, parent: "HU-DL", founded: origin, people: 14, profile: .organ),
        .init(code: "X-DL", name: "Đảng ủy xã Đông Lạc", kind: "DB_CO_SO", attachment: .commune, parent: "HU-DL", founded: origin),
        .init(code: "X-DL-01", name: "Chi bộ thôn Phú Mỹ", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DL", founded: origin, people: 36),
        .init(code: "X-DL-02", name: "Chi bộ thôn An Hòa", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DL", founded: origin, people: 28),
        .init(code: "X-DL-03", name: "Chi bộ thôn Tân Lập", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DL", founded: origin, people: 26),
        .init(code: "X-DL-04", name: "Chi bộ Trường Trung học cơ sở Đông Lạc", kind: "CB_TRUC_THUOC", attachment: .publicService, parent: "X-DL", founded: day("2018-08-15"), people: 16, profile: .publicService),
        .init(code: "X-DH", name: "Đảng ủy xã Đông Hải", kind: "DB_CO_SO", attachment: .commune, parent: "HU-DL", founded: origin),
        .init(code: "X-DH-01", name: "Chi bộ thôn Hải Bình", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DH", founded: origin, people: 30),
        .init(code: "X-DH-02", name: "Chi bộ thôn Hải Thịnh", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DH", founded: origin, people: 27),
        .init(code: "X-DH-03", name: "Chi bộ Trạm Y tế xã Đông Hải", kind: "CB_TRUC_THUOC", attachment: .publicService, parent: "X-DH", founded: day("2019-03-01"), people: 12, profile: .publicService),
        .init(code: "X-DH-04", name: "Chi bộ thôn Bến Đò", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DH", founded: origin, people: 20),
        .init(code: "X-DP", name: "Đảng ủy xã Đông Phong", kind: "DB_CO_SO", attachment: .commune, parent: "HU-DL", founded: origin),
        .init(code: "X-DP-01", name: "Chi bộ thôn Phong Nam", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DP", founded: origin, people: 29),
        .init(code: "X-DP-02", name: "Chi bộ thôn Phong Thạnh", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DP", founded: origin, people: 14),
        .init(code: "X-DP-03", name: "Chi bộ thôn Phong Lộc", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "X-DP", founded: origin, people: 11),
        .init(code: "X-DP-04", name: "Chi bộ Trường Tiểu học Đông Phong", kind: "CB_TRUC_THUOC", attachment: .publicService, parent: "X-DP", founded: origin, people: 15, profile: .publicService),

        .init(code: "DUK", name: "Đảng ủy Khối các cơ quan tỉnh", kind: "TRUC_THUOC", attachment: .agency, parent: "TU", founded: origin),
        .init(code: "DUK-CQ", name: "Chi bộ Cơ quan Đảng ủy Khối các cơ quan tỉnh", kind: "CB_CO_SO", attachment: .agency, parent: "DUK", founded: origin, people: 12, profile: .organ),
        .init(code: "CQ-VPTU", name: "Đảng bộ Văn phòng Tỉnh ủy", kind: "DB_CO_SO", attachment: .agency, parent: "DUK", founded: origin),
        .init(code: "CQ-VPTU-01", name: "Chi bộ Phòng Tổng hợp", kind: "CB_TRUC_THUOC", attachment: .agency, parent: "CQ-VPTU", founded: origin, people: 18, profile: .agency),
        .init(code: "CQ-VPTU-02", name: "Chi bộ Phòng Quản trị - Tài vụ", kind: "CB_TRUC_THUOC", attachment: .agency, parent: "CQ-VPTU", founded: origin, people: 14, profile: .agency),
        .init(code: "CQ-BTG", name: "Chi bộ Ban Tuyên giáo Tỉnh ủy", kind: "CB_CO_SO", attachment: .agency, parent: "DUK", founded: origin, people: 16, profile: .agency),
        .init(code: "CQ-BTC", name: "Chi bộ Ban Tổ chức Tỉnh ủy", kind: "CB_CO_SO", attachment: .agency, parent: "DUK", founded: origin, people: 15, profile: .agency),
        .init(code: "CQ-SGD", name: "Đảng bộ Sở Giáo dục và Đào tạo", kind: "DB_CO_SO", attachment: .agency, parent: "DUK", founded: origin),
        .init(code: "CQ-SGD-01", name: "Chi bộ Văn phòng Sở Giáo dục và Đào tạo", kind: "CB_TRUC_THUOC", attachment: .agency, parent: "CQ-SGD", founded: origin, people: 17, profile: .agency),
        .init(code: "CQ-SGD-02", name: "Chi bộ Phòng Giáo dục phổ thông", kind: "CB_TRUC_THUOC", attachment: .agency, parent: "CQ-SGD", founded: origin, people: 15, profile: .agency),
        .init(code: "CQ-SGD-03", name: "Chi bộ Phòng Tổ chức cán bộ", kind: "CB_TRUC_THUOC", attachment: .agency, parent: "CQ-SGD", founded: origin, people: 13, profile: .agency),
        .init(code: "CQ-STC", name: "Chi bộ Sở Tài chính", kind: "CB_CO_SO", attachment: .agency, parent: "DUK", founded: origin, people: 24, profile: .agency),

        .init(code: "DU-CQD", name: "Đảng ủy các cơ quan Đảng tỉnh", kind: "TRUC_THUOC", attachment: .agency, parent: "TU", founded: restructuring),
        .init(code: "DU-CQD-CQ", name: "Chi bộ Cơ quan Đảng ủy các cơ quan Đảng tỉnh", kind: "CB_CO_SO", attachment: .agency, parent: "DU-CQD", founded: restructuring),
        .init(code: "DU-UBND", name: "Đảng ủy Ủy ban nhân dân tỉnh", kind: "TRUC_THUOC", attachment: .agency, parent: "TU", founded: restructuring),

        .init(code: "TP-LH", name: "Thành ủy Lạc Hồng", kind: "TRUC_THUOC", attachment: .other, parent: "TU", founded: origin),
        .init(code: "TP-LH-CQ", name: "Chi bộ Cơ quan Thành ủy Lạc Hồng", kind: "CB_CO_SO", attachment: .agency, parent: "TP-LH", founded: origin, people: 16, profile: .organ),
        .init(code: "P-TH", name: "Đảng ủy phường Tân Hòa", kind: "DB_CO_SO", attachment: .commune, parent: "TP-LH", founded: origin),
        .init(code: "P-TH-01", name: "Chi bộ khu phố Tân Thịnh", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "P-TH", founded: origin, people: 34),
        .init(code: "P-TH-02", name: "Chi bộ khu phố Tân Phú", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "P-TH", founded: origin, people: 27),
        .init(code: "P-TH-03", name: "Chi bộ khu phố Hòa Bình", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "P-TH", founded: origin, people: 25),
        .init(code: "P-BM", name: "Đảng ủy phường Bình Minh", kind: "DB_CO_SO", attachment: .commune, parent: "TP-LH", founded: day("2020-01-01")),
        .init(code: "P-BM-01", name: "Chi bộ khu phố Minh Khai", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "P-BM", founded: day("2020-01-01"), people: 30),
        .init(code: "P-BM-02", name: "Chi bộ khu phố Rạng Đông", kind: "CB_TRUC_THUOC", attachment: .commune, parent: "P-BM", founded: day("2020-01-01"), people: 24),
        .init(code: "P-BM-03", name: "Chi bộ Trường Trung học phổ thông Bình Minh", kind: "CB_TRUC_THUOC", attachment: .publicService, parent: "P-BM", founded: day("2020-01-01"), people: 18, profile: .publicService),
    ]

    /// Moves: the unit leaves its parent and hangs under `to` from `on`; its people stay in it.
    static let moves: [(unit: String, to: String, on: LocalDate)] = [
        ("X-DH-04", "X-DP", villageMove),
        ("X-DL", "TU", restructuring), ("X-DH", "TU", restructuring), ("X-DP", "TU", restructuring),
        ("CQ-VPTU", "DU-CQD", restructuring), ("CQ-BTG", "DU-CQD", restructuring), ("CQ-BTC", "DU-CQD", restructuring),
        ("CQ-SGD", "DU-UBND", restructuring), ("CQ-STC", "DU-UBND", restructuring),
    ]

    /// Units that end; with a successor they were merged into it and their people transferred there.
    static let endings: [(unit: String, on: LocalDate, successor: String?, note: String)] = [
        ("HU-DL", restructuring, nil,
         "Kết thúc hoạt động từ ngày 1/7/2025 khi không tổ chức cấp huyện; các đảng bộ xã trực thuộc Tỉnh ủy."),
        ("HU-DL-CQ", restructuring, nil,
         "Giải thể từ ngày 1/7/2025 cùng Huyện ủy; đảng viên chuyển sinh hoạt về các đảng bộ xã và cơ quan tỉnh."),
        ("DUK", restructuring, nil,
         "Kết thúc hoạt động từ ngày 1/7/2025; các tổ chức cơ sở đảng chuyển về Đảng ủy các cơ quan Đảng tỉnh và Đảng ủy Ủy ban nhân dân tỉnh."),
        ("DUK-CQ", restructuring, "DU-CQD-CQ",
         "Hợp nhất vào Chi bộ Cơ quan Đảng ủy các cơ quan Đảng tỉnh từ ngày 1/7/2025."),
        ("X-DP-03", restructuring, "X-DP-02",
         "Sáp nhập vào Chi bộ thôn Phong Thạnh từ ngày 1/7/2025 (sáp nhập thôn Phong Lộc vào thôn Phong Thạnh)."),
    ]

    static let notes: [String: String] = [
        "X-DH-04": "Từ ngày 1/4/2023 trực thuộc Đảng ủy xã Đông Phong (điều chỉnh địa giới thôn Bến Đò).",
        "X-DL": "Từ ngày 1/7/2025 trực thuộc Tỉnh ủy.",
        "X-DH": "Từ ngày 1/7/2025 trực thuộc Tỉnh ủy.",
        "X-DP": "Từ ngày 1/7/2025 trực thuộc Tỉnh ủy.",
        "DU-CQD": "Thành lập ngày 1/7/2025 khi sắp xếp lại các đảng bộ khối của tỉnh.",
        "DU-UBND": "Thành lập ngày 1/7/2025 khi sắp xếp lại các đảng bộ khối của tỉnh.",
    ]

    static func spec(_ code: String) -> DemoUnitSpec {
        units.first { $0.code == code }!
    }

    static func ending(_ code: String) -> LocalDate? {
        endings.first { $0.unit == code }?.on
    }

    /// The versions of every unit's parent: a move ends one link on its day and starts the next;
    /// an ending closes the last link, so only living units have an open one.
    static func links() -> [DemoDataset.LinkEntry] {
        var result: [DemoDataset.LinkEntry] = []
        for unit in units {
            var parent = unit.parent
            var from = unit.founded
            for move in moves where move.unit == unit.code {
                result.append(.init(unit: unit.code, parent: parent, from: from, to: move.on))
                parent = move.to
                from = move.on
            }
            result.append(.init(unit: unit.code, parent: parent, from: from, to: ending(unit.code)))
        }
        return result
    }

    /// Units whose people are recorded in them (chi bộ), in table order.
    static var cells: [DemoUnitSpec] {
        units.filter { $0.kind == "CB_TRUC_THUOC" || $0.kind == "CB_CO_SO" }
    }
}

private func day(_ iso: String) -> LocalDate { LocalDate(iso)! }
