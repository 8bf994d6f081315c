import Foundation
import NIOConcurrencyHelpers
import Spreadsheets
import Vapor

/// What a file can be imported as (nhập dữ liệu từ tệp), with the columns it reads.
enum ImportKind: String, CaseIterable, Codable, Sendable {
    /// Sinh hoạt chi bộ: one meeting a row, for the cells in the account's scope.
    case cellMeetings = "sinh_hoat_chi_bo"
    /// Điểm danh: one expected member a row, for one study session.
    case attendance = "diem_danh"
    /// Cán bộ, đảng viên: one person a row, in the units of the account's scope.
    case people = "can_bo_dang_vien"
    /// Tổ chức đảng: one unit a row, matched by code, under parents in the account's scope.
    case units = "to_chuc_dang"
    /// Khen thưởng: one commendation a row, recorded by units in the account's scope.
    case commendations = "khen_thuong"
    /// Xếp loại chất lượng: one grade a row (a member or an organisation), on the grading sheet
    /// of its unit and year.
    case gradings = "xep_loai"

    var label: String {
        switch self {
        case .cellMeetings: "Sinh hoạt chi bộ"
        case .attendance: "Điểm danh hội nghị học tập"
        case .people: "Cán bộ, đảng viên"
        case .units: "Tổ chức đảng"
        case .commendations: "Khen thưởng"
        case .gradings: "Xếp loại chất lượng"
        }
    }

    var columns: [ColumnSpec] {
        switch self {
        case .cellMeetings: CellMeetingRows.columns
        case .attendance: AttendanceRows.columns
        case .people: PeopleRows.columns
        case .units: UnitRows.columns
        case .commendations: CommendationRows.columns
        case .gradings: GradingRows.columns
        }
    }

    var templateURL: SiteURL {
        switch self {
        case .cellMeetings: .cellMeetingImportTemplate
        case .attendance: .attendanceImportTemplate
        case .people: .peopleImportTemplate
        case .units: .unitImportTemplate
        case .commendations: .commendationImportTemplate
        case .gradings: .gradingImportTemplate
        }
    }

    var templateFilename: String {
        switch self {
        case .cellMeetings: "mau-nhap-sinh-hoat-chi-bo.csv"
        case .attendance: "mau-nhap-diem-danh.csv"
        case .people: "mau-nhap-can-bo-dang-vien.csv"
        case .units: "mau-nhap-to-chuc-dang.csv"
        case .commendations: "mau-nhap-khen-thuong.csv"
        case .gradings: "mau-nhap-xep-loai.csv"
        }
    }

    /// A CSV with the exact headers the import reads, for people to fill in.
    var template: Data { CSVWriter.data(rows: [columns.map(\.title)]) }
}

/// What an import needs besides the file, kept with the pending upload.
struct ImportParams: Codable, Sendable, Equatable {
    /// The study session whose attendance the file marks.
    var sessionID: Int?
    /// Header cells of the file the person mapped to a column of the kind ("Tên ĐV" → "fullName"),
    /// as written; used by the preview and the confirmation alike.
    var mapping: [String: String] = [:]

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    init(sessionID: Int? = nil, mapping: [String: String] = [:]) {
        self.sessionID = sessionID
        self.mapping = mapping
    }

    /// Pending imports saved before mappings existed hold only the session.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sessionID = try c.decodeIfPresent(Int.self, forKey: .sessionID)
        mapping = try c.decodeIfPresent([String: String].self, forKey: .mapping) ?? [:]
    }

    /// The mapping as `HeaderMatcher` reads it (folded header → column key), checked against
    /// the kind's columns: an unknown column or two headers on one column is a Vietnamese error.
    func headerMapping(_ kind: ImportKind) throws -> [String: String] {
        do {
            return try HeaderMatcher.resolve(mapping: mapping.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, columns: kind.columns)
        } catch let error as ColumnMappingError {
            throw ValidationFailure(field: "mapping", message: error.description)
        }
    }

    init(json: String) {
        self = (try? JSONDecoder().decode(Self.self, from: Data(json.utf8))) ?? Self()
    }
}

/// A file as uploaded.
struct ImportUpload: Sendable {
    let filename: String
    let data: Data
    /// Its limits and progress; the web's by default.
    var run = ImportRun()
    /// Folded header → column key: the columns the person mapped (`ImportParams.headerMapping`).
    var mapping: [String: String] = [:]
    /// What the header row held that no column took, noted while the file is read.
    let headers = HeaderNotes()

    init(filename: String, data: Data, run: ImportRun = ImportRun(), mapping: [String: String] = [:]) {
        self.filename = filename
        self.data = data
        self.run = run
        self.mapping = mapping
    }
}

/// The header cells of an upload that name no column of its kind: each kind's plan reads the
/// file through `ImportService.open`, which notes them here for the preview page's mapping form.
final class HeaderNotes: Sendable {
    private let box = NIOLockedValueBox<[String]>([])

    var unrecognised: [String] {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}
