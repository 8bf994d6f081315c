import Domain

/// Vietnamese names drawn from common family, middle and given names. The weights follow the
/// rough shares of family names (Nguyễn about a third), so searches such as "Nguyễn Văn" or
/// "Đức" find many people, as they would in a real province.
enum DemoNames {
    static let families: [(String, Int)] = [
        ("Nguyễn", 31), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4), ("Phan", 4),
        ("Vũ", 4), ("Võ", 4), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2), ("Ngô", 2), ("Dương", 1), ("Lý", 1),
    ]

    static let maleMiddles: [(String, Int)] = [
        ("Văn", 40), ("Đức", 10), ("Hữu", 8), ("Minh", 8), ("Quang", 6), ("Công", 6), ("Đình", 6),
        ("Thanh", 5), ("Xuân", 4), ("Ngọc", 3), ("Tấn", 3), ("Quốc", 3),
    ]

    static let femaleMiddles: [(String, Int)] = [
        ("Thị", 50), ("Ngọc", 8), ("Thanh", 8), ("Hồng", 6), ("Thu", 6), ("Minh", 5), ("Kim", 5),
        ("Mỹ", 4), ("Bích", 3), ("Phương", 3),
    ]

    static let maleGivens = [
        "An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Minh", "Nam",
        "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Tú", "Tuấn", "Việt", "Hoàng", "Khoa", "Lâm", "Thành",
        "Trung", "Vinh", "Hưng", "Toàn", "Đạt", "Huy", "Kiên", "Lộc", "Phong", "Thịnh",
    ]

    static let femaleGivens = [
        "Anh", "Ánh", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc",
        "Thảo", "Trang", "Vân", "Yến", "Hằng", "Huyền", "Loan", "Nhung", "Phương", "Thủy", "Tâm",
        "Dung", "Hiền", "Liên", "Oanh", "Quyên", "Thư", "Uyên",
    ]

    /// A full name not in `used` (a few tries, then any), which it records.
    static func make(_ gender: Gender, used: inout Set<String>, using rng: inout DemoRandom) -> String {
        var name = ""
        var tries = 0
        while true {
            let family = rng.weighted(families)
            let middle = rng.weighted(gender == .male ? maleMiddles : femaleMiddles)
            let given = rng.pick(gender == .male ? maleGivens : femaleGivens)
            if middle == given { continue }
            name = "\(family) \(middle) \(given)"
            tries += 1
            if !used.contains(name) || tries == 20 { break }
        }
        used.insert(name)
        return name
    }

    /// "annv" for Nguyễn Văn An: given name, then the initials of the family and middle names, the
    /// way offices in Vietnam usually form mailbox names.
    static func mailbox(_ fullName: String) -> String {
        let words = VietnameseText.fold(fullName).split(separator: " ")
        guard let given = words.last else { return "" }
        return String(given) + words.dropLast().compactMap { $0.first.map(String.init) }.joined()
    }
}
