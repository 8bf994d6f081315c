import Domain
import Fluent
import SQLKit
import Vapor

/// A material as lists show it: everything but the bytes.
struct TopicMaterialInfo: Sendable, Decodable {
    let id: Int
    let topicID: Int
    let title: String
    let filename: String
    let contentType: String
    let size: Int
    let sha256: String
    let createdAt: Date
    let username: String

    enum CodingKeys: String, CodingKey {
        case id, title, filename, size, sha256, username
        case topicID = "topic_id"
        case contentType = "content_type"
        case createdAt = "created_at"
    }
}

/// An upload as received: the file's name and bytes, the title typed (may be empty).
struct MaterialUpload: Sendable {
    var title: String?
    var filename: String?
    var data: Data?
}

/// What the audit log keeps of a material: the file's identity, not its bytes.
struct TopicMaterialSnapshot: Codable, Sendable {
    let topicID: Int
    let title: String
    let filename: String
    let contentType: String
    let size: Int
    let sha256: String

    init(_ m: TopicMaterial) {
        topicID = m.topicID
        title = m.title
        filename = m.filename
        contentType = m.contentType
        size = m.size
        sha256 = m.sha256
    }
}

/// Study materials attached to topics. Whoever reads a topic (its province's subtree, and the
/// units below it reading from above) reads and downloads its materials; the writers of the
/// topic's province add and remove them.
enum TopicMaterialService {
    /// The largest file accepted: 20 MB (a recorded lecture or a scanned booklet).
    static let maxBytes = 20 * 1024 * 1024
    /// The upload route's body limit: the file, the other fields and the multipart framing.
    static let bodyLimit = maxBytes + 64 * 1024
    static let titleLimit = 300

    /// A topic the account reads; 404 otherwise.
    static func readableTopic(_ id: Int?, access: Access) async throws -> Topic {
        guard let id, let topic = try await Topic.find(id, on: access.db),
              try await access.canSeeFromAbove(unit: topic.unitID)
        else { throw Abort(.notFound) }
        return topic
    }

    /// A material with its bytes, when the account reads its topic; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> TopicMaterial {
        guard let id, let material = try await TopicMaterial.find(id, on: access.db) else { throw Abort(.notFound) }
        _ = try await readableTopic(material.topicID, access: access)
        return material
    }

    /// The topic's materials, oldest first, without loading their bytes.
    static func list(topicID: Int, on db: any Database) async throws -> [TopicMaterialInfo] {
        try await (db as! any SQLDatabase).select()
            .columns("id", "topic_id", "title", "filename", "content_type", "size", "sha256", "created_at", "username")
            .from(TopicMaterial.schema).where("topic_id", .equal, topicID)
            .orderBy("created_at").orderBy("id")
            .all(decoding: TopicMaterialInfo.self)
    }

    /// How many materials each of `topicIDs` has (topics without any are left out).
    static func counts(topicIDs: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !topicIDs.isEmpty else { return [:] }
        struct Row: Decodable { let topic_id: Int; let n: Int }
        let rows = try await (db as! any SQLDatabase).select()
            .column("topic_id").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(TopicMaterial.schema).where("topic_id", .in, topicIDs).groupBy("topic_id")
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.topic_id, $0.n) })
    }

    static func create(on topic: Topic, _ upload: MaterialUpload, access: Access) async throws -> TopicMaterial {
        try await access.requireWrite(unit: topic.unitID)
        let material = try validated(upload)
        material.topicID = topic.id!
        material.createdAt = Date()
        material.username = access.user.username
        try await access.db.transaction { tx in
            try await material.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .topicMaterial, id: material.id, unit: topic.unitID,
                summary: "Thêm tài liệu “\(material.title)” (\(material.filename)) vào chuyên đề “\(topic.title)”",
                after: TopicMaterialSnapshot(material))
        }
        return material
    }

    /// Removes a material; returns its topic, for the page to go back to, and its title.
    static func remove(_ id: Int?, access: Access) async throws -> (topic: Topic, title: String) {
        guard let id, let material = try await TopicMaterial.find(id, on: access.db),
              let topic = try await Topic.find(material.topicID, on: access.db)
        else { throw Abort(.notFound) }
        guard try await access.canSeeFromAbove(unit: topic.unitID) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: topic.unitID)
        try await access.db.transaction { tx in
            try await material.delete(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .remove, .topicMaterial, id: id, unit: topic.unitID,
                summary: "Xóa tài liệu “\(material.title)” (\(material.filename)) của chuyên đề “\(topic.title)”",
                before: TopicMaterialSnapshot(material))
        }
        return (topic, material.title)
    }

    /// The material an upload makes, or every problem with it.
    private static func validated(_ upload: MaterialUpload) throws -> TopicMaterial {
        var problems = InvalidInput()
        let filename = MaterialFilename.clean(upload.filename ?? "")
        let data = upload.data ?? Data()
        var type: MaterialFileType?
        if filename.isEmpty || data.isEmpty {
            problems.add("file", filename.isEmpty ? "Tệp: chưa chọn tệp." : "Tệp: tệp “\(filename)” rỗng.")
        } else if data.count > maxBytes {
            problems.add("file", "Tệp: lớn hơn \(megabytes(maxBytes)) (tệp này \(megabytes(data.count, roundingUp: true))).")
        } else if let found = MaterialFileType(filename: filename) {
            if found.matches(data) {
                type = found
            } else {
                problems.add("file", "Tệp: nội dung của “\(filename)” không phải là tệp .\(found.rawValue) như tên tệp cho biết.")
            }
        } else {
            problems.add("file", "Tệp: chỉ nhận \(MaterialFileType.allowedText); “\(filename)” không thuộc các loại đó.")
        }
        var title = VietnameseText.normalize(upload.title ?? "")
        if title.isEmpty { title = filename.lastIndex(of: ".").map { String(filename[..<$0]) } ?? filename }
        if title.count > titleLimit { problems.add("title", "Tên tài liệu: dài quá \(titleLimit) ký tự.") }
        try problems.check()

        let material = TopicMaterial()
        material.title = title
        material.filename = filename
        material.contentType = type!.contentType
        material.size = data.count
        material.sha256 = SHA256.hash(data: data).hex
        material.data = data
        return material
    }

    /// "20 MB", "1,5 MB", "340 KB". `roundingUp`: a size just over a limit never reads as the limit.
    static func megabytes(_ bytes: Int, roundingUp: Bool = false) -> String {
        if bytes < 1024 * 1024 { return VietnameseFormat.number(max(1, (bytes + 512) / 1024)) + " KB" }
        var mb = Double(bytes) / Double(1024 * 1024)
        if roundingUp { mb = (mb * 10).rounded(.up) / 10 }
        let text = VietnameseFormat.number(mb, fractionDigits: 1)
        return (text.hasSuffix(",0") ? String(text.dropLast(2)) : text) + " MB"
    }
}
