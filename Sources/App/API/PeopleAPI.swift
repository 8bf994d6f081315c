import Domain
import Vapor

/// /api/v1/people and /api/v1/positions: the same service as the pages, as JSON.
enum PeopleAPI {
    static let tag = "Cán bộ, đảng viên"

    @Sendable static func register(_ api: APIBuilder) {
        // Referenced from Person only, so not registered by any operation of its own.
        api.registry.addSchema(MembershipDTO.self)
        api.on(APIOperation(
            method: .GET, path: "/people", operationID: "listPeople",
            summary: "Danh sách người trong phạm vi, theo thứ tự tên tiếng Việt", tag: tag,
            query: [
                ("q", .string(maxLength: 200), "Tìm theo họ tên, gõ có dấu hoặc không dấu"),
                ("unit", .integer(minimum: 1), "Mã số tổ chức đảng: người sinh hoạt ở đơn vị này và các đơn vị trực thuộc"),
                ("category", .enumeration(PersonCategory.allCases.map(\.rawValue)), "Loại người"),
            ] + Paging.parameters,
            result: .list(PersonSummaryDTO.self))) { req in
            let service = try PersonService(req)
            guard service.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
            let paging = Paging(req)
            var filter = PersonService.Filter(query: req.query[String.self, at: "q"] ?? "")
            if let raw = req.query[String.self, at: "unit"], !raw.isEmpty {
                guard let id = Int(raw) else { throw Abort(.badRequest, reason: "Tham số unit phải là mã số tổ chức đảng (số nguyên).") }
                guard try await service.visibleUnit(id: id) != nil else { throw Abort(.notFound) }
                filter.unitID = id
            }
            if let raw = req.query[String.self, at: "category"], !raw.isEmpty {
                guard let category = PersonCategory(rawValue: raw) else {
                    throw ValidationFailure(field: "category", message: "Loại “\(raw)” không hợp lệ.")
                }
                filter.category = category
            }
            let result = try await service.list(filter, page: paging.page, perPage: paging.perPage)
            return Page(items: result.rows.map(PersonSummaryDTO.init), total: result.total,
                        page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/people/{id}", operationID: "getPerson",
            summary: "Một người, với quá trình sinh hoạt và chức vụ", tag: tag,
            result: .object(PersonDTO.self))) { req in
            let service = try PersonService(req)
            return PersonDTO(try await service.detail(try pathID(req)))
        }

        api.on(APIOperation(
            method: .POST, path: "/people", operationID: "createPerson",
            summary: "Thêm người vào một tổ chức đảng từ một ngày", tag: tag,
            body: .json(PersonCreateDTO.self), result: .object(PersonDTO.self), successStatus: .created)) { req in
            let service = try PersonService(req)
            let dto = try req.content.decode(PersonCreateDTO.self)
            let person = try await service.create(dto.input, unit: .id(dto.unitId), membershipFrom: dto.membershipFrom)
            return PersonDTO(try await service.detail(person.id!))
        }

        api.on(APIOperation(
            method: .PUT, path: "/people/{id}", operationID: "updatePerson",
            summary: "Sửa thông tin một người (đơn vị đổi bằng chuyển sinh hoạt)", tag: tag,
            body: .json(PersonUpdateDTO.self), result: .object(PersonDTO.self))) { req in
            let service = try PersonService(req)
            let id = try pathID(req)
            _ = try await service.writable(id)
            let dto = try req.content.decode(PersonUpdateDTO.self)
            _ = try await service.update(id, dto.input)
            return PersonDTO(try await service.detail(id))
        }

        api.on(APIOperation(
            method: .POST, path: "/people/{id}/transfer", operationID: "transferPerson",
            summary: "Chuyển sinh hoạt: kết thúc ở đơn vị hiện tại và bắt đầu ở đơn vị mới từ ngày chuyển", tag: tag,
            body: .json(TransferDTO.self), result: .object(PersonDTO.self))) { req in
            let service = try PersonService(req)
            let id = try pathID(req)
            _ = try await service.writable(id)
            let dto = try req.content.decode(TransferDTO.self)
            _ = try await service.transfer(id, .init(unit: .id(dto.unitId), effectiveOn: dto.effectiveOn, note: dto.note))
            return PersonDTO(try await service.detail(id))
        }

        api.on(APIOperation(
            method: .POST, path: "/people/{id}/positions", operationID: "addPosition",
            summary: "Thêm chức vụ của một người ở một tổ chức đảng", tag: tag,
            body: .json(PositionWriteDTO.self), result: .object(PositionDTO.self), successStatus: .created)) { req in
            let service = try PersonService(req)
            let id = try pathID(req)
            _ = try await service.writable(id)
            let dto = try req.content.decode(PositionWriteDTO.self)
            let position = try await service.addPosition(personID: id, .init(title: dto.title, unit: .id(dto.unitId), from: dto.from, to: dto.to))
            return PositionDTO(try await service.positionRow(position))
        }

        api.on(APIOperation(
            method: .POST, path: "/positions/{id}/end", operationID: "endPosition",
            summary: "Kết thúc một chức vụ đang giữ từ một ngày", tag: tag,
            body: .json(PositionEndDTO.self), result: .object(PositionDTO.self))) { req in
            let service = try PersonService(req)
            let id = try pathID(req)
            let dto = try req.content.decode(PositionEndDTO.self)
            let position = try await service.endPosition(id, on: dto.on)
            return PositionDTO(try await service.positionRow(position))
        }
    }

    private static func pathID(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("id", as: Int.self), id > 0 else {
            throw Abort(.badRequest, reason: "Mã số trong đường dẫn phải là số nguyên dương.")
        }
        return id
    }

}
