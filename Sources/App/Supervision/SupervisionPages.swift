import Fluent
import FuyuanCore
import Vapor

struct SupervisionPages {
    func list(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await page(request, caller: caller, region: region, problems: [])
    }

    func issue(_ request: Request) async throws -> Response {
        struct Form: Content {
            var kind: Supervision.Kind
            var tone: Supervision.Tone?
            var unit: [UUID]?
            var itemID: String?
            var text: String
            var respondBy: String
        }
        let caller = try request.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let form = try request.content.decode(Form.self)
        let input = SupervisionStore.Input(
            kind: form.kind, tone: form.tone, unitIDs: form.unit ?? [],
            itemID: form.itemID.flatMap(UUID.init(uuidString:)),
            text: form.text, respondBy: form.respondBy)
        do {
            _ = try await SupervisionStore.issue(input, region: region, as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(
                request, caller: caller, region: region, problems: error.problems
            )
            .encodeResponse(status: .unprocessableEntity, for: request)
        }
        return request.redirect(to: SitePath.supervision(region.code).url)
    }

    func respond(_ request: Request) async throws -> Response {
        struct Form: Content { var text: String }
        let caller = try request.caller(for: .handleParts)
        let target = try await SupervisionStore.target(request.idParameter(), scope: caller.scope, on: request.db)
        let region = try target.joined(Region.self)
        do {
            try await SupervisionStore.respond(
                target, text: try request.content.decode(Form.self).text, as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await page(request, caller: caller, region: region, problems: [error.reason]).encodeResponse(
                status: error.status, for: request)
        }
        return request.redirect(to: SitePath.supervision(region.code).url)
    }

    private func page(_ request: Request, caller: Caller, region: Region, problems: [String]) async throws -> HTMLPage {
        let isOffice = caller.role.may(.manageLedger) && caller.regionID == region.id
        let rows = try await SupervisionQueries.rows(regionID: region.requireID(), on: request.db)
        let units = isOffice ? try await OrgQueries.unitChoices(of: region, on: request.db) : []
        let model = SupervisionView.Model(
            regionCode: region.code, regionName: region.name, rows: rows, isOffice: isOffice,
            myUnitID: caller.role.may(.handleParts) ? caller.unitID : nil, units: units,
            preset: isOffice ? try await preset(request, region: region) : nil,
            today: CalendarDay(containing: request.now),
            problems: problems)
        return SupervisionView.render(model, shell: try await request.shell(regionCode: region.code))
    }

    /// The item `?item=` names (督办本事项 on the item page), with the units that still owe work on it.
    private func preset(_ request: Request, region: Region) async throws -> SupervisionView.Preset? {
        guard let id = try? request.query.get(UUID.self, at: "item") else { return nil }
        let item = try await LedgerQueries.item(id: id, scope: try request.requireCaller().scope, on: request.db)
        guard item.$region.id == region.id else { return nil }
        let parts = try await ItemPart.query(on: request.db).filter(\.$item.$id == id).all()
        return SupervisionView.Preset(
            itemID: id, label: "第 \(item.number) 项 \(item.title)",
            unitIDs: Set(parts.filter { !$0.state.isFinished }.map(\.$unit.id)))
    }
}

enum SupervisionView {
    struct Model {
        let regionCode: String
        let regionName: String
        let rows: [SupervisionQueries.Row]
        let isOffice: Bool
        let myUnitID: UUID?
        let units: [(id: UUID, name: String)]
        let preset: Preset?
        let today: CalendarDay
        let problems: [String]
    }

    /// The item a supervision is about, chosen before the form opens, and its units still at work, ticked.
    struct Preset {
        let itemID: UUID
        let label: String
        let unitIDs: Set<UUID>
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(
            title: "督办", shell: shell, breadcrumbs: [(model.regionName, .region(model.regionCode)), ("督办", nil)]
        ) {
            h1 { "\(model.regionName) · 督办" }
            Form.problems(model.problems)
            if model.isOffice {
                element("details", [.class("card")] + (model.preset == nil ? [] : [.flag("open")])) {
                    element("summary", []) { "发出催办、提醒函或通报" }
                    form(.post, .action(.supervision(model.regionCode)), .id("supervision-form")) {
                        Layout.csrfField(shell.csrfToken)
                        input(.type("hidden"), .name("itemID"), .value(model.preset?.itemID.uuidString ?? ""))
                        if let preset = model.preset { p(.id("supervision-item")) { "督办事项：" + preset.label } }
                        div(.class("actions")) {
                            select(.name("kind"), .attr("aria-label", "督办方式")) {
                                for kind in Supervision.Kind.allCases {
                                    choice(kind.rawValue, kind.label, selected: kind == .urge)
                                }
                            }
                            select(.name("tone"), .attr("aria-label", "通报性质")) {
                                for tone in Supervision.Tone.allCases {
                                    choice(
                                        tone.rawValue, tone == .none ? "（通报性质）" : tone.label, selected: tone == .none)
                                }
                            }
                            input(
                                .type("date"), .name("respondBy"), .value(model.today.adding(days: 7).description),
                                .attr("aria-label", "回复期限"), .required)
                        }
                        div(.class("field")) {
                            label(.for("f-text")) { "督办内容" }
                            textarea(.id("f-text"), .name("text"), .attr("rows", "3"), .required) {}
                        }
                        div(.class("unit-picks")) {
                            for unit in model.units {
                                label {
                                    voidElement(
                                        "input",
                                        [
                                            .type("checkbox"), .name("unit[]"), .value(unit.id.uuidString),
                                            .attr("aria-label", "督办\(unit.name)"),
                                        ] + (model.preset?.unitIDs.contains(unit.id) == true ? [.checked] : []))
                                    " " + unit.name
                                }
                            }
                        }
                        button(.type("submit")) { "发出" }
                    }
                }
            }
            if model.rows.isEmpty { p(.class("muted")) { "暂无督办。" } }
            for row in model.rows {
                div(.class("card supervision"), .attr("data-kind", row.kind.rawValue)) {
                    h3 {
                        row.reference + (row.tone == .none ? "" : "（\(row.tone.label)）")
                        span(.class("muted small")) {
                            "  \(row.issuedAt.map(ChineseTime.minute) ?? "") · \(row.issuedBy) · 请于 \(CalendarDay(parsing: row.respondBy)?.chinese ?? "") 前回复"
                        }
                    }
                    if let title = row.itemTitle, let itemID = row.itemID {
                        p {
                            "事项："; a(.href(.item(itemID))) { title }
                        }
                    }
                    p(.class("prewrap")) { row.text }
                    table {
                        thead {
                            tr {
                                th { "单位" }; th { "回复" }
                            }
                        }
                        tbody {
                            for target in row.targets {
                                tr(.attr("data-unit", target.unitName)) {
                                    td(.class("nowrap")) { target.unitName }
                                    td {
                                        if let response = target.response {
                                            response
                                            span(.class("muted small")) {
                                                "（\(target.respondedBy ?? "")，\(target.respondedAt.map(ChineseTime.minute) ?? "")）"
                                            }
                                        } else if target.unitID == model.myUnitID {
                                            form(
                                                .post, .action(.supervisionRespond(target.id)),
                                                .class("actions respond-form")
                                            ) {
                                                Layout.csrfField(shell.csrfToken)
                                                input(
                                                    .type("text"), .name("text"), .attr("placeholder", "回复内容"),
                                                    .attr("aria-label", "回复内容"), .required)
                                                button(.type("submit"), .class("small")) { "回复" }
                                            }
                                        } else {
                                            span(.class("tag bad")) { "待回复" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
