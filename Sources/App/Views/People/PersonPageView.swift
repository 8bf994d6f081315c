import Domain
import Plot

/// `GET /nguoi/:id`: a person's facts, where they have belonged, the posts they hold.
enum PersonPageView {
    struct Model: Sendable {
        let detail: PersonService.Detail
        /// Edit, transfer and position actions are offered.
        let canWrite: Bool
        /// Unit pages exist for this account (a member account has none).
        let linksUnits: Bool
        let csrf: String
    }

    static func render(_ model: Model) -> Markup {
        let p = model.detail.person
        let id = p.id ?? 0
        let actions: Markup = model.canWrite
            ? H.el("div", ["class": "actions"],
                   H.a(SiteURL.personEdit(id).path, "Sửa thông tin", class: "button"),
                   H.a(SiteURL.personTransfer(id).path, "Chuyển sinh hoạt", class: "button"),
                   H.a(SiteURL.personPositions(id).path, "Thêm chức vụ", class: "button"))
            : .empty
        return H.group([
            H.h1(p.fullName),
            actions,
            facts(p, unit: model.detail.currentUnit, linksUnits: model.linksUnits),
            H.h2("Quá trình sinh hoạt"),
            H.table(id: "memberships", headers: ["Đơn vị", "Từ ngày", "Đến ngày", "Ghi chú"],
                    rows: model.detail.memberships.reversed().map(membershipRow),
                    empty: "Chưa có quá trình sinh hoạt."),
            H.h2("Chức vụ"),
            positionsTable(model.detail.positions, personID: id, canEnd: model.canWrite, csrf: model.csrf),
        ])
    }

    static func facts(_ p: PersonSnapshot, unit: PersonService.UnitChoice?, linksUnits: Bool) -> Markup {
        func text(_ s: String?) -> Markup { H.text((s?.isEmpty ?? true) ? "—" : s!) }
        let unitCell: Markup = unit.map { u in
            linksUnits ? H.a(SiteURL.unit(u.id).path, u.name) : H.text(u.name)
        } ?? H.text("—")
        var rows: [(String, Markup)] = [
            ("Họ và tên", H.text(p.fullName)),
            ("Loại", H.text(p.category.label)),
            ("Giới tính", text(p.gender?.label)),
            ("Ngày sinh", H.text(PeopleFields.date(p.birthDate))),
            ("Số CCCD/CMND", text(p.identityNumber)),
            ("Số điện thoại", text(p.phone)),
            ("Thư điện tử", text(p.email)),
            ("Ngày vào Đảng", H.text(PeopleFields.date(p.partyJoinedOn))),
            ("Ngày chính thức", H.text(PeopleFields.date(p.partyOfficialOn))),
            ("Đơn vị sinh hoạt", unitCell),
        ]
        if !p.note.isEmpty { rows.append(("Ghi chú", H.text(p.note))) }
        return H.facts(rows)
    }

    private static func membershipRow(_ m: PersonService.MembershipRow) -> Markup {
        H.row([
            H.text(m.unitName),
            H.text(VietnameseFormat.date(m.from)),
            H.text(m.to.map(VietnameseFormat.date) ?? "nay"),
            H.text(m.note),
        ], attributes: ["data-membership-id": String(m.id)])
    }

    /// The positions with, for each one still held, a small form to end it on a date.
    static func positionsTable(_ positions: [PersonService.PositionRow], personID: Int, canEnd: Bool, csrf: String) -> Markup {
        var headers = ["Chức vụ", "Đơn vị", "Từ ngày", "Đến ngày"]
        if canEnd { headers.append("Kết thúc chức vụ") }
        let rows = positions.reversed().map { pos -> Markup in
            var cells: [Markup] = [
                H.text(pos.title.label),
                H.text(pos.unitName),
                H.text(VietnameseFormat.date(pos.from)),
                H.text(pos.to.map(VietnameseFormat.date) ?? "nay"),
            ]
            if canEnd { cells.append(pos.isOpen ? endForm(pos, personID: personID, csrf: csrf) : .empty) }
            return H.row(cells, attributes: ["data-position-id": String(pos.id)])
        }
        return H.table(id: "positions", headers: headers, rows: rows, empty: "Chưa có chức vụ.")
    }

    private static func endForm(_ pos: PersonService.PositionRow, personID: Int, csrf: String) -> Markup {
        Form.post(action: SiteURL.personPositions(personID).path, csrf: csrf, class: "inline end-position", [
            Form.hidden("action", "end"),
            Form.hidden("position", String(pos.id)),
            H.el("input", ["type": "date", "name": "on", "required": "",
                           "aria-label": "Ngày kết thúc chức vụ \(pos.title.label), \(pos.unitName)"]),
            Form.submit("Kết thúc", class: "button"),
        ])
    }
}
