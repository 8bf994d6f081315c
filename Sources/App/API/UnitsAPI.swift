import Domain
import Vapor

/// /api/v1 for the organisation tree: the same `UnitService` as the pages, so the rules are one.
enum UnitsAPI {
    static let tag = "Tổ chức đảng"

    static func register(_ api: APIBuilder) {
        // Described here because only operations' own bodies and results are collected by themselves.
        api.registry.addSchema(ParentPeriodDTO.self)
        api.registry.addSchema(TreeNodeDTO.self)

        api.on(APIOperation(
            method: .GET, path: "/units", operationID: "listUnits",
            summary: "Danh sách tổ chức đảng trong phạm vi, tìm theo tên (không dấu) hoặc mã; `date` chỉ lấy các đơn vị tồn tại vào ngày đó",
            tag: tag, query: [("q", .string(), "Từ khóa: tên (có dấu hay không dấu) hoặc mã"),
                              ("date", .date, "Chỉ các đơn vị tồn tại vào ngày này (YYYY-MM-DD)")] + Paging.parameters,
            result: .list(UnitSummaryDTO.self))) { req in
            let paging = Paging(req)
            let day = try optionalDate(req, "date")
            let q = (try? req.query.get(String.self, at: "q")) ?? ""
            let found = try await UnitService(req).search(q, existingOn: day, page: paging.page, perPage: paging.perPage)
            return Page(items: found.units.map(UnitSummaryDTO.init), total: found.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/units/{id}", operationID: "getUnit",
            summary: "Một tổ chức đảng, với quá trình trực thuộc, đơn vị tiếp nhận và ngày giải thể", tag: tag,
            result: .object(UnitDetailDTO.self))) { req in
            UnitDetailDTO(try await UnitService(req).detail(try id(req)))
        }

        api.on(APIOperation(
            method: .GET, path: "/tree", operationID: "getTree",
            summary: "Cây tổ chức trong phạm vi vào một ngày (mặc định hôm nay), dạng danh sách phẳng: cấp trên đứng trước cấp dưới",
            tag: tag, query: [("date", .date, "Ngày xem cây tổ chức (YYYY-MM-DD)")], result: .object(TreeDTO.self))) { req in
            let day = try optionalDate(req, "date") ?? .today()
            let tree = try await UnitService(req).tree(on: day)
            let message = tree.missingScope.map {
                "Đơn vị trong phạm vi của bạn, \($0.name) (\($0.code)), không tồn tại vào ngày \(VietnameseFormat.date(day))."
            }
            return TreeDTO(date: day.iso, units: tree.nodes.map {
                TreeNodeDTO(id: $0.id, code: $0.code, name: $0.name, kindCode: $0.kindCode, parentId: $0.parentID)
            }, message: message)
        }

        api.on(APIOperation(
            method: .GET, path: "/unit-kinds", operationID: "listUnitKinds", summary: "Danh mục loại tổ chức đảng",
            tag: tag, query: Paging.parameters, result: .list(UnitKindDTO.self))) { req in
            let paging = Paging(req)
            let kinds = try await UnitService(req).kinds()
            let items = kinds.dropFirst(paging.offset).prefix(paging.perPage).map {
                UnitKindDTO(code: $0.code, name: $0.name, rank: $0.rank, isGrassroots: $0.isGrassroots, isCell: $0.isCell)
            }
            return Page(items: Array(items), total: kinds.count, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/units", operationID: "createUnit",
            summary: "Tạo tổ chức đảng dưới một đơn vị trong phạm vi (không có parentId: chỉ quản trị hệ thống)", tag: tag,
            body: .json(UnitWriteDTO.self), result: .object(UnitDetailDTO.self), successStatus: .created)) { req in
            let body = try req.content.decode(UnitWriteDTO.self)
            let service = try UnitService(req)
            let unit = try await service.create(body.input)
            return UnitDetailDTO(try await service.detail(unit.id!))
        }

        api.on(APIOperation(
            method: .PUT, path: "/units/{id}", operationID: "updateUnit",
            summary: "Sửa mã, tên, loại, loại hình, ghi chú và ngày thành lập (parentId bị bỏ qua: dùng move)", tag: tag,
            body: .json(UnitWriteDTO.self), result: .object(UnitDetailDTO.self))) { req in
            let unitID = try id(req)
            let body = try req.content.decode(UnitWriteDTO.self)
            var input = body.input
            input.parentID = nil
            let service = try UnitService(req)
            _ = try await service.update(unitID, input)
            return UnitDetailDTO(try await service.detail(unitID))
        }

        api.on(APIOperation(
            method: .POST, path: "/units/{id}/move", operationID: "moveUnit",
            summary: "Chuyển đơn vị sang đơn vị cấp trên khác từ ngày có hiệu lực", tag: tag,
            body: .json(UnitMoveDTO.self), result: .object(UnitDetailDTO.self), conflicts: true)) { req in
            let unitID = try id(req)
            let body = try req.content.decode(UnitMoveDTO.self)
            let service = try UnitService(req)
            _ = try await service.move(unitID, .init(parentID: body.parentId, effectiveOn: body.effectiveOn))
            return UnitDetailDTO(try await service.detail(unitID))
        }

        api.on(APIOperation(
            method: .POST, path: "/units/{id}/merge", operationID: "mergeUnit",
            summary: "Sáp nhập đơn vị vào đơn vị tiếp nhận: chuyển các đơn vị trực thuộc và sinh hoạt của người đang sinh hoạt", tag: tag,
            body: .json(UnitMergeDTO.self), result: .object(UnitDetailDTO.self))) { req in
            let unitID = try id(req)
            let body = try req.content.decode(UnitMergeDTO.self)
            let service = try UnitService(req)
            _ = try await service.merge(unitID, .init(successorID: body.successorId, effectiveOn: body.effectiveOn))
            return UnitDetailDTO(try await service.detail(unitID))
        }

        api.on(APIOperation(
            method: .POST, path: "/units/{id}/dissolve", operationID: "dissolveUnit",
            summary: "Giải thể đơn vị (các đơn vị trực thuộc chuyển về đơn vị cấp trên); bị từ chối khi còn người đang sinh hoạt", tag: tag,
            body: .json(UnitDissolveDTO.self), result: .object(UnitDetailDTO.self))) { req in
            let unitID = try id(req)
            let body = try req.content.decode(UnitDissolveDTO.self)
            let service = try UnitService(req)
            _ = try await service.dissolve(unitID, .init(effectiveOn: body.effectiveOn))
            return UnitDetailDTO(try await service.detail(unitID))
        }
    }

    private static func id(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("id", as: Int.self), id > 0 else { throw Abort(.notFound) }
        return id
    }

    private static func optionalDate(_ req: Request, _ name: String) throws -> LocalDate? {
        guard let raw = try? req.query.get(String.self, at: name), !raw.isEmpty else { return nil }
        guard let day = LocalDate.parse(raw) else {
            throw ValidationFailure(field: name, message: "Tham số \(name) không phải ngày hợp lệ (YYYY-MM-DD).")
        }
        return day
    }

}
