import Domain
import Fluent
import Foundation
import Vapor

/// `lamtheobac report --unit CODE --from DATE --to DATE --kind so-ket-3-nam --format docx|xlsx|json --output FILE`
/// The same review documents as the pages, without the server: drafted in memory from the
/// database's records (nothing is saved), written to a file.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "unit", help: "Mã tổ chức đảng")
        var unit: String?
        @Option(name: "from", help: "Từ ngày (18/5/2021 hoặc 2021-05-18)")
        var from: String?
        @Option(name: "to", help: "Đến ngày")
        var to: String?
        @Option(name: "kind", help: "bao-cao-nam | so-ket-3-nam | tong-ket-5-nam | tong-ket-10-nam")
        var kind: String?
        @Option(name: "format", help: "docx | xlsx | json")
        var format: String?
        @Option(name: "output", help: "Tệp ghi ra")
        var output: String?
        @Option(name: "programme", help: "Số hiệu chương trình (mặc định: chương trình đang thực hiện), ví dụ 01-KL/TW")
        var programme: String?
    }

    enum Format: String, CaseIterable {
        case docx, xlsx, json
    }

    var help: String {
        "Xuất báo cáo sơ kết, tổng kết: report --unit MÃ --from NGÀY --to NGÀY --kind LOẠI --format docx|xlsx|json --output TỆP"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let request = try Self.parse(signature)
        try await app.autoMigrate()
        try await TreeIndex.ensureFresh(on: app.db)
        let data = try await Self.produce(request, on: app.db)
        let url = URL(fileURLWithPath: request.output)
        var isDirectory: ObjCBool = false
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationFailure(field: "output", message: "Không có thư mục “\(folder)” để ghi tệp.")
        }
        do {
            try data.write(to: url)
        } catch {
            throw ValidationFailure(field: "output", message: "Không ghi được tệp “\(request.output)” (không có quyền ghi, hoặc ổ đĩa đầy).")
        }
        context.console.print("Đã ghi \(request.output) (\(VietnameseFormat.number(data.count)) byte).")
    }

    struct Request: Sendable {
        let unitCode: String
        let period: IndicatorPeriod
        let kind: ReviewKind
        let format: Format
        let output: String
        let programme: String?
    }

    /// Every option checked, each problem told in Vietnamese.
    static func parse(_ s: Signature) throws -> Request {
        var problems = InvalidInput()
        let code = VietnameseText.normalize(s.unit ?? "")
        if code.isEmpty { problems.add("unit", "--unit: chưa nhập mã tổ chức đảng.") }
        let from = ProgrammeService.requiredDate(s.from, "from", "--from (từ ngày)", &problems)
        let to = ProgrammeService.requiredDate(s.to, "to", "--to (đến ngày)", &problems)
        let kind = ReviewKind(rawValue: s.kind ?? "")
        if kind == nil {
            problems.add("kind", "--kind: loại báo cáo “\(s.kind ?? "")” không có; chọn một trong: "
                         + ReviewKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let format = Format(rawValue: (s.format ?? "").lowercased())
        if format == nil {
            problems.add("format", "--format: định dạng “\(s.format ?? "")” không có; chọn docx, xlsx hoặc json.")
        }
        let output = s.output ?? ""
        if output.isEmpty { problems.add("output", "--output: chưa nhập tên tệp ghi ra.") }
        var period: IndicatorPeriod?
        if let from, let to {
            do { period = try IndicatorPeriod(from: from, to: to) } catch { problems.add("to", InvalidInput.labelled("--to", error.message)) }
        }
        try problems.check()
        return Request(unitCode: code, period: period!, kind: kind!, format: format!, output: output, programme: s.programme)
    }

    /// The document's bytes.
    static func produce(_ r: Request, on db: any Database) async throws -> Data {
        guard let unit = try await OrgUnit.query(on: db).filter(\.$code == r.unitCode).first() else {
            throw ValidationFailure(field: "unit", message: "--unit: không tìm thấy tổ chức đảng có mã “\(r.unitCode)”.")
        }
        let programmes = Programme.query(on: db)
        if let number = r.programme { programmes.filter(\.$documentNumber == number) }
        guard let programme = try await programmes.sort(\.$startsOn, .descending).first() else {
            throw ValidationFailure(field: "programme", message: "--programme: không có chương trình “\(r.programme ?? "")”.")
        }
        let review = try await ReviewDrafting.draft(programme: programme, unit: unit, kind: r.kind, period: r.period, on: db)
        switch r.format {
        case .docx: return try ReviewDocument.docx(review)
        case .xlsx: return try ReviewDocument.xlsx(review, unitName: unit.name)
        case .json: return try ReviewDocument.json(review, unitCode: unit.code, unitName: unit.name)
        }
    }
}
