import Domain
import Fluent
import Foundation

/// Demo stories on the public page (/guong-sang): for 2023–2025, the year's first two exemplars
/// and first practice model, published by the unit that recorded them, and one draft not yet
/// published. Written from the records' own texts (never from a person's record).
enum DemoPublicStories {
    static let years = 2023...2025

    static func build(on db: any Database) async throws {
        var stories: [PublicStory] = []
        for year in years {
            let exemplars = try await Exemplar.query(on: db).filter(\.$year == year).sort(\.$id).range(0..<2).all()
            let model = try await PracticeModel.query(on: db).filter(\.$year == year).sort(\.$id).first()
            // Published in mid-December (03:00 UTC is 10:00 in Vietnam), one day apart.
            var day = 10
            for e in exemplars {
                let body = "\(e.name) được \(e.recognisedBy) ghi nhận là điển hình tiên tiến năm \(year).\n\n" + closing
                stories.append(story(.exemplar, unit: e.unitID, year: year, title: e.name, summary: e.story,
                                     body: body, publishedOn: (year, day)))
                stories.last!.exemplarID = e.id
                day += 1
            }
            if let model {
                stories.append(story(.practiceModel, unit: model.unitID, year: year, title: model.title,
                                     summary: model.results, body: model.description, publishedOn: (year, day)))
                stories.last!.practiceModelID = model.id
            }
        }
        // The draft: the 2025 model after the first, written but not yet published.
        if let draft = try await PracticeModel.query(on: db).filter(\.$year == 2025).sort(\.$id).range(1..<2).first() {
            stories.append(story(.practiceModel, unit: draft.unitID, year: 2025, title: draft.title,
                                 summary: draft.description, body: draft.description, publishedOn: nil))
            stories.last!.practiceModelID = draft.id
        }
        try await stories.create(on: db)
    }

    static let closing = "Tấm gương được cấp ủy ghi nhận, biểu dương và nhân rộng trong toàn Đảng bộ."

    private static func story(
        _ kind: PublicStoryKind, unit: Int, year: Int, title: String, summary: String, body: String, publishedOn: (Int, Int)?
    ) -> PublicStory {
        let s = PublicStory()
        s.kind = kind
        s.unitID = unit
        s.year = year
        s.title = title
        s.summary = summary
        s.body = body
        s.isPublished = publishedOn != nil
        s.publishedAt = publishedOn.flatMap { year, day in
            DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                           year: year, month: 12, day: day, hour: 3).date
        }
        return s
    }
}
