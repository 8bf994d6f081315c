import Domain
import Fluent
import Foundation
import Vapor

extension PersonService {
    /// A unit as the caller names it: by code in forms, by id in the API. Carries the field name
    /// either way, so a missing value is reported against the field the caller sent.
    enum UnitRef: Sendable {
        case code(String?, field: String = "unitCode")
        case id(Int?, field: String = "unitId")

        var field: String {
            switch self {
            case .code(_, let field), .id(_, let field): field
            }
        }
    }

    /// A person's own facts as entered; the unit is set only on creation (then by transfers).
    struct PersonInput: Sendable {
        var fullName: String?
        var category: String?
        var gender: String?
        var birthDate: String?
        var identityNumber: String?
        var phone: String?
        var email: String?
        var partyJoinedOn: String?
        var partyOfficialOn: String?
        var note: String?
    }

    /// The checked facts, ready to write.
    struct PersonFields: Sendable {
        var fullName: String
        var category: PersonCategory
        var gender: Gender?
        var birthDate: LocalDate?
        var identityNumber: String?
        var phone: String
        var email: String
        var partyJoinedOn: LocalDate?
        var partyOfficialOn: LocalDate?
        var note: String

        /// The folded name and the sort key always follow the name.
        var nameFolded: String { VietnameseText.fold(fullName) }
        var sortKey: String { VietnameseText.sortKey(fullName: fullName) }

        /// Writes the fields.
        func apply(to person: Person) {
            person.fullName = fullName
            person.nameFolded = nameFolded
            person.sortKey = sortKey
            person.category = category
            person.gender = gender
            person.birthDate = birthDate
            person.identityNumber = identityNumber
            person.phone = phone
            person.email = email
            person.partyJoinedOn = partyJoinedOn
            person.partyOfficialOn = partyOfficialOn
            person.note = note
        }
    }

    /// Checks a person's facts. `excluding` is the person being edited, for the uniqueness of
    /// the identity number.
    func check(_ input: PersonInput, excluding personID: Int?, into check: inout Check, today: LocalDate = .today()) async throws -> PersonFields {
        var taken = false
        let identity = Self.identityDigits(input.identityNumber)
        if Self.isIdentityNumber(identity) {
            var duplicate = Person.query(on: db).filter(\.$identityNumber == identity)
            if let personID { duplicate = duplicate.filter(\.$id != personID) }
            taken = try await duplicate.first() != nil
        }
        return Self.rules(input, into: &check, today: today, identityTaken: { _ in taken })
    }

    /// "0123 456 789" as typed → "0123456789": what the identity number is compared and stored as.
    static func identityDigits(_ raw: String?) -> String {
        let text = VietnameseText.normalize(raw ?? "")
        return text.utf8.contains(0x20) ? text.replacingOccurrences(of: " ", with: "") : text
    }

    /// 9 (old card) or 12 (citizen identity) ASCII digits.
    static func isIdentityNumber(_ digits: String) -> Bool {
        digits.allSatisfy { $0.isASCII && $0.isNumber } && [9, 12].contains(digits.count)
    }

