import Domain
import Fluent
import Foundation

/// How a study session was held (hình thức): in a hall, online, or both.
enum StudyFormat: String, CaseIterable, Codable, Sendable {
    case inPerson = "truc_tiep"
    case online = "truc_tuyen"
    case hybrid = "ket_hop"

    var label: String {
        switch self {
        case .inPerson: "Trực tiếp"
        case .online: "Trực tuyến"
        case .hybrid: "Kết hợp trực tiếp và trực tuyến"
        }
    }
}

/// How a grassroots unit organised the study (cách thức): its own meeting, within the cell's
/// monthly meeting, or by sending the material by e-mail or a messaging group.
enum StudyMode: String, CaseIterable, Codable, Sendable {
    case plenary = "tap_trung"
    case inCellMeeting = "long_ghep_sinh_hoat"
    case materialsSent = "gui_tai_lieu"

    var label: String {
        switch self {
        case .plenary: "Tập trung"
        case .inCellMeeting: "Lồng ghép vào sinh hoạt chi bộ"
        case .materialsSent: "Gửi tài liệu qua thư điện tử hoặc nhóm nhắn tin"
        }
    }
}

/// One member's attendance at a study session (điểm danh).
enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case present = "co_mat"
    case excused = "vang_co_ly_do"
    case unexcused = "vang_khong_ly_do"

    var label: String {
        switch self {
        case .present: "Có mặt"
        case .excused: "Vắng có lý do"
        case .unexcused: "Vắng không lý do"
        }
    }
}

/// A conference or session studying a topic (hội nghị học tập, quán triệt chuyên đề), organised
/// by one unit for the members of the units it names.
final class StudySession: Model, @unchecked Sendable {
    static let schema = "study_sessions"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // references
    /// The organising unit; the session is its record (DESIGN.md §2).
    @Field(key: "unit_id") var unitID: Int
    @OptionalField(key: "topic_id") var topicID: Int?

    // data
    @Field(key: "title") var title: String
    @Field(key: "held_on") var heldOn: LocalDate
    @Field(key: "format") var format: StudyFormat
    @Field(key: "mode") var mode: StudyMode
    /// Lượt quần chúng: people outside the Party who attended, counted, not named.
    @Field(key: "non_member_count") var nonMemberCount: Int
    @Field(key: "note") var note: String

    init() {}
}

/// A unit whose members (of its whole subtree) are expected at a session.
final class StudySessionUnit: Model, @unchecked Sendable {
    static let schema = "study_session_units"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "session_id") var sessionID: Int
    @Field(key: "unit_id") var unitID: Int

    init() {}

    init(sessionID: Int, unitID: Int) {
        self.sessionID = sessionID
        self.unitID = unitID
    }
}

/// A member's mark at a session; one per (session, person).
final class Attendance: Model, @unchecked Sendable {
    static let schema = "attendances"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "session_id") var sessionID: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "status") var status: AttendanceStatus

    init() {}

    init(sessionID: Int, personID: Int, status: AttendanceStatus) {
        self.sessionID = sessionID
        self.personID = personID
        self.status = status
    }
}
