@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Header cells an import does not know, mapped to its columns by the person: on the preview
/// page, kept for the confirmation, and with `--cot` on the command line.
@Suite struct ImportMappingTests {
    static let rows = [
        "STT,Tên ĐV,Ngày sinh,Giới tính,Mã CB,Đối tượng,Quê quán",
        "1,Nguyễn Văn Ánh,12/3/1985,Nam,A1,Đảng viên,Bình Định",
        "2,Trần Thị Bích,1/1/1990,Nữ,A1,Đảng viên,Phú Yên",
    ]

    /// The mapping form's address and its (header, select name) pairs, read from the page.
    static func form(in html: String) -> (action: String?, headers: [String]) {
        let action = html.range(of: #"/nhap-du-lieu/[0-9]+/cot"#, options: .regularExpression).map { String(html[$0]) }
        var headers: [String] = []
        var rest = html[...]
        while let range = rest.range(of: #"name="tieu-de-[0-9]+" value=""#, options: .regularExpression) {
            let value = rest[range.upperBound...].prefix { $0 != "\"" }
            headers.append(String(value))
            rest = rest[range.upperBound...]
        }
        return (action, headers)
    }

    @Test func theWebMapsUnknownHeadersAndTheConfirmationUsesTheMapping() async throws {
        try await withTestApp { app in
            // setup
            let w = try await ImportPeopleTests.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let before = try await Person.query(on: app.db).count()

            // act: upload; a mapping naming one column twice; one naming a column the kind lacks; the right one
            let refused = try await web.upload(SiteURL.peopleImport.path, filename: "dv.csv", data: ImportTestSupport.csv(Self.rows))
            let (action, headers) = Self.form(in: refused.body.string)
            let path = try #require(action)
            let twice = try await web.post(path, ["tieu-de-0": "Tên ĐV", "cot-0": "fullName", "tieu-de-1": "Mã CB", "cot-1": "fullName"])
            let unknown = try await web.post(path, ["tieu-de-0": "Tên ĐV", "cot-0": "khongco", "tieu-de-1": "Mã CB", "cot-1": "unit"])
            let mapped = try await web.post(path, ["tieu-de-0": "Tên ĐV", "cot-0": "fullName", "tieu-de-1": "Mã CB", "cot-1": "unit",
                                                   "tieu-de-2": "Quê quán", "cot-2": ""])
            let pending = try #require(try await PendingImport.query(on: app.db).first())
            let confirm = try #require(ImportTestSupport.confirmPath(in: mapped.body.string))
            let done = try await web.post(confirm, [:])

            // assert: the missing columns are named, the unknown headers offered (numbering left out)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Dòng tiêu đề thiếu cột “Họ và tên”, “Chi bộ”."))
            #expect(headers == ["Tên ĐV", "Mã CB", "Quê quán"])
            #expect(refused.body.string.contains(">Không dùng</option><option value=\"fullName\">Họ và tên (bắt buộc)</option>"))
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains(
                "Hai cột “Mã CB” và “Tên ĐV” của tệp cùng được gán cho cột “Họ và tên”; mỗi cột chỉ gán một lần."))
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("Cột “khongco” (gán cho “Tên ĐV”) không có trong loại dữ liệu này"))
            #expect(mapped.status == .ok)
            #expect(ImportTestSupport.lines(in: mapped.body.string).map { $0[1] } == ["Thêm mới", "Thêm mới"])
            #expect(ImportParams(json: pending.params).mapping == ["Tên ĐV": "fullName", "Mã CB": "unit"])
            #expect(done.status == .seeOther)
            #expect(try await Person.query(on: app.db).count() == before + 2)
            let anh = try #require(try await Person.query(on: app.db).filter(\.$fullName == "Nguyễn Văn Ánh").first())
            #expect(anh.birthDate == LocalDate("1985-03-12"))
            // another account cannot use the kept file
            try await Fixtures.user(app, "canbo.khac", .officer, unit: w.tree.a)
            var other = try await TestClient.login(app, "canbo.khac")
            let second = try await web.upload(SiteURL.peopleImport.path, filename: "dv.csv", data: ImportTestSupport.csv(Self.rows))
            #expect(try await other.post(try #require(Self.form(in: second.body.string).action), ["tieu-de-0": "Tên ĐV", "cot-0": "fullName"]).status == .notFound)
        }
    }

    @Test func theCommandLineMapsWithCot() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ImportPeopleTests.world(app)
            let path = try ImportCommandTests.file(Self.rows, name: "dv.csv")
            let before = try await Person.query(on: app.db).count()

            // act
            let unmapped = await ImportCommandTests.run(app, ["nguoi", path, "--as", "canbo.a"])
            let wrong = await ImportCommandTests.run(app, ["nguoi", path, "--as", "canbo.a", "--cot", "Tên ĐV=Quê quán"])
            let twice = await ImportCommandTests.run(app, ["nguoi", path, "--as", "canbo.a", "--cot", "Tên ĐV=Họ và tên", "--cot", "Mã CB=ho ten"])
            let mapped = await ImportCommandTests.run(app, ["nguoi", path, "--as", "canbo.a", "--cot", "ten dv=Họ và tên", "--cot=Mã CB=Mã chi bộ"])

            // assert
            #expect(unmapped.error != nil && unmapped.output.contains("Dòng tiêu đề thiếu cột “Họ và tên”, “Chi bộ”."))
            #expect("\(wrong.error.map(String.init(describing:)) ?? "")".contains("Cột “Quê quán” (gán cho “Tên ĐV”) không có trong loại dữ liệu này"))
            #expect("\(twice.error.map(String.init(describing:)) ?? "")".contains("cùng được gán cho cột “Họ và tên”"))
            #expect(mapped.error == nil && mapped.output.contains("Đã nhập: 2 thêm mới, 0 cập nhật, 0 bỏ qua."))
            #expect(try await Person.query(on: app.db).count() == before + 2)
        }
    }
}
