@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Nominations on the fixture tree, through the service, and the web form's fields.
enum NominationTestSupport {
    static func access(_ app: Application, _ user: User) -> Access {
        Access(user: CurrentUser(user), db: app.db)
    }

    static let papers: [(NominationPaperKind, String)] = [
        (.submission, "Tờ trình số 12-TTr/CB ngày 5/12/2025"), (.minutes, "Biên bản họp xét ngày 4/12/2025"),
        (.achievements, "Báo cáo tóm tắt thành tích"),
    ]

    /// A draft of `unit` proposing one collective by name, with all papers listed.
    static func nomination(
        _ app: Application, by unit: OrgUnit, writer: User, title: String, achievements: String = "Hoàn thành xuất sắc nhiệm vụ"
    ) async throws -> Nomination {
        let form = try await CommendationTestSupport.formID(app, "Giấy khen")
        let access = access(app, writer)
        let draft = NominationDraft(
            unitID: unit.id!, title: title, fromYear: 2025, toYear: 2025, event: "Tổng kết năm 2025", ruleID: nil,
            candidates: [.init(kind: .collective, personID: nil, unitID: nil, name: "Tổ dân vận thử nghiệm",
                               achievements: achievements, formID: form)])
        let nomination = try await NominationService.createDraft(draft, access: access)
        try await NominationService.setPapers(nomination, papers, access: access)
        return nomination
    }

    /// The web form's fields: unit A1, one person and one collective; override any field.
    static func form(_ app: Application, person: Person, _ overrides: [String: String] = [:]) async throws -> [String: String] {
        let form = String(try await CommendationTestSupport.formID(app, "Giấy khen"))
        var fields = [
            "unit": "A1", "title": "Đề nghị khen thưởng chi bộ A1 năm 2025", "fromYear": "2025", "toYear": "", "event": "Tổng kết năm 2025",
            "c1-kind": CommendationRecipient.person.rawValue, "c1-personId": String(person.id!), "c1-unit": "", "c1-name": "",
            "c1-achievements": "Hoàn thành xuất sắc nhiệm vụ", "c1-formId": form,
            "c2-kind": CommendationRecipient.collective.rawValue, "c2-personId": "", "c2-unit": "", "c2-name": "Tổ dân vận khu phố 3",
            "c2-achievements": "Làm tốt công tác dân vận", "c2-formId": form,
            "c3-kind": "", "c3-personId": "", "c3-unit": "", "c3-name": "", "c3-achievements": "", "c3-formId": "",
        ]
        for (kind, text) in papers { fields["paper-\(kind.rawValue)"] = text }
        fields["paper-\(NominationPaperKind.other.rawValue)"] = ""
        fields.merge(overrides) { _, new in new }
        return fields
    }

    /// For `ScopeTests`: a draft proposed by B1 (editable by those who may).
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let writer = try await Fixtures.user(app, "scope.nomination.b1", .cellSecretary, unit: tree.b1)
        let n = try await nomination(app, by: tree.b1, writer: writer, title: "Đề nghị bí mật của chi bộ B1",
                                     achievements: "Thành tích đề nghị bí mật của B1")
        return (ids: ["de-nghi-khen-thuong": n.id!, "nominations": n.id!],
                secrets: ["Đề nghị bí mật của chi bộ B1", "Thành tích đề nghị bí mật"])
    }
}
