@testable import App
import Domain
import Fluent
import Vapor

/// Writes the study, meeting and practice records of `IndicatorWorld`.
extension IndicatorWorld {
    static func insertStudy(_ ids: Ids, on db: any Database) async throws {
        let topic = Topic()
        topic.programmeID = try await Programme.query(on: db).filter(\.$documentNumber == "01-KL/TW").first()!.id!
        topic.unitID = ids.units["TU"]!
        topic.kind = .annual
        topic.year = 2024
        topic.endYear = 2024
        topic.title = "Chuyên đề năm"
        topic.titleFolded = VietnameseText.fold(topic.title)
        topic.description = ""
        try await topic.create(on: db)
        for (index, spec) in sessions.enumerated() {
            let session = StudySession()
            session.unitID = ids.units[spec.unit]!
            session.topicID = spec.withTopic ? topic.id : nil
            session.title = "Hội nghị \(index + 1)"
            session.heldOn = day(spec.held)
            session.format = spec.format
            session.mode = spec.mode
            session.nonMemberCount = spec.nonMembers
            session.note = ""
            try await session.create(on: db)
            for (person, status) in spec.attendance {
                try await Attendance(sessionID: session.id!, personID: ids.people[person]!, status: status).create(on: db)
            }
        }
        for spec in regularMeetings {
            for month in spec.months where !spec.skipped.contains(month) {
                let held = LocalDate(year: spec.year, month: month, day: 10)!
                try await meeting(ids.units[spec.unit]!, .regular, held, content: !spec.withoutContent.contains(month), opinions: 0, on: db)
            }
        }
        for spec in thematicMeetings {
            try await meeting(ids.units[spec.unit]!, .thematic, day(spec.held), content: true, opinions: spec.opinions, on: db)
        }
    }

    private static func meeting(_ unit: Int, _ kind: CellMeetingKind, _ held: LocalDate, content: Bool, opinions: Int, on db: any Database) async throws {
        let m = CellMeeting()
        m.unitID = unit
        m.kind = kind
        m.heldOn = held
        m.regularMonth = kind == .regular ? CellMeeting.monthKey(held) : nil
        m.durationMinutes = 90
        m.present = 10
        m.absentExcused = 0
        m.absentUnexcused = 0
        m.includedProgrammeContent = content
        m.contentNote = ""
        m.opinionsRaised = opinions
        m.summary = ""
        try await m.create(on: db)
    }

    static func insertPractice(_ ids: Ids, on db: any Database) async throws {
        for spec in personalPlans {
            let plan = PersonalPlan()
            plan.personID = ids.people[spec.person]!
            plan.unitID = ids.units[spec.unit]!
            plan.year = spec.year
            plan.status = spec.status
            plan.commitment = "Cam kết"
            plan.exemplaryCommitment = ""
            plan.submittedOn = spec.submitted.map(day)
            plan.selfAssessment = ""
            plan.assessment = spec.assessment
            plan.assessmentComment = ""
            plan.assessedOn = spec.assessment == nil ? nil : LocalDate.lastOf(year: spec.year)
            try await plan.create(on: db)
        }
        for (index, spec) in practiceModels.enumerated() {
            let model = PracticeModel()
            model.unitID = ids.units[spec.unit]!
            model.year = spec.year
            model.kind = spec.kind
            model.title = "Mô hình \(index + 1)"
            model.titleFolded = VietnameseText.fold(model.title)
            model.description = ""
            model.results = ""
            try await model.create(on: db)
        }
        for (index, spec) in exemplars.enumerated() {
            let exemplar = Exemplar()
            exemplar.unitID = ids.units[spec.unit]!
            exemplar.year = day(spec.recognised).year
            exemplar.subject = spec.subject
            exemplar.name = "Điển hình \(index + 1)"
            exemplar.story = ""
            exemplar.recognisedOn = day(spec.recognised)
            exemplar.recognisedBy = "Ban Thường vụ"
            try await exemplar.create(on: db)
        }
        for (index, spec) in outreach.enumerated() {
            let activity = OutreachActivity()
            activity.unitID = ids.units[spec.unit]!
            activity.heldOn = day(spec.held)
            activity.form = spec.form
            activity.title = "Tuyên truyền \(index + 1)"
            activity.participants = spec.participants
            activity.note = ""
            try await activity.create(on: db)
        }
        var contestIDs: [String: Int] = [:]
        for spec in contests {
            let contest = Contest()
            contest.unitID = ids.units[spec.unit]!
            contest.year = spec.year
            contest.title = "Cuộc thi \(spec.key)"
            contest.titleFolded = VietnameseText.fold(contest.title)
            contest.rounds = ""
            contest.note = ""
            try await contest.create(on: db)
            contestIDs[spec.key] = contest.id!
        }
        for (index, spec) in entries.enumerated() {
            let entry = ContestEntry()
            entry.contestID = contestIDs[spec.contest]!
            entry.unitID = ids.units[spec.unit]!
            entry.title = "Bài \(index + 1)"
            entry.result = spec.selected ? .awarded : .notMarked
            entry.prize = ""
            entry.selectedForHigherLevel = spec.selected
            try await entry.create(on: db)
        }
    }
}
