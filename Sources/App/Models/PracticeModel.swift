import Domain
import Fluent
import Foundation

/// The three kinds of good-practice model a unit registers (DESIGN.md §1, indicator III.3).
enum PracticeModelKind: String, Codable, CaseIterable, Sendable {
    case skilledOutreach = "dan_van_kheo"
    case goodModel = "mo_hinh_hay"
    case effectivePractice = "cach_lam_hieu_qua"

    var label: String {
        switch self {
        case .skilledOutreach: "Mô hình “Dân vận khéo”"
        case .goodModel: "Mô hình hay"
        case .effectivePractice: "Cách làm hiệu quả"
        }
    }
}

/// A good-practice model (mô hình "Dân vận khéo", mô hình hay, cách làm hiệu quả) a unit
/// registers for a year, with the results it reports.
final class PracticeModel: Model, @unchecked Sendable {
    static let schema = "practice_models"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @Field(key: "kind") var kind: PracticeModelKind
    @Field(key: "title") var title: String
    @Field(key: "title_folded") var titleFolded: String
    @Field(key: "description") var description: String
    @Field(key: "results") var results: String

    init() {}
}
