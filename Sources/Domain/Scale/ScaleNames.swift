/// Names of a generated province's units: Vietnamese place names made from common syllables,
/// the same for the same index, so codes and names never depend on anything but the seed.
public enum ScaleNames {
    public static let province = "Hồng Lĩnh"

    static let syllables = [
        "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Lộc",
        "Phước", "Thuận", "Hải", "Sơn", "Hồng", "Lạc", "Minh", "Quang", "Trung", "Vĩnh", "Xuân", "Thọ", "Đức",
        "Thịnh", "Thành", "Khánh", "Lợi", "Nghĩa", "Phong", "Quý", "Tiến", "Yên", "Cát", "Định", "Hiệp", "Kim",
    ]

    static let agencies = [
        "Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Y tế", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
        "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương", "Bệnh viện Đa khoa", "Trường Cao đẳng Y tế",
        "Công ty Điện lực", "Công ty Cấp nước", "Kho bạc Nhà nước", "Báo", "Đài Phát thanh và Truyền hình",
        "Trường Chính trị", "Ban Quản lý dự án", "Công ty Cổ phần Môi trường đô thị",
    ]

    static let offices = [
        "Văn phòng", "Phòng Tổ chức – Hành chính", "Phòng Kế hoạch – Tài chính", "Phòng Nghiệp vụ",
        "Phòng Kỹ thuật", "Khoa Nội", "Khoa Ngoại", "Tổ Văn – Sử", "Tổ Toán – Tin", "Phân xưởng Sản xuất",
        "Đội Kiểm tra", "Phòng Tuyên truyền",
    ]

    /// A place name: two syllables.
    public static func place(_ i: Int) -> String {
        let a = syllables[i % syllables.count], b = syllables[(i / syllables.count + i * 7 + 3) % syllables.count]
        return a == b ? "\(a) \(syllables[(i + 1) % syllables.count])" : "\(a) \(b)"
    }

    /// An agency or enterprise: its kind and a place.
    public static func agency(_ i: Int) -> String {
        "\(agencies[i % agencies.count]) \(place(i / agencies.count + 11))"
    }

    public static func office(_ i: Int) -> String {
        i < offices.count ? offices[i] : "\(offices[i % offices.count]) \(i / offices.count + 1)"
    }

    /// `n` with leading zeros to `width` digits.
    public static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// What a branch is: a district committee (the level that ends in 2025), a town, a bloc, an enterprise.
    public enum BranchKind: Sendable {
        case district, town, bloc, enterprise

        static func of(_ index: Int) -> BranchKind {
            [.town, .bloc, .enterprise][index % 3]
        }

        public var prefix: String {
            switch self {
            case .district: "H"
            case .town: "T"
            case .bloc: "K"
            case .enterprise: "D"
            }
        }

        public var attachment: UnitAttachment {
            switch self {
            case .district, .town: .other
            case .bloc: .agency
            case .enterprise: .enterprise
            }
        }

        public func name(_ place: String) -> String {
            switch self {
            case .district: "Huyện ủy \(place)"
            case .town: "Thị ủy \(place)"
            case .bloc: "Đảng ủy Khối \(place)"
            case .enterprise: "Đảng ủy Tổng công ty \(place)"
            }
        }
    }
}
