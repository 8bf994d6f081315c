/// Who a commendation (khen thưởng) is given to.
public enum CommendationRecipient: String, Codable, CaseIterable, Sendable {
    /// Tập thể: a unit of the tree.
    case unit = "don_vi"
    /// Tập thể named by text (a department, a village association…), not a unit of the tree.
    case collective = "tap_the"
    /// Cá nhân: a person.
    case person = "ca_nhan"
    /// Nhóm tác giả: several people named together.
    case authors = "nhom_tac_gia"

    public var label: String {
        switch self {
        case .unit: "Tập thể (tổ chức đảng)"
        case .collective: "Tập thể khác"
        case .person: "Cá nhân"
        case .authors: "Nhóm tác giả"
        }
    }

    /// Counted as "tập thể" in the register's counts (indicators V.1, V.2).
    public var isCollective: Bool { self == .unit || self == .collective }

    /// What the counts call it: "tập thể", "cá nhân" or "nhóm tác giả".
    public var countedAs: String {
        switch self {
        case .unit, .collective: "tập thể"
        case .person: "cá nhân"
        case .authors: "nhóm tác giả"
        }
    }
}

/// The years a commendation covers: one year (2024) or a stage (2021–2023).
public struct CommendationPeriod: Equatable, Sendable {
    public let fromYear: Int
    public let toYear: Int

    public init?(fromYear: Int, toYear: Int) {
        guard fromYear <= toYear else { return nil }
        self.fromYear = fromYear
        self.toYear = toYear
    }

    /// "2024" or "2021–2023".
    public var label: String { fromYear == toYear ? String(fromYear) : "\(fromYear)–\(toYear)" }
}

/// The counts line of the register: "15 tập thể và 18 cá nhân", with groups of authors named
/// apart, since they are neither one collective nor one person.
public enum CommendationCount {
    public static func summary(collectives: Int, individuals: Int, authorGroups: Int = 0) -> String {
        let c = VietnameseFormat.number(collectives) + " tập thể"
        let i = VietnameseFormat.number(individuals) + " cá nhân"
        guard authorGroups > 0 else { return c + " và " + i }
        return c + ", " + i + " và " + VietnameseFormat.number(authorGroups) + " nhóm tác giả"
    }
}
