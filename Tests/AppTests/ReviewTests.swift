@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

/// A review drafted from the records: its prose carries the rollup's figures, it keeps the figures
/// it was written with, tells which rows changed since, and refreshes them on request.
@Suite struct ReviewTests {
    static let period = try! IndicatorPeriod(from: LocalDate("2024-01-01")!, to: LocalDate("2024-12-31")!)

    static func rollup(_ app: Application, _ ids: IndicatorWorld.Ids) async throws -> RollupTable {
        try await IndicatorTables.rollup(UnitRef(id: ids.units["TU"]!, code: "TU", name: "Tỉnh ủy Thử Nghiệm"), period, on: app.db)
    }

    @Test func draftWritesTheRollupsFiguresIntoItsParts() async throws {
        try await withTestApp { app in
            // setup
            let ids = try await ReviewTestSupport.world(app)
            var web = try await TestClient.login(app, "canbo.tu")

            // act
            let review = try await ReviewTestSupport.create(&web, app)
            let page = try await web.get(SiteURL.review(review.id).path)

            // assert
            let table = try await Self.rollup(app, ids)
            let sessions = table.total(.studySessions)!.value, participation = table.total(.studyParticipation)!.value
            let commendations = table.total(.commendations)!
            let count = { (label: String) in commendations.parts.first { $0.label == label }!.numerator }
            #expect(sessions.numerator > 0 && participation.denominator! > 0 && count("Tập thể") > 0 && count("Cá nhân") > 0)
            let rate = VietnameseFormat.percent(numerator: participation.numerator, denominator: participation.denominator!)!
            #expect(review.part1.contains("đã tổ chức \(sessions.numerator) hội nghị học tập chuyên đề, tỉ lệ cán bộ, đảng viên "
                                          + "tham gia đạt \(rate) (\(participation.numerator)/\(participation.denominator!) đảng viên)"))
            #expect(review.part1.contains("đã ban hành \(table.total(.guidanceDocuments)!.value.numerator) văn bản chỉ đạo"))
            #expect(review.part1.contains("khen thưởng \(count("Tập thể")) tập thể và \(count("Cá nhân")) cá nhân"))
            #expect(review.part1.contains("Trong năm 2024, các cấp ủy, tổ chức đảng trong Tỉnh ủy Thử Nghiệm"))
            // Part II from IndicatorWorld by hand: 2024 plans missing for A4, B (draft), B1 (returned);
            // A1 submitted 5/3 after TU's due date 28/2; B1 held 6 of 12 months; B1 and A41 missed quarters.
            #expect(review.part2.contains("- Còn 3 lượt tổ chức đảng chưa xây dựng kế hoạch thực hiện năm (gồm: Tổ chức A4, Đảng bộ B, Chi bộ B1)."))
            #expect(review.part2.contains("- 1 kế hoạch năm nộp chậm so với hạn cấp trên đặt (gồm: Chi bộ A1)."))
            #expect(review.part2.contains("- 1 chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt thường kỳ dưới 80% số tháng (thấp nhất: Chi bộ B1)."))
            #expect(review.part2.contains("- 2 chi bộ có quý không tổ chức sinh hoạt chuyên đề (gồm: Chi bộ B1, Tổ chức A41)."))
            #expect(review.appendix == table.appendix() && review.breakdown == table.breakdown())
            #expect(review.number == "Số    -BC/TU" && review.issuingBody == "BAN THƯỜNG VỤ TỈNH ỦY THỬ NGHIỆM")
            #expect(review.summary == "Kết quả thực hiện Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW năm 2024")
            #expect(page.status == .ok && page.body.string.contains("Báo cáo năm năm 2024"))
            #expect(!page.body.string.contains("Số liệu đã thay đổi"))
            let audits = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.review.rawValue).all()
            #expect(audits.map(\.action) == [Audit.Action.create.rawValue])
        }
    }

    @Test func savedFiguresStayUntilRefreshedAndTheNoticeNamesTheChangedRow() async throws {
        try await withTestApp { app in
            // setup
            let ids = try await ReviewTestSupport.world(app)
            var web = try await TestClient.login(app, "canbo.tu")
            let review = try await ReviewTestSupport.create(&web, app)
            let before = review.appendix
            let documents = try await Self.rollup(app, ids).total(.guidanceDocuments)!.value.numerator

            // act
            try await ReviewTestSupport.document(app, unit: ids.units["A1"]!, "2024-06-01")
            let changed = try await web.get(SiteURL.review(review.id).path)
            let refresh = try await web.post(SiteURL.reviewRefresh(review.id).path, [:])
            let after = try await web.get(SiteURL.review(review.id).path)

            // assert
            #expect(try await Review.find(review.id, on: app.db)!.appendix != before)
            let html = changed.body.string
            #expect(html.contains("Số liệu đã thay đổi kể từ khi lập báo cáo"))
            let notice = html.components(separatedBy: "id=\"figures-changed\"").last!.components(separatedBy: "</ul>")[0]
            let items = notice.components(separatedBy: "<li>").dropFirst()
            #expect(items.map { $0.replacingOccurrences(of: "</li>", with: "") }
                    == ["Văn bản chỉ đạo, hướng dẫn ban hành (I.1): \(documents) → \(documents + 1)"])
            #expect(refresh.status == .seeOther)
            let saved = try await Review.find(review.id, on: app.db)!
            #expect(saved.appendix == (try await Self.rollup(app, ids)).appendix())
            #expect(saved.part1 == review.part1)
            #expect(!after.body.string.contains("Số liệu đã thay đổi"))
            let audits = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.review.rawValue).sort(\.$id).all()
            #expect(audits.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            #expect(audits.last?.summary.contains("Cập nhật số liệu") == true)
        }
    }

    @Test func editedParagraphPersistsAndShowsInTheDocx() async throws {
        try await withTestApp { app in
            // setup
            try await ReviewTestSupport.world(app)
            var web = try await TestClient.login(app, "canbo.tu")
            let review = try await ReviewTestSupport.create(&web, app)
            let sentence = "Đoạn văn do cán bộ viết lại: các chi bộ đã sinh hoạt chuyên đề nền nếp hơn."
            var form = ["so": "Số 12-BC/TU", "dia-danh": "Lạc Hồng", "ngay": "2025-01-15",
                        "trich-yeu": review.summary, "co-quan": review.issuingBody, "cap-tren": "\"><script>alert(1)</script>",
                        "tm": "T/M BAN THƯỜNG VỤ", "chuc-vu": "BÍ THƯ", "nguoi-ky": "Nguyễn Văn Minh", "noi-nhan": "- Lưu Văn phòng."]
            form["phan-1"] = review.part1 + "\n\n" + sentence
            for i in 2...4 { form["phan-\(i)"] = [review.part2, review.part3, review.part4][i - 2] }

            // act
            let saved = try await web.post(SiteURL.reviewEdit(review.id).path, form)
            let bad = try await web.post(SiteURL.reviewEdit(review.id).path, form.merging(["ngay": "31/02/2025", "so": ""]) { $1 })
            let docx = try await web.get(SiteURL.reviewDocx(review.id).path)

            // assert
            #expect(saved.status == .seeOther)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Số văn bản: chưa nhập.")
                    && bad.body.string.contains("Ngày ban hành: không đúng dạng ngày") && bad.body.string.contains(sentence))
            let stored = try await Review.find(review.id, on: app.db)!
            #expect(stored.part1.hasSuffix(sentence) && stored.number == "Số 12-BC/TU" && stored.issuedOn.iso == "2025-01-15")
            #expect(docx.status == .ok)
            #expect(docx.headers.first(name: .contentDisposition)?.contains("bao-cao-nam_TU_2024-01-01_2024-12-31.docx") == true)
            let text = try ReviewTestSupport.docxText(Data(buffer: docx.body))
            #expect(text.contains(sentence) && text.contains("Số 12-BC/TU") && text.contains("Lạc Hồng, ngày 15 tháng 01 năm 2025"))
            #expect(text.contains("PHỤ LỤC") && text.contains("Nguyễn Văn Minh"))
            let page = try await web.get(SiteURL.review(review.id).path)
            #expect(page.body.string.contains(sentence) && page.body.string.contains("Lạc Hồng, ngày 15 tháng 01 năm 2025"))
            let editPage = try await web.get(SiteURL.reviewEdit(review.id).path)
            #expect(!page.body.string.contains("<script>alert(1)") && !editPage.body.string.contains("<script>alert(1)"))
            #expect(editPage.body.string.contains("&quot;&gt;&lt;script&gt;alert(1)"))
        }
    }

    @Test func workbookReadsBackAsTheSavedAppendix() async throws {
        try await withTestApp { app in
            // setup
            try await ReviewTestSupport.world(app)
            var web = try await TestClient.login(app, "canbo.tu")
            let review = try await ReviewTestSupport.create(&web, app)

            // act
            let response = try await web.get(SiteURL.reviewWorkbook(review.id).path)

            // assert
            #expect(response.status == .ok)
            let data = Data(buffer: response.body)
            let sheet = try XLSXReader.read(data, sheet: "Phụ lục")
            let appendix = review.appendix
            let header = try #require(sheet.rows.first { $0[0] == .text("STT") })
            #expect(header.cells == (["STT", "Nội dung", "Đơn vị tính"] + appendix.columns + ["Ghi chú"]).map(Cell.text))
            let body = sheet.rows.filter { $0.number > header.number }
            #expect(body.count == appendix.rows.count)
            for (row, figure) in zip(body, appendix.rows) {
                var expected: [Cell] = [.text(figure.stt), .text(figure.label), figure.unit.isEmpty ? .empty : .text(figure.unit)]
                expected += appendix.columns.indices.map { i in
                    figure.isHeading ? .empty : (figure.values[i].map(Cell.number) ?? .empty)
                }
                expected.append(figure.note.isEmpty ? .empty : .text(figure.note))
                #expect(expected.indices.map { row[$0] } == expected, "row \(figure.key)")
            }
            let units = try XLSXReader.read(data, sheet: "Theo đơn vị")
            #expect(units.rows.count == review.breakdown.rows.count + 1)
        }
    }
}
