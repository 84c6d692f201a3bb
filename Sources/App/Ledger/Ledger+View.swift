import Foundation
import FuyuanCore

enum LedgerView {
    struct Model {
        let regionCode: String
        let regionName: String
        let filter: LedgerFilter
        let rows: [LedgerQueries.Row]
        let total: Int
        let lists: [(id: UUID, title: String)]
        let units: [(id: UUID, name: String)]
        let canCreate: Bool
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let filter = model.filter
        let page = Paging.page(filter.page, size: LedgerFilter.pageSize)
        let pages = max(1, (model.total + LedgerFilter.pageSize - 1) / LedgerFilter.pageSize)
        return Layout.page(
            title: "\(model.regionName)工作台账", shell: shell,
            breadcrumbs: [(model.regionName, .region(model.regionCode)), ("工作台账", nil)]
        ) {
            h1 { "\(model.regionName) · 工作台账" }
            div(.class("actions")) {
                if model.canCreate {
                    a(.class("button"), .href(.newItem(model.regionCode)), .id("new-item")) { "新建事项" }
                }
                for format in ["xlsx", "csv"] {
                    a(
                        .class("button secondary"), .id("export-\(format)"),
                        .attr(
                            "href",
                            SitePath.ledgerExport(model.regionCode, format: format).url + "?" + filter.queryString)
                    ) { "导出 " + format.uppercased() }
                }
            }
            Form.notice(model.notice)
            if model.canCreate && !model.lists.isEmpty {
                element("details", [.class("card")]) {
                    element("summary", []) { "从 Excel / CSV 导入事项或进展" }
                    form(
                        .post, .action(.ledgerImport(model.regionCode)), .attr("enctype", "multipart/form-data"),
                        .id("import-form"), .class("actions")
                    ) {
                        Layout.csrfField(shell.csrfToken)
                        select(.name("listID"), .attr("aria-label", "导入到清单")) {
                            for list in model.lists {
                                choice(list.id.uuidString, list.title, selected: list.id == filter.list)
                            }
                        }
                        select(.name("kind"), .attr("aria-label", "导入内容")) {
                            for kind in LedgerImport.Kind.allCases {
                                choice(kind.rawValue, kind.label, selected: kind == .items)
                            }
                        }
                        input(
                            .type("file"), .name("file"), .attr("accept", ".xlsx,.csv"), .attr("aria-label", "文件"),
                            .required)
                        button(.type("submit"), .class("secondary")) { "导入" }
                    }
                    for kind in LedgerImport.Kind.allCases {
                        p(.class("muted small")) { "\(kind.label)表头：\(kind.columns)" }
                    }
                }
            }
            form(.get, .action(.ledger(model.regionCode)), .class("card filters"), .id("ledger-filter")) {
                select(.name("list"), .attr("aria-label", "清单")) {
                    choice("", "全部清单", selected: filter.list == nil)
                    for list in model.lists { choice(list.id.uuidString, list.title, selected: list.id == filter.list) }
                }
                select(.name("area"), .attr("aria-label", "任务领域")) {
                    choice("", "全部领域", selected: filter.area == nil)
                    for area in TaskArea.allCases { choice(area.rawValue, area.label, selected: area == filter.area) }
                }
                select(.name("unit"), .attr("aria-label", "单位")) {
                    choice("", "全部单位", selected: filter.unit == nil)
                    for unit in model.units { choice(unit.id.uuidString, unit.name, selected: unit.id == filter.unit) }
                }
                select(.name("state"), .attr("aria-label", "办理状态")) {
                    choice("", "全部状态", selected: filter.state == nil)
                    for state in ItemState.allCases {
                        choice(state.rawValue, state.label, selected: state == filter.state)
                    }
                }
                select(.name("kind"), .attr("aria-label", "时限类型")) {
                    choice("", "全部时限", selected: filter.kind == nil)
                    for kind in Deadline.Kind.allCases {
                        choice(kind.rawValue, kind.label, selected: kind == filter.kind)
                    }
                }
                select(.name("timeliness"), .attr("aria-label", "是否逾期")) {
                    choice("", "逾期与临期", selected: filter.timeliness == nil)
                    choice(Timeliness.overdue.rawValue, "逾期", selected: filter.timeliness == .overdue)
                    choice(Timeliness.dueSoon.rawValue, "临期", selected: filter.timeliness == .dueSoon)
                }
                select(.name("attention"), .attr("aria-label", "提醒")) {
                    choice("", "全部提醒", selected: filter.attention == nil)
                    for attention in LedgerFilter.Attention.allCases {
                        choice(attention.rawValue, attention.label, selected: attention == filter.attention)
                    }
                }
                select(.name("sort"), .attr("aria-label", "排序")) {
                    for sort in LedgerFilter.Sort.allCases {
                        choice(sort.rawValue, sort.label, selected: sort == (filter.sort ?? .number))
                    }
                }
                input(
                    .type("search"), .name("q"), .value(filter.q ?? ""), .attr("placeholder", "关键词"),
                    .attr("aria-label", "关键词"))
                button(.type("submit")) { "筛选" }
            }
            p(.class("muted"), .id("ledger-total")) { "共 \(model.total) 项" }
            div(.class("table-wrap")) {
                table(.id("ledger")) {
                    thead {
                        tr {
                            th { "" }; th { "序号" }; th { "事项" }; th { "牵头单位" }; th { "责任单位" }; th { "完成时限" }
                            th { "办理状态" }; th { "最新进展" }
                        }
                    }
                    tbody {
                        for row in model.rows {
                            tr(.attr("data-mark", row.timeliness.colour)) {
                                td(.attr("data-label", "提示")) { mark(row.timeliness) }
                                td(.class("nowrap"), .attr("data-label", "序号")) { "\(row.item.number)" }
                                td(.attr("data-label", "事项")) {
                                    a(.href(.item(row.item.id))) { row.item.title }
                                    div(.class("muted small")) { row.item.listTitle }
                                }
                                td(.attr("data-label", "牵头单位")) { row.units(.lead).joined(separator: "、") }
                                td(.attr("data-label", "责任单位")) { row.units(.responsible).joined(separator: "、") }
                                td(.attr("data-label", "完成时限")) { row.item.deadline.label }
                                td(.class("nowrap"), .attr("data-label", "办理状态")) {
                                    row.item.state.label
                                    for part in row.parts(behind: filter.state) {
                                        div(.class("muted small")) { "\(part.unitName)：\(part.state.label)" }
                                    }
                                }
                                td(.class("latest"), .attr("data-label", "最新进展")) { row.item.latestReport }
                            }
                        }
                    }
                }
            }
            if model.rows.isEmpty { p(.class("muted")) { "没有符合条件的事项。" } }
            div(.class("pager")) {
                if page > 1 { a(.attr("href", link(model, page: page - 1))) { "‹ 上一页" } }
                span { "第 \(page) / \(pages) 页" }
                if page < pages { a(.attr("href", link(model, page: page + 1))) { "下一页 ›" } }
            }
        }
    }

