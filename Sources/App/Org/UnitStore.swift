import Fluent
import FuyuanCore
import Vapor

struct UnitInput: Content {
    var name: String
    var kind: UnitKind
}

/// Creating and changing units; shared by the pages and the API.
enum UnitStore {
    @discardableResult
    static func create(_ input: UnitInput, region: Region, as acting: Acting) async throws -> Unit {
        let caller = try acting.caller(for: .editUnits)
        guard caller.mayWrite(inRegion: try region.requireID()) else { throw AppError.forbidden }
        let name = try validName(input.name)
        try await requireUnique(name, regionID: region.requireID(), except: nil, on: acting.db)
        let unit = Unit(name: name, kind: input.kind, regionID: try region.requireID())
        try await acting.db.write { db in
            try await unit.create(on: db)
            try await acting.audit(
                .unitCreated, object: ("unit", unit.requireID().uuidString), summary: "新建单位：\(region.name) \(name)",
                after: unit.snapshot, on: db)
        }
        return unit
    }

    /// `unit` was loaded through the caller's scope. `expected` is the version the editor saw (the form's hidden
    /// field or the API's `If-Match`), by default the one just loaded; a unit changed since is refused with
    /// `stale` (409 for pages, 412 for `If-Match`) and nothing is written.
    static func update(
        _ unit: Unit, with input: UnitInput, expected: Int? = nil, stale: HTTPResponseStatus = .conflict,
        as acting: Acting
    ) async throws {
        let caller = try acting.caller(for: .editUnits)
        guard caller.mayWrite(inRegion: unit.$region.id) else { throw AppError.forbidden }
        let name = try validName(input.name)
        try await requireUnique(name, regionID: unit.$region.id, except: unit.id, on: acting.db)
        let before = unit.snapshot
        let expected = expected ?? unit.version
        unit.name = name
        unit.kind = input.kind
        try await acting.db.write { db in
            try await Versions.bump(Unit.schema, id: unit.requireID(), expected: expected, stale: stale, on: db)
            unit.version = expected + 1
            try await unit.update(on: db)
            try await acting.audit(
                .unitUpdated, object: ("unit", unit.requireID().uuidString), summary: "修改单位：\(before.name) → \(name)",
                before: before, after: unit.snapshot, on: db)
        }
    }

    private static func validName(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...60).contains(name.count) else { throw AppError.invalid("单位名称：须为 2 至 60 个字符") }
        return name
    }

    private static func requireUnique(_ name: String, regionID: UUID, except id: UUID?, on db: any Database)
        async throws
    {
        var query = Unit.query(on: db).filter(\.$region.$id == regionID).filter(\.$name == name)
        if let id { query = query.filter(\.$id != id) }
        if try await query.count() > 0 { throw AppError.conflict("单位名称：本区划已有“\(name)”") }
    }
}
