import Domain
import Fluent
import Vapor

/// Study materials of a topic: the topic's materials page with the upload form, downloads, and
/// removal. Uploads are the one page route taking a large body (`TopicMaterialService.bodyLimit`).
struct TopicMaterialController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.topicMaterials(nil).pattern, use: show)
        routes.postUpload(SiteURL.topicMaterials(nil).pattern, maxBytes: TopicMaterialService.bodyLimit, use: upload)
        routes.get(SiteURL.topicMaterial(nil).pattern, use: download)
        routes.post(SiteURL.topicMaterialRemove(nil).pattern, use: remove)
    }

    /// The upload form's fields (multipart/form-data).
    struct UploadForm: Content {
        var title: String?
        var file: File?
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let topic = try await TopicMaterialService.readableTopic(req.parameters.get("id", as: Int.self), access: access)
        return try await page(req, topic, title: "", errors: FormErrors())
    }

    func upload(req: Request) async throws -> Response {
        let access = try req.access
        let topic = try await TopicMaterialService.readableTopic(req.parameters.get("id", as: Int.self), access: access)
        try await access.requireWrite(unit: topic.unitID)
        // A post that is not multipart (or has no file part) is an upload without a file.
        let form = (try? req.content.decode(UploadForm.self)) ?? UploadForm()
        let upload = MaterialUpload(
            title: form.title, filename: form.file?.filename, data: form.file.map { Data(buffer: $0.data) })
        do {
            let material = try await TopicMaterialService.create(on: topic, upload, access: access)
            return req.redirect(to: .topicMaterials(topic.id), flash: "Đã thêm tài liệu “\(material.title)”.")
        } catch let problems as InvalidInput {
            return try await page(req, topic, title: form.title ?? "", errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func download(req: Request) async throws -> Response {
        let material = try await TopicMaterialService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
        return FileDownload.response(material.data, filename: material.filename, type: material.contentType)
    }

    func remove(req: Request) async throws -> Response {
        let (topic, title) = try await TopicMaterialService.remove(req.parameters.get("id", as: Int.self), access: try req.access)
        return req.redirect(to: .topicMaterials(topic.id), flash: "Đã xóa tài liệu “\(title)”.")
    }

    private func page(_ req: Request, _ topic: Topic, title: String, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let canWrite = access.user.role.writesUnitRecords ? try await access.canSee(unit: topic.unitID) : false
        let chrome = req.chrome("Tài liệu học tập: \(topic.title)", section: .programmes)
        let model = TopicMaterialsModel(
            topicID: topic.id!, topicTitle: topic.title, topicKind: topic.kind, topicYears: topic.yearsText,
            unitName: try await OrgUnit.find(topic.unitID, on: req.db)?.name ?? "",
            programmeID: topic.programmeID,
            programmeNumber: try await Programme.find(topic.programmeID, on: req.db)?.documentNumber ?? "",
            materials: try await TopicMaterialService.list(topicID: topic.id!, on: req.db),
            canWrite: canWrite, title: title, errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, TopicMaterialsView.render(model), status: status)
    }
}
