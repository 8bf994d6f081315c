import Vapor

/// Every page's address, used both to register routes and to build links, so no path is written
/// twice. A case with a nil id gives the route pattern (`:id`); with an id, the link.
enum SiteURL: Equatable {
    case home
    case login
    case logout
    case health
    case units
    case unitNew
    case unit(Int?)
    case unitEdit(Int?)
    case unitMove(Int?)
    case unitMerge(Int?)
    case unitDissolve(Int?)
    case people
    case personNew
    case person(Int?)
    case personEdit(Int?)
    case personTransfer(Int?)
    case personPositions(Int?)
    case programmes
    case programmeNew
    case programme(Int?)
    case programmeEdit(Int?)
    case topicNew
    case topicEdit(Int?)
    case documents
    case documentNew
    case document(Int?)
    case documentEdit(Int?)
    case audit
    case auditEntry(Int?)
    case users
    case userNew
    case userEdit(Int?)
    case tokens
    case tokenRevoke(Int?)
    case password
    case stylesheet
    case records
    // Programme records (sinh hoạt chi bộ, học tập, chuẩn mực, tuyên truyền, mô hình, điển hình, cuộc thi)
    case cellMeetings
    case cellMeetingNew
    case cellMeeting(Int?)
    case cellMeetingEdit(Int?)
    case studySessions
    case studySessionNew
    case studySession(Int?)
    case studySessionEdit(Int?)
    case studySessionAttendance(Int?)
    case conductCodes
    case conductCodeNew
    case conductCode(Int?)
    case conductCodeEdit(Int?)
    case outreach
    case outreachNew
    case outreachActivity(Int?)
    case outreachEdit(Int?)
    case practiceModels
    case practiceModelNew
    case practiceModel(Int?)
    case practiceModelEdit(Int?)
    case exemplars
    case exemplarNew
    case exemplar(Int?)
    case exemplarEdit(Int?)
    case contests
    case contestNew
    case contest(Int?)
    case contestEdit(Int?)
    case contestEntryNew(Int?)
    case contestEntryEdit(Int?)
    // MARK: helper A: unit plans, goals, due dates
    case unitPlans
    case unitPlanNew
    case unitPlan(Int?)
    case unitPlanEdit(Int?)
    case unitPlanAction(Int?)
    case goalNew(Int?)
    case goal(Int?)
    case goalEdit(Int?)
    case goalNote(Int?)
    case dueDates
    case dueDateNew
    case dueDateEdit(Int?)
    // MARK: helper B: personal plans
    case personalPlans
    case personalPlan(Int?)
    case personalPlanEdit(Int?)
    case personalPlanAssessment
    case personalPlansFromTemplate
    case personPersonalPlan(Int?)
    case myPlan
    case planTemplate
    // MARK: helper C: indicators
    case indicators
    // MARK: helper D: imports
    case imports
    case cellMeetingImport
    case cellMeetingImportTemplate
    case attendanceImportTemplate
    case attendanceImport(Int?)
    case importConfirm(Int?)
    case peopleImport
    case peopleImportTemplate
    // MARK: helper E: deadlines, study materials
    case deadlines
    case topicMaterials(Int?)
    case topicMaterial(Int?)
    case topicMaterialRemove(Int?)
    // MARK: helper F: commendations
    case commendations
    case commendationNew
    case commendation(Int?)
    case commendationEdit(Int?)
    case commendationVocabulary
    case commendationFormNew
    case commendationFormEdit(Int?)
    case commendationIssuerNew
    case commendationIssuerEdit(Int?)
    // MARK: helper G: grading
    case gradings
    case gradingSheet(Int?)
    case gradingSheetSubmit(Int?)
    case gradingSheetReopen(Int?)
    case gradingRegimes
    case gradingRegimeEdit(Int?)
    case gradingYear
    case myGradings
    // MARK: helper N: nominations, suggestions
    case nominations
    case nominationNew
    case nomination(Int?)
    case nominationEdit(Int?)
    case nominationAction(Int?)
    case suggestions
    case suggestionRules
    case suggestionRuleNew
    case suggestionRuleEdit(Int?)
    // MARK: helper P: public page of exemplars
    case publicStories
    case publicStoryNew
    case publicStory(Int?)
    case publicStoryEdit(Int?)
    case publicStoryPublish(Int?)
    case publicStoryUnpublish(Int?)
    case publicExemplars
    case publicExemplarsFeed
    case publicExemplar(Int?)
    // MARK: helper I: indicator rollups
    case indicatorsWorkbook
    // MARK: helper V: review reports
    case reviews
    case reviewNew
    case review(Int?)
    case reviewEdit(Int?)
    case reviewRefresh(Int?)
    case reviewDocx(Int?)
    case reviewWorkbook(Int?)
    // MARK: helper H: dashboard
    case dashboard
    // MARK: helper J: gradings import, column mapping
    case gradingImport
    case gradingImportTemplate
    case importMapping(Int?)
    case gradingsXlsx
    case gradingsCsv
    // MARK: helper U: imports of units and commendations
    case unitImport
    case unitImportTemplate
    case commendationImport
    case commendationImportTemplate
    case unitsXlsx
    case unitsCsv
    case commendationsXlsx
    case commendationsCsv
    // MARK: helper E: exports
    case peopleXlsx
    case peopleCsv

