import Foundation
import Spreadsheets

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

    var label: String {
        switch self {
        case .cellMeetings: "Sinh hoạt chi bộ"
        case .attendance: "Điểm danh hội nghị học tập"
        case .people: "Cán bộ, đảng viên"
        case .units: "Tổ chức đảng"
        case .commendations: "Khen thưởng"
        }
    }

    var columns: [ColumnSpec] {
        switch self {
        case .cellMeetings: CellMeetingRows.columns
        case .attendance: AttendanceRows.columns
        case .people: PeopleRows.columns
        case .units: UnitRows.columns
        case .commendations: CommendationRows.columns
        }
    }

    var templateURL: SiteURL {
        switch self {
        case .cellMeetings: .cellMeetingImportTemplate
        case .attendance: .attendanceImportTemplate
        case .people: .peopleImportTemplate
        case .units: .unitImportTemplate
        case .commendations: .commendationImportTemplate
        }
    }

    var templateFilename: String {
        switch self {
        case .cellMeetings: "mau-nhap-sinh-hoat-chi-bo.csv"
        case .attendance: "mau-nhap-diem-danh.csv"
        case .people: "mau-nhap-can-bo-dang-vien.csv"
        case .units: "mau-nhap-to-chuc-dang.csv"
        case .commendations: "mau-nhap-khen-thuong.csv"
        }
    }

    /// A CSV with the exact headers the import reads, for people to fill in.
    var template: Data { CSVWriter.data(rows: [columns.map(\.title)]) }
}

/// What an import needs besides the file, kept with the pending upload.
struct ImportParams: Codable, Sendable, Equatable {
    /// The study session whose attendance the file marks.
    var sessionID: Int?

    var json: String {
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    init(sessionID: Int? = nil) {
        self.sessionID = sessionID
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
}
