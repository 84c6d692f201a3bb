import Foundation
import FuyuanCore

/// A region's bankruptcy cases: filters, the list with each case's matters and worst light, pages and exports.
enum BankruptcyListView {
    struct Model {
        let regionCode: String
        let regionName: String
        let filter: BankruptcyQueries.Filter
        let list: BankruptcyQueries.Page
        let today: CalendarDay
        let rules: DueRules
        let canMaintain: Bool
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let filter = model.filter
        return Layout.page(
            title: "\(model.regionName)办理破产府院联动", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("破产协调", nil)]
        ) {
            h1 { "\(model.regionName) · 办理破产府院联动" }
            p(.class("actions")) {
                if model.canMaintain {
                    a(.href(.newBankruptcyCase(code)), .class("button"), .id("new-bankruptcy-case")) { "登记破产案件" }
                }
                a(
                    .href(.bankruptcyExport(code, format: "xlsx", filter: filter)), .class("button secondary"),
                    .id("export-xlsx")
                ) {
                    "导出 XLSX"
                }
                a(
                    .href(.bankruptcyExport(code, format: "csv", filter: filter)), .class("button secondary"),
                    .id("export-csv")
                ) {
                    "导出 CSV"
                }
            }
            form(.get, .action(.bankruptcy(code)), .class("card filters"), .id("bankruptcy-filter")) {
                select(.name("procedure"), .attr("aria-label", "程序")) {
                    choice("", "全部程序", selected: filter.procedure == nil)
                    for procedure in BankruptcyProcedure.allCases {
                        choice(procedure.rawValue, procedure.label, selected: procedure == filter.procedure)
                    }
                }
                select(.name("progress"), .attr("aria-label", "办理情况")) {
                    choice("", "全部案件", selected: filter.progress == nil)
                    for progress in BankruptcyQueries.Progress.allCases {
                        choice(progress.rawValue, progress.label, selected: progress == filter.progress)
                    }
                }
                input(
                    .type("search"), .name("q"), .value(filter.text ?? ""), .attr("placeholder", "案号、债务人或管理人"),
                    .attr("aria-label", "搜索"))
                button(.type("submit")) { "筛选" }
            }
            p(.class("muted"), .id("bankruptcy-count")) { "共 \(model.list.total) 件" }
            table(.id("bankruptcy-cases")) {
                thead {
                    tr {
                        th { "提示" }; th { "案号" }; th { "债务人" }; th { "程序" }; th { "阶段" }; th { "区划" }
                        th { "受理日期" }; th { "历时（日）" }; th { "协调事项" }
                    }
                }
                tbody {
                    for row in model.list.rows {
                        let light = row.timeliness(today: model.today, rules: model.rules)
                        tr(.attr("data-mark", light.colour)) {
                            td { LedgerView.mark(light) }
                            td(.class("nowrap")) { a(.href(.bankruptcyCase(row.id))) { row.caseNumber } }
                            td { row.debtor }
                            td(.class("nowrap")) { row.procedure.label }
                            td(.class("nowrap")) { row.stage.label }
                            td { row.regionName }
                            td(.class("nowrap")) { row.acceptedOn }
                            td(.class("num")) { String(row.state.daysRun(today: model.today)) }
                            td(.class("nowrap")) {
                                row.matters == 0 ? "—" : "\(row.matters - row.openMatters)/\(row.matters) 已办结"
                            }
                        }
                    }
                }
            }
            if model.list.rows.isEmpty { p(.class("muted")) { "没有符合条件的破产案件。" } }
            div(.class("pager")) {
                if filter.after != nil { a(.href(.bankruptcy(code, filter: filter))) { "« 第一页" } }
                if let next = model.list.next {
                    a(.href(.bankruptcy(code, filter: filter, after: next)), .id("next-page")) { "下一页 ›" }
                }
            }
        }
    }
}
