@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Commendations on the fixture tree, written straight to the table or as form fields.
enum CommendationTestSupport {
    static func formID(_ app: Application, _ name: String) async throws -> Int {
        try await CommendationForm.query(on: app.db).filter(\.$name == name).first()!.id!
    }

    static func issuerID(_ app: Application, _ name: String) async throws -> Int {
        try await CommendationIssuer.query(on: app.db).filter(\.$name == name).first()!.id!
    }

    /// A commendation written straight to the table, for reading tests.
    @discardableResult
    static func commendation(
        _ app: Application, by unit: OrgUnit, kind: CommendationRecipient = .collective, recipientUnit: OrgUnit? = nil,
        person: Person? = nil, name: String = "Hội Nông dân thôn Thử Nghiệm", form: String = "Giấy khen",
        issuer: String = "Đảng ủy cơ sở", years: (Int, Int) = (2023, 2023), event: String = "",
        reason: String = "Hoàn thành xuất sắc nhiệm vụ", number: String = "15-QĐ/ĐUK", decided: String = "2024-01-15"
    ) async throws -> Commendation {
        let c = Commendation()
        c.unitID = unit.id!
        c.formID = try await formID(app, form)
        c.issuerID = try await issuerID(app, issuer)
        c.recipientKind = kind
        c.recipientUnitID = recipientUnit?.id
        c.personID = person?.id
        c.recipientName = recipientUnit?.name ?? person?.fullName ?? name
        c.fromYear = years.0
        c.toYear = years.1
        c.event = event
        c.eventFolded = VietnameseText.fold(event)
        c.reason = reason
        c.decisionNumber = number
        c.decidedOn = LocalDate(decided)!
        try await c.create(on: app.db)
        return c
    }

    /// The web form's fields for a collective named by text; override any field.
    static func form(_ app: Application, _ overrides: [String: String] = [:]) async throws -> [String: String] {
        var fields = [
            "unit": "A", "formId": String(try await formID(app, "Giấy khen")),
            "issuerId": String(try await issuerID(app, "Đảng ủy cơ sở")), "recipientKind": CommendationRecipient.collective.rawValue,
            "recipientName": "Hội Cựu chiến binh phường Thử Nghiệm", "fromYear": "2023", "toYear": "",
            "event": "Tổng kết năm 2023", "reason": "Có thành tích xuất sắc", "decisionNumber": "15-QĐ/ĐUK", "decidedOn": "2024-01-10",
        ]
        fields.merge(overrides) { _, new in new }
        return fields
    }

    static func json(_ body: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    /// For `ScopeTests`: a commendation recorded by B1 for a person of B1; a form and an issuer for
    /// the administrators' edit pages (everyone else gets 403 there).
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let c = try await commendation(app, by: tree.b1, name: "Tập thể bí mật được khen của B1",
                                       reason: "Thành tích khen thưởng bí mật của B1")
        return (ids: ["khen-thuong": c.id!, "commendations": c.id!,
                      "hinh-thuc-khen-thuong": try await formID(app, "Bằng khen"),
                      "cap-khen-thuong": try await issuerID(app, "Thủ tướng Chính phủ")],
                secrets: ["Tập thể bí mật được khen", "Thành tích khen thưởng bí mật"])
    }
}