    /// The green / yellow / red mark of an item's lateness, with its word for screen readers and printouts.
    static func mark(_ timeliness: Timeliness) -> Node {
        span(.class("mark \(timeliness.colour)"), .attr("title", timeliness.label)) { timeliness.label }
    }

    private static func link(_ model: Model, page: Int) -> String {
        let query = model.filter.queryString
        return SitePath.ledger(model.regionCode).url + "?" + (query.isEmpty ? "" : query + "&") + "page=\(page)"
    }
}

enum ImportRefusedView {
    struct Model {
        let regionCode: String
        let regionName: String
        let fileName: String
        let kind: LedgerImport.Kind
        let problems: [SpreadsheetImport.RowProblem]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(
            title: "导入未完成", shell: shell,
            breadcrumbs: [
                (model.regionName, .region(model.regionCode)), ("工作台账", .ledger(model.regionCode)), ("导入", nil),
            ]
        ) {
            h1 { "导入未完成：没有写入任何数据" }
            div(.class("problems"), .attr("role", "alert")) {
                "文件“\(model.fileName)”中有 \(model.problems.count) 处问题，请修改后重新导入全部行。"
            }
            table(.id("import-problems")) {
                thead {
                    tr {
                        th { "行" }; th { "列" }; th { "问题" }
                    }
                }
                tbody {
                    for problem in model.problems {
                        tr {
                            td { problem.row == 0 ? "—" : "\(problem.row)" }
                            td { problem.column }
                            td { problem.reason }
                        }
                    }
                }
            }
            p { a(.href(.ledger(model.regionCode))) { "返回工作台账" } }
        }
    }
}
