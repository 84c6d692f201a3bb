import Fluent
import FuyuanCore
import Vapor

struct RegionInput: Content {
    var code: String
    var name: String
    var parentCode: String?
}

/// The region tree, kept by the system administrator.
enum RegionStore {
    static func create(_ input: RegionInput, as acting: Acting) async throws -> Region {
        let caller = try acting.caller(for: .manageRegions)
        var problems = FieldProblems()
        let code = input.code.trimmingCharacters(in: .whitespaces)
        let name = input.name.trimmingCharacters(in: .whitespaces)
        if let problem = RegionCode.problem(code) { problems.add("区划代码", problem) }
        if name.isEmpty { problems.add("名称", "不能为空") }
        // A code that does not parse is among the problems.
        guard let level = RegionCode(code)?.level, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        let parentCode = (input.parentCode ?? "").trimmingCharacters(in: .whitespaces)
        var parent: Region?
        if !parentCode.isEmpty {
            parent = try await caller.scope.region(code: parentCode, on: acting.db)
            if let parent, parent.level >= level { throw AppError.invalid("上级区划：\(parent.name)的层级不高于\(name)") }
        } else if level != .province || caller.regionPath.contains("/") {
            throw AppError.invalid("上级区划：只有省级区划可以没有上级")
        }
        if try await Region.query(on: acting.db).filter(\.$code == code).count() > 0 {
            throw AppError.conflict("区划代码：\(code) 已存在")
        }
        let region = Region(code: code, name: name, level: level, parent: parent)
        try await acting.db.write { db in
            try await region.create(on: db)
            try await acting.audit(
                .regionCreated, object: ("region", code), summary: "新建区划 \(code) \(name)",
                after: ["code": code, "name": name, "parent": parentCode], on: db)
        }
        return region
    }
}

struct RegionsAdminPages {
    func list(_ request: Request) async throws -> HTMLPage {
        try await page(request, problems: [], values: nil)
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(RegionInput.self)
        do {
            _ = try await RegionStore.create(input, as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await page(request, problems: [error.reason], values: input).encodeResponse(
                status: error.status, for: request)
        }
        return request.redirect(to: SitePath.regionsAdmin.url)
    }

    private func page(_ request: Request, problems: [String], values: RegionInput?) async throws -> HTMLPage {
        let caller = try request.caller(for: .manageRegions)
        let regions = try await caller.scope.regions(on: request.db).sort(\.$path).all()
        let counts = try await OrgQueries.unitCounts(regionIDs: regions.compactMap(\.id), on: request.db)
        let base = caller.regionPath.split(separator: "/").count
        let rows = try regions.map {
            try RegionsAdminView.Row(
                code: $0.code, name: $0.name, level: $0.level.label, depth: $0.depth + 1 - base,
                units: counts[$0.requireID()] ?? 0)
        }
        return RegionsAdminView.render(
            .init(rows: rows, problems: problems, values: values), shell: try await request.shell())
    }
}

enum RegionsAdminView {
    struct Row {
        let code: String
        let name: String
        let level: String
        let depth: Int
        let units: Int
    }

    struct Model {
        let rows: [Row]
        let problems: [String]
        let values: RegionInput?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "区划管理", shell: shell, breadcrumbs: [("区划管理", nil)]) {
            h1 { "区划管理" }
            Form.problems(model.problems)
            div(.class("card")) {
                h2 { "新增区划" }
                form(.post, .action(.regionsAdmin), .id("region-form"), .class("actions")) {
                    Layout.csrfField(shell.csrfToken)
                    input(
                        .type("text"), .name("code"), .value(model.values?.code ?? ""),
                        .attr("placeholder", "区划代码，如 410423"), .attr("aria-label", "区划代码"), .required)
                    input(
                        .type("text"), .name("name"), .value(model.values?.name ?? ""), .attr("placeholder", "名称"),
                        .attr("aria-label", "名称"), .required)
                    input(
                        .type("text"), .name("parentCode"), .value(model.values?.parentCode ?? ""),
                        .attr("placeholder", "上级区划代码"), .attr("aria-label", "上级区划代码"))
                    button(.type("submit")) { "新增" }
                }
            }
            table(.id("regions")) {
                thead {
                    tr {
                        th { "名称" }; th { "代码" }; th { "层级" }; th { "单位数" }
                    }
                }
                tbody {
                    for row in model.rows {
                        tr {
                            td { String(repeating: "　　", count: row.depth) + row.name }
                            td { row.code }
                            td { row.level }
                            td { a(.href(.units(row.code))) { "\(row.units)" } }
                        }
                    }
                }
            }
        }
    }
}
