import Foundation
import FuyuanCore

/// A region's disputes at the resolution centre: the filters, the list with the light of each step due, the pages,
/// the exports, and for the centre the way to register and import.
enum DisputesView {
    struct Model {
        let regionCode: String
        let regionName: String
        /// The region's units: the agencies concerned and the handling units alike.
        let agencies: [(id: UUID, name: String)]
        let filter: DisputeQueries.Filter
        let list: DisputeQueries.Page
        let today: CalendarDay
        let rules: DueRules
        /// The centre's people of this region: register and import.
        let canRegister: Bool
        let problems: [String]
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let filter = model.filter
        return Layout.page(
            title: "\(model.regionName)行政争议化解", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("行政争议化解", nil)]
        ) {
            h1 { "\(model.regionName) · 行政争议实质性化解" }
            Form.notice(model.notice)
            Form.problems(model.problems)
            p(.class("actions")) {
                if model.canRegister {
                    a(.href(.newDispute(code)), .class("button"), .id("new-dispute")) { "登记行政争议" }
                }
                a(.href(.disputeFigures(code)), .class("button secondary"), .id("dispute-figures")) { "统计与目标" }
                a(
                    .href(.disputesExport(code, format: "xlsx", filter: filter)), .class("button secondary"),
                    .id("export-xlsx")
                ) {
                    "导出 XLSX"
                }
                a(
                    .href(.disputesExport(code, format: "csv", filter: filter)), .class("button secondary"),
                    .id("export-csv")
                ) {
                    "导出 CSV"
                }
            }
            if model.canRegister {
                form(
                    .post, .action(.disputeImport(code)), .class("card actions"), .id("dispute-import"),
                    .attr("enctype", "multipart/form-data")
                ) {
                    Layout.csrfField(shell.csrfToken)
                    span { "导入 .xlsx 或 .csv（列同导出文件：来源、申请人、被申请行政机关、行政行为类别、争议事项、登记日期必填）" }
                    input(
                        .type("file"), .name("file"), .attr("accept", ".xlsx,.csv"), .attr("aria-label", "行政争议文件"),
                        .required)
                    button(.type("submit")) { "导入" }
                }
            }
            form(.get, .action(.disputes(code)), .class("card filters"), .id("dispute-filter")) {
                select(.name("source"), .attr("aria-label", "来源")) {
                    choice("", "全部来源", selected: filter.source == nil)
                    for source in DisputeSource.allCases {
                        choice(source.rawValue, source.label, selected: source == filter.source)
                    }
                }
                select(.name("agency"), .attr("aria-label", "被申请行政机关")) {
                    choice("", "全部行政机关", selected: filter.agency == nil)
                    for agency in model.agencies {
                        choice(agency.id.uuidString, agency.name, selected: agency.id == filter.agency)
                    }
                }
                select(.name("handling"), .attr("aria-label", "承办单位")) {
                    choice("", "全部承办单位", selected: filter.handling == nil)
                    for unit in model.agencies {
                        choice(unit.id.uuidString, unit.name, selected: unit.id == filter.handling)
                    }
                }
                select(.name("state"), .attr("aria-label", "状态")) {
                    choice("", "全部状态", selected: filter.state == nil)
                    for state in DisputeQueries.State.allCases {
                        choice(state.rawValue, state.label, selected: state == filter.state)
                    }
                }
                select(.name("outcome"), .attr("aria-label", "化解结果")) {
                    choice("", "全部结果", selected: filter.outcome == nil)
                    for outcome in DisputeOutcome.allCases {
                        choice(outcome.rawValue, outcome.label, selected: outcome == filter.outcome)
                    }
                }
                select(.name("order"), .attr("aria-label", "排序")) {
                    for order in DisputeQueries.Order.allCases {
                        choice(order.rawValue, order.label, selected: order == filter.order)
                    }
                }
                input(
                    .type("search"), .name("q"), .value(filter.text ?? ""), .attr("placeholder", "编号、申请人、争议事项或案号"),
                    .attr("aria-label", "搜索"))
                button(.type("submit")) { "筛选" }
            }
            p(.class("muted"), .id("dispute-count")) { "共 \(model.list.total) 件" }
            table(.id("disputes")) {
                thead {
                    tr {
                        th { "环节" }; th { "登记编号" }; th { "来源" }; th { "申请人" }; th { "被申请行政机关" }; th { "区划" }
                        th { "登记日期" }; th { "状态" }; th { "当前环节期限" }; th { "承办" }; th { "化解结果" }
                    }
                }
                tbody {
                    for row in model.list.rows {
                        let timeliness = row.timeliness(today: model.today, rules: model.rules)
                        tr(.attr("data-mark", timeliness.colour), .attr("data-state", row.state.rawValue)) {
                            td { LedgerView.mark(timeliness) }
                            td(.class("nowrap")) { a(.href(.dispute(row.id))) { row.number } }
                            td { row.source.label }
                            td { row.applicant }
                            td { row.agencyName }
                            td(.class("nowrap")) { row.regionName }
                            td(.class("nowrap")) { row.registeredOn }
                            td(.class("nowrap")) { row.state.label }
                            td(.class("nowrap")) {
                                row.state.isOpen ? "\(row.state.nextStep ?? "") \(row.stepDue)" : ""
                            }
                            td { [row.handlingName, row.handler].compactMap { $0 }.joined(separator: " · ") }
                            td { row.outcome?.label ?? "" }
                        }
                    }
                }
            }
            if model.list.rows.isEmpty { p(.class("muted")) { "没有符合条件的行政争议。" } }
            div(.class("pager")) {
                if filter.after != nil { a(.href(.disputes(code, filter: filter))) { "« 第一页" } }
                if let next = model.list.next {
                    a(.href(.disputes(code, filter: filter, after: next)), .id("next-page")) { "下一页 ›" }
                }
            }
        }
    }
}
