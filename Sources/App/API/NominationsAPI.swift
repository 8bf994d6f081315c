import Domain
import Fluent
import Vapor

/// /api/v1/nominations: nominations for commendation and their way up the tree.
enum NominationsAPI {
    static let tag = "Đề nghị khen thưởng"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/nominations", operationID: "listNominations",
            summary: "Đề nghị khen thưởng của các đơn vị trong phạm vi, mới nhất trước", tag: tag,
            query: [
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm cuối của thời gian đề nghị"),
                ("status", .enumeration(NominationStatus.allCases.map(\.rawValue)), "Trạng thái"),
                ("awaitingMine", .boolean, "Chỉ những đề nghị đang chờ đơn vị của tài khoản xem xét"),
            ] + Paging.parameters,
            result: .list(NominationDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = NominationFilter()
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            filter.status = req.query[String.self, at: "status"].flatMap(NominationStatus.init(rawValue:))
            filter.awaitingMine = req.query[String.self, at: "awaitingMine"] == "true"
            let result = try await NominationService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            return Page(items: result.lines.map(NominationDTO.init), total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/nominations", operationID: "createNomination", summary: "Lập đề nghị khen thưởng (dự thảo)",
            tag: tag, body: .json(NominationBody.self), result: .object(NominationDetailDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(NominationBody.self)
            let nomination = try await NominationService.createDraft(try await body.draft(access: access), access: access)
            if let papers = body.papers, !papers.isEmpty {
                try await NominationService.setPapers(nomination, papers.compactMap { p in
                    NominationPaperKind(rawValue: p.kind).map { ($0, p.description) }
                }, access: access)
            }
            return try await detail(nomination, access: access)
        }

        api.on(APIOperation(
            method: .GET, path: "/nominations/{id}", operationID: "getNomination",
            summary: "Một đề nghị, với đối tượng, hồ sơ và quá trình xử lý", tag: tag,
            result: .object(NominationDetailDTO.self))) { req in
            let access = try req.access
            let nomination = try await NominationService.readable(req.parameters.get("id", as: Int.self), access: access)
            return try await detail(nomination, access: access)
        }

        api.on(APIOperation(
            method: .POST, path: "/nominations/{id}/actions", operationID: "actOnNomination",
            summary: "Gửi (đơn vị đề nghị), trả lại, chuyển lên hoặc ra quyết định (cấp đang xem xét); trả lại phải có lý do",
            tag: tag, body: .json(NominationActionBody.self), result: .object(NominationDetailDTO.self), conflicts: true)) { req in
            let access = try req.access
            let nomination = try await NominationService.readable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(NominationActionBody.self)
            guard let action = NominationAction(rawValue: body.action ?? "") else {
                throw ValidationFailure(field: "action", message: "Thao tác: phải là một trong "
                                        + NominationAction.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            try await NominationService.act(nomination, action, comment: body.comment ?? "",
                                            decision: action == .decide ? body.decision : nil, access: access)
            return try await detail(nomination, access: access)
        }
    }

    static func detail(_ nomination: Nomination, access: Access) async throws -> NominationDetailDTO {
        guard let line = try await NominationService.lines([nomination], on: access.db).first else { throw Abort(.notFound) }
        return NominationDetailDTO(
            nomination: NominationDTO(line),
            candidates: try await NominationService.candidates(of: nomination, on: access.db).map(NominationCandidateDTO.init),
            papers: try await NominationService.papers(of: nomination, on: access.db).map {
                NominationPaperDTO(kind: $0.kind.rawValue, description: $0.description)
            },
            events: try await NominationService.events(of: nomination, on: access.db).map(NominationEventDTO.init),
            allowedActions: try await NominationService.allowedActions(nomination, access: access).map(\.rawValue))
    }
}
