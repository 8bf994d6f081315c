import Domain
import Fluent
import Foundation

/// What a code of conduct governs (chuẩn mực đạo đức, lối sống, đạo đức nghề nghiệp, quy tắc ứng xử).
enum ConductScope: String, Codable, CaseIterable, Sendable {
    case ethicsAndLifestyle = "dao_duc_loi_song"
    case professionalEthics = "dao_duc_nghe_nghiep"
    case conductRules = "quy_tac_ung_xu"

    var label: String {
        switch self {
        case .ethicsAndLifestyle: "Chuẩn mực đạo đức, lối sống"
        case .professionalEthics: "Chuẩn mực đạo đức nghề nghiệp"
        case .conductRules: "Quy tắc ứng xử"
        }
    }
}

/// A code of conduct a unit issues (chuẩn mực đạo đức). A revision is a new code that names the
/// one it replaces; a code is in force while no later code replaces it (DESIGN.md §3, I.4).
final class ConductCode: Model, @unchecked Sendable {
    static let schema = "conduct_codes"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // references
    @Field(key: "unit_id") var unitID: Int
    /// The earlier code of the same unit that this revision replaces.
    @OptionalField(key: "replaces_id") var replacesID: Int?

    // data
    @Field(key: "scope") var scope: ConductScope
    @Field(key: "title") var title: String
    /// As entered (NFC), validated by `DocumentNumber.parse`; unique per unit.
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "issued_on") var issuedOn: LocalDate
    @Field(key: "summary") var summary: String

    init() {}
}