    /// The person form's rules, for one form or many rows alike: `identityTaken` says whether a
    /// well-formed identity number is already someone else's (the database's answer, looked up
    /// by the caller one at a time or for a whole file at once).
    static func rules(_ input: PersonInput, into check: inout Check, today: LocalDate, identityTaken: (String) -> Bool) -> PersonFields {
        let fullName = check.text(input.fullName, field: "fullName", label: "Họ và tên", required: true, maxLength: 120)
        var category = PersonCategory.partyMember
        let rawCategory = VietnameseText.normalize(input.category ?? "")
        if rawCategory.isEmpty {
            check.fail("category", "Loại: vui lòng chọn một loại (đảng viên, cán bộ…).")
        } else if let value = PersonCategory(rawValue: rawCategory) {
            category = value
        } else {
            check.fail("category", "Loại “\(rawCategory)” không hợp lệ.")
        }
        var gender: Gender?
        let rawGender = VietnameseText.normalize(input.gender ?? "")
        if !rawGender.isEmpty {
            gender = Gender(rawValue: rawGender)
            if gender == nil { check.fail("gender", "Giới tính không hợp lệ: chọn Nam hoặc Nữ.") }
        }
        let birthDate = check.date(input.birthDate, field: "birthDate", label: "Ngày sinh")
        if let birthDate, birthDate > today {
            check.fail("birthDate", "Ngày sinh không được sau ngày hôm nay.")
        }

        var identityNumber: String?
        let rawIdentity = identityDigits(input.identityNumber)
        if !rawIdentity.isEmpty {
            if !isIdentityNumber(rawIdentity) {
                check.fail("identityNumber", "Số CCCD/CMND phải gồm 9 hoặc 12 chữ số.")
            } else {
                if identityTaken(rawIdentity) {
                    check.fail("identityNumber", "Số CCCD/CMND \(rawIdentity) đã có trong hồ sơ của người khác.")
                }
                identityNumber = rawIdentity
            }
        }

        let phone = check.text(input.phone, field: "phone", label: "Số điện thoại", maxLength: 15)
        if !phone.isEmpty {
            let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
            if !phone.allSatisfy({ isDigit($0) || $0 == "+" || $0 == " " }) || !phone.contains(where: isDigit) {
                check.fail("phone", "Số điện thoại chỉ gồm chữ số, dấu + và khoảng trắng (tối đa 15 ký tự).")
            }
        }
        let email = check.text(input.email, field: "email", label: "Thư điện tử", maxLength: 254)
        if !email.isEmpty, email.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s.]+$"#, options: .regularExpression) == nil {
            check.fail("email", "Thư điện tử không đúng dạng (ví dụ: ten@donvi.vn).")
        }

        let joined = check.date(input.partyJoinedOn, field: "partyJoinedOn", label: "Ngày vào Đảng")
        let official = check.date(input.partyOfficialOn, field: "partyOfficialOn", label: "Ngày chính thức")
        if let joined, let birthDate, joined <= birthDate {
            check.fail("partyJoinedOn", "Ngày vào Đảng phải sau ngày sinh.")
        }
        if let official {
            if let joined, official < joined {
                check.fail("partyOfficialOn", "Ngày chính thức không được trước ngày vào Đảng (\(VietnameseFormat.date(joined))).")
            } else if joined == nil, input.partyJoinedOn.map(VietnameseText.normalize)?.isEmpty ?? true {
                check.fail("partyJoinedOn", "Ngày vào Đảng: vui lòng nhập khi đã có ngày chính thức.")
            }
        }
        let note = check.text(input.note, field: "note", label: "Ghi chú", maxLength: 2000)
        return PersonFields(
            fullName: fullName, category: category, gender: gender, birthDate: birthDate,
            identityNumber: identityNumber, phone: phone, email: email, partyJoinedOn: joined,
            partyOfficialOn: official, note: note)
    }

    /// Resolves a unit the account may read. Unknown and out-of-scope units get the same message.
    func unit(_ ref: UnitRef, label: String, into check: inout Check) async throws -> OrgUnit? {
        switch ref {
        case .code(let raw, let field):
            let found = try await visibleUnit(code: raw ?? "")
            return Self.unit(code: raw, field: field, label: label, into: &check) { _ in found }
        case .id(let id, let field):
            guard let id else {
                check.fail(field, "\(label): vui lòng cho biết mã số tổ chức đảng.")
                return nil
            }
            guard let unit = try await visibleUnit(id: id) else {
                check.fail(field, "\(label): không tìm thấy tổ chức đảng số \(id) trong phạm vi của bạn.")
                return nil
            }
            return unit
        }
    }

    /// A unit typed by its code, found by `visible` (nil for unknown and out-of-scope codes alike).
    static func unit(code raw: String?, field: String, label: String, into check: inout Check, visible: (String) -> OrgUnit?) -> OrgUnit? {
        let code = VietnameseText.normalize(raw ?? "")
        guard !code.isEmpty else {
            check.fail(field, "\(label): vui lòng nhập mã tổ chức đảng.")
            return nil
        }
        guard let unit = visible(code) else {
            check.fail(field, "\(label): không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn.")
            return nil
        }
        return unit
    }
}