    var path: String {
        func id(_ value: Int?) -> String { value.map(String.init) ?? ":id" }
        switch self {
        case .home: return "/"
        case .login: return "/dang-nhap"
        case .logout: return "/dang-xuat"
        case .health: return "/healthz"
        case .units: return "/don-vi"
        case .unitNew: return "/don-vi/moi"
        case .unit(let v): return "/don-vi/\(id(v))"
        case .unitEdit(let v): return "/don-vi/\(id(v))/sua"
        case .unitMove(let v): return "/don-vi/\(id(v))/chuyen"
        case .unitMerge(let v): return "/don-vi/\(id(v))/sap-nhap"
        case .unitDissolve(let v): return "/don-vi/\(id(v))/giai-the"
        case .people: return "/nguoi"
        case .personNew: return "/nguoi/moi"
        case .person(let v): return "/nguoi/\(id(v))"
        case .personEdit(let v): return "/nguoi/\(id(v))/sua"
        case .personTransfer(let v): return "/nguoi/\(id(v))/chuyen-sinh-hoat"
        case .personPositions(let v): return "/nguoi/\(id(v))/chuc-vu"
        case .programmes: return "/chuong-trinh"
        case .programmeNew: return "/chuong-trinh/moi"
        case .programme(let v): return "/chuong-trinh/\(id(v))"
        case .programmeEdit(let v): return "/chuong-trinh/\(id(v))/sua"
        case .topicNew: return "/chuyen-de/moi"
        case .topicEdit(let v): return "/chuyen-de/\(id(v))/sua"
        case .documents: return "/van-ban"
        case .documentNew: return "/van-ban/moi"
        case .document(let v): return "/van-ban/\(id(v))"
        case .documentEdit(let v): return "/van-ban/\(id(v))/sua"
        case .audit: return "/nhat-ky"
        case .auditEntry(let v): return "/nhat-ky/\(id(v))"
        case .users: return "/tai-khoan"
        case .userNew: return "/tai-khoan/moi"
        case .userEdit(let v): return "/tai-khoan/\(id(v))/sua"
        case .tokens: return "/khoa-api"
        case .tokenRevoke(let v): return "/khoa-api/\(id(v))/thu-hoi"
        case .password: return "/doi-mat-khau"
        case .stylesheet: return "/static/app.css"
        case .records: return "/thuc-hien"
        case .cellMeetings: return "/sinh-hoat-chi-bo"
        case .cellMeetingNew: return "/sinh-hoat-chi-bo/moi"
        case .cellMeeting(let v): return "/sinh-hoat-chi-bo/\(id(v))"
        case .cellMeetingEdit(let v): return "/sinh-hoat-chi-bo/\(id(v))/sua"
        case .studySessions: return "/hoc-tap"
        case .studySessionNew: return "/hoc-tap/moi"
        case .studySession(let v): return "/hoc-tap/\(id(v))"
        case .studySessionEdit(let v): return "/hoc-tap/\(id(v))/sua"
        case .studySessionAttendance(let v): return "/hoc-tap/\(id(v))/diem-danh"
        case .conductCodes: return "/chuan-muc"
        case .conductCodeNew: return "/chuan-muc/moi"
        case .conductCode(let v): return "/chuan-muc/\(id(v))"
        case .conductCodeEdit(let v): return "/chuan-muc/\(id(v))/sua"
        case .outreach: return "/tuyen-truyen"
        case .outreachNew: return "/tuyen-truyen/moi"
        case .outreachActivity(let v): return "/tuyen-truyen/\(id(v))"
        case .outreachEdit(let v): return "/tuyen-truyen/\(id(v))/sua"
        case .practiceModels: return "/mo-hinh"
        case .practiceModelNew: return "/mo-hinh/moi"
        case .practiceModel(let v): return "/mo-hinh/\(id(v))"
        case .practiceModelEdit(let v): return "/mo-hinh/\(id(v))/sua"
        case .exemplars: return "/dien-hinh"
        case .exemplarNew: return "/dien-hinh/moi"
        case .exemplar(let v): return "/dien-hinh/\(id(v))"
        case .exemplarEdit(let v): return "/dien-hinh/\(id(v))/sua"
        case .contests: return "/cuoc-thi"
        case .contestNew: return "/cuoc-thi/moi"
        case .contest(let v): return "/cuoc-thi/\(id(v))"
        case .contestEdit(let v): return "/cuoc-thi/\(id(v))/sua"
        case .contestEntryNew(let v): return "/cuoc-thi/\(id(v))/bai-du-thi"
        case .contestEntryEdit(let v): return "/bai-du-thi/\(id(v))/sua"
        // MARK: helper A: unit plans, goals, due dates
        case .unitPlans: return "/ke-hoach"
        case .unitPlanNew: return "/ke-hoach/moi"
        case .unitPlan(let v): return "/ke-hoach/\(id(v))"
        case .unitPlanEdit(let v): return "/ke-hoach/\(id(v))/sua"
        case .unitPlanAction(let v): return "/ke-hoach/\(id(v))/xu-ly"
        case .goalNew(let v): return "/ke-hoach/\(id(v))/dot-pha/moi"
        case .goal(let v): return "/dot-pha/\(id(v))"
        case .goalEdit(let v): return "/dot-pha/\(id(v))/sua"
        case .goalNote(let v): return "/dot-pha/\(id(v))/tien-do"
        case .dueDates: return "/han-nop"
        case .dueDateNew: return "/han-nop/moi"
        case .dueDateEdit(let v): return "/han-nop/\(id(v))/sua"
        // MARK: helper B: personal plans
        case .personalPlans: return "/ke-hoach-ca-nhan"
        case .personalPlan(let v): return "/ke-hoach-ca-nhan/\(id(v))"
        case .personalPlanEdit(let v): return "/ke-hoach-ca-nhan/\(id(v))/sua"
        case .personalPlanAssessment: return "/ke-hoach-ca-nhan/danh-gia"
        case .personalPlansFromTemplate: return "/ke-hoach-ca-nhan/tao-tu-mau"
        case .personPersonalPlan(let v): return "/nguoi/\(id(v))/ke-hoach-ca-nhan"
        case .myPlan: return "/ke-hoach-cua-toi"
        case .planTemplate: return "/mau-ke-hoach"
        // MARK: helper C: indicators
        case .indicators: return "/chi-tieu"
        // MARK: helper D: imports
        case .imports: return "/nhap-du-lieu"
        case .cellMeetingImport: return "/nhap-du-lieu/sinh-hoat-chi-bo"
        case .cellMeetingImportTemplate: return "/nhap-du-lieu/sinh-hoat-chi-bo/mau.csv"
        case .attendanceImportTemplate: return "/nhap-du-lieu/diem-danh/mau.csv"
        case .attendanceImport(let v): return "/hoc-tap/\(id(v))/nhap-diem-danh"
        case .importConfirm(let v): return "/nhap-du-lieu/\(id(v))/xac-nhan"
        case .peopleImport: return "/nhap-du-lieu/can-bo-dang-vien"
        case .peopleImportTemplate: return "/nhap-du-lieu/can-bo-dang-vien/mau.csv"
        // MARK: helper E: deadlines, study materials
        case .deadlines: return "/han-can-lam"
        case .topicMaterials(let v): return "/chuyen-de/\(id(v))/tai-lieu"
        case .topicMaterial(let v): return "/tai-lieu/\(id(v))"
        case .topicMaterialRemove(let v): return "/tai-lieu/\(id(v))/xoa"
        // MARK: helper F: commendations
        case .commendations: return "/khen-thuong"
        case .commendationNew: return "/khen-thuong/moi"
        case .commendation(let v): return "/khen-thuong/\(id(v))"
        case .commendationEdit(let v): return "/khen-thuong/\(id(v))/sua"
        case .commendationVocabulary: return "/danh-muc-khen-thuong"
        case .commendationFormNew: return "/danh-muc-khen-thuong/hinh-thuc"
        case .commendationFormEdit(let v): return "/hinh-thuc-khen-thuong/\(id(v))/sua"
        case .commendationIssuerNew: return "/danh-muc-khen-thuong/cap-khen"
        case .commendationIssuerEdit(let v): return "/cap-khen-thuong/\(id(v))/sua"
        // MARK: helper G: grading
        case .gradings: return "/xep-loai"
        case .gradingSheet(let v): return "/xep-loai/\(id(v))"
        case .gradingSheetSubmit(let v): return "/xep-loai/\(id(v))/nop"
        case .gradingSheetReopen(let v): return "/xep-loai/\(id(v))/mo-lai"
        case .gradingRegimes: return "/quy-dinh-xep-loai"
        case .gradingRegimeEdit(let v): return "/quy-dinh-xep-loai/\(id(v))/sua"
        case .gradingYear: return "/quy-dinh-xep-loai/nam"
        case .myGradings: return "/xep-loai-cua-toi"
        // MARK: helper N: nominations, suggestions
        case .nominations: return "/de-nghi-khen-thuong"
        case .nominationNew: return "/de-nghi-khen-thuong/moi"
        case .nomination(let v): return "/de-nghi-khen-thuong/\(id(v))"
        case .nominationEdit(let v): return "/de-nghi-khen-thuong/\(id(v))/sua"
        case .nominationAction(let v): return "/de-nghi-khen-thuong/\(id(v))/xu-ly"
        case .suggestions: return "/de-xuat-khen-thuong"
        case .suggestionRules: return "/quy-tac-de-xuat"
        case .suggestionRuleNew: return "/quy-tac-de-xuat/moi"
        case .suggestionRuleEdit(let v): return "/quy-tac-de-xuat/\(id(v))/sua"
        // MARK: helper P: public page of exemplars
        case .publicStories: return "/bai-cong-khai"
        case .publicStoryNew: return "/bai-cong-khai/moi"
        case .publicStory(let v): return "/bai-cong-khai/\(id(v))"
        case .publicStoryEdit(let v): return "/bai-cong-khai/\(id(v))/sua"
        case .publicStoryPublish(let v): return "/bai-cong-khai/\(id(v))/cong-bo"
        case .publicStoryUnpublish(let v): return "/bai-cong-khai/\(id(v))/thoi-cong-bo"
        case .publicExemplars: return "/guong-sang"
        case .publicExemplarsFeed: return "/guong-sang/atom.xml"
        case .publicExemplar(let v): return "/guong-sang/\(id(v))"
        // MARK: helper I: indicator rollups
        case .indicatorsWorkbook: return "/chi-tieu/phu-luc.xlsx"
        // MARK: helper V: review reports
        case .reviews: return "/so-ket-tong-ket"
        case .reviewNew: return "/so-ket-tong-ket/moi"
        case .review(let v): return "/so-ket-tong-ket/\(id(v))"
        case .reviewEdit(let v): return "/so-ket-tong-ket/\(id(v))/sua"
        case .reviewRefresh(let v): return "/so-ket-tong-ket/\(id(v))/cap-nhat-so-lieu"
        case .reviewDocx(let v): return "/so-ket-tong-ket/\(id(v))/bao-cao.docx"
        case .reviewWorkbook(let v): return "/so-ket-tong-ket/\(id(v))/phu-luc.xlsx"
        // MARK: helper H: dashboard
        case .dashboard: return "/tong-quan"
        // MARK: helper J: gradings import, column mapping
        case .gradingImport: return "/nhap-du-lieu/xep-loai"
        case .gradingImportTemplate: return "/nhap-du-lieu/xep-loai/mau.csv"
        case .importMapping(let v): return "/nhap-du-lieu/\(id(v))/cot"
        case .gradingsXlsx: return "/xep-loai/danh-sach.xlsx"
        case .gradingsCsv: return "/xep-loai/danh-sach.csv"
        // MARK: helper U: imports of units and commendations
        case .unitImport: return "/nhap-du-lieu/to-chuc-dang"
        case .unitImportTemplate: return "/nhap-du-lieu/to-chuc-dang/mau.csv"
        case .commendationImport: return "/nhap-du-lieu/khen-thuong"
        case .commendationImportTemplate: return "/nhap-du-lieu/khen-thuong/mau.csv"
        case .unitsXlsx: return "/don-vi/danh-sach.xlsx"
        case .unitsCsv: return "/don-vi/danh-sach.csv"
        case .commendationsXlsx: return "/khen-thuong/danh-sach.xlsx"
        case .commendationsCsv: return "/khen-thuong/danh-sach.csv"
        // MARK: helper E: exports
        case .peopleXlsx: return "/nguoi/danh-sach.xlsx"
        case .peopleCsv: return "/nguoi/danh-sach.csv"
        }
    }

    /// Path components for route registration.
    var pattern: [PathComponent] { path.pathComponents }

    /// The link with a query string; values are percent-encoded.
    func with(_ query: [(String, String?)]) -> String {
        var components = URLComponents()
        components.path = path
        let items = query.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: key, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }

    static func login(next: String?) -> String {
        SiteURL.login.with([("next", next)])
    }
}
