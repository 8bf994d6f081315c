import Domain
import Fluent
import Foundation

/// The channel of an outreach activity (hình thức tuyên truyền), as the review reports group them.
enum OutreachForm: String, Codable, CaseIterable, Sendable {
    case press = "bao_chi"
    case broadcast = "phat_thanh_truyen_hinh"
    case socialMedia = "mang_xa_hoi"
    case cultureAndSports = "van_hoa_van_nghe_the_thao"
    case conference = "hoi_nghi"

    var label: String {
        switch self {
        case .press: "Báo chí"
        case .broadcast: "Phát thanh – truyền hình"
        case .socialMedia: "Mạng xã hội"
        case .cultureAndSports: "Văn hóa – văn nghệ – thể thao"
        case .conference: "Hội nghị"
        }
    }
}

/// One outreach activity (hoạt động tuyên truyền) of a unit, with the people it reached counted
/// as lượt người (a person reached twice counts twice), as the reports of indicator IV.1 do.
final class OutreachActivity: Model, @unchecked Sendable {
    static let schema = "outreach_activities"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // references
    @Field(key: "unit_id") var unitID: Int

    // data
    @Field(key: "held_on") var heldOn: LocalDate
    @Field(key: "form") var form: OutreachForm
    @Field(key: "title") var title: String
    @Field(key: "participants") var participants: Int
    @Field(key: "note") var note: String

    init() {}
}
