import Foundation
import FuyuanCore

/// A region's judicial suggestions: the filters, the list with each reply's light, the pages, the exports, and for
/// court staff the way to issue one.
enum SuggestionsView {
    struct Model {
        let regionCode: String
        let regionName: String
        let agencies: [(id: UUID, name: String)]
        let filter: SuggestionQueries.Filter
        let list: SuggestionQueries.Page
        let today: CalendarDay
        let rules: DueRules
        let canIssue: Bool
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let filter = model.filter
        return Layout.page(
            title: "\(model.regionName)司法建议", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("司法建议", nil)]
        ) {
            h1 { "\(model.regionName) · 司法建议" }
            p(.class("actions")) {
                if model.canIssue {
                    a(.href(.newSuggestion(code)), .class("button"), .id("new-suggestion")) { "发出司法建议" }
                }
                a(.href(.suggestionFigures(code)), .class("button secondary"), .id("suggestion-figures")) { "统计与回复率" }
                a(.href(.suggestionBulletin(code)), .class("button secondary"), .id("suggestion-bulletin")) { "司法建议通报" }
                a(
                    .href(.suggestionsExport(code, format: "xlsx", filter: filter)), .class("button secondary"),
                    .id("export-xlsx")
                ) {
                    "导出 XLSX"
                }
                a(
                    .href(.suggestionsExport(code, format: "csv", filter: filter)), .class("button secondary"),
                    .id("export-csv")
                ) {
                    "导出 CSV"
                }
            }
            form(.get, .action(.suggestions(code)), .class("card filters"), .id("suggestion-filter")) {
                select(.name("agency"), .attr("aria-label", "被建议单位")) {
                    choice("", "全部被建议单位", selected: filter.agency == nil)
                    for agency in model.agencies {
                        choice(agency.id.uuidString, agency.name, selected: agency.id == filter.agency)
                    }
                }
                select(.name("state"), .attr("aria-label", "状态")) {
                    choice("", "全部状态", selected: filter.state == nil)
                    for state in SuggestionQueries.State.allCases {
                        choice(state.rawValue, state.label, selected: state == filter.state)
                    }
                }
                select(.name("order"), .attr("aria-label", "排序")) {
                    for order in SuggestionQueries.Order.allCases {
                        choice(order.rawValue, order.label, selected: order == filter.order)
                    }
                }
                input(
                    .type("search"), .name("q"), .value(filter.text ?? ""), .attr("placeholder", "文号、案号、问题或建议"),
                    .attr("aria-label", "搜索"))
                button(.type("submit")) { "筛选" }
            }
            p(.class("muted"), .id("suggestion-count")) { "共 \(model.list.total) 件" }
            table(.id("suggestions")) {
                thead {
                    tr {
                        th { "回复" }; th { "文号" }; th { "被建议单位" }; th { "区划" }; th { "发现的问题" }; th { "发出" }
                        th { "回复期限" }; th { "状态" }; th { "采纳情况" }
                    }
                }
                tbody {
                    for row in model.list.rows {
                        let timeliness = row.timeliness(today: model.today, rules: model.rules)
                        tr(.attr("data-mark", timeliness.colour), .attr("data-state", row.state.rawValue)) {
                            td { LedgerView.mark(timeliness) }
                            td(.class("nowrap")) {
                                a(.href(.suggestion(row.id))) { row.reference.isEmpty ? "（无文号）" : row.reference }
                            }
                            td { row.agencyName }
                            td { row.regionName }
                            td { Layout.excerpt(row.problem) }
                            td(.class("nowrap")) { row.issuedOn }
                            td(.class("nowrap")) { row.replyDue }
                            td(.class("nowrap")) {
                                row.state.label
                                if row.isLate { " "; span(.class("tag bad")) { "逾期回复" } }
                            }
                            td { row.adoption?.label ?? "" }
                        }
                    }
                }
            }
            if model.list.rows.isEmpty { p(.class("muted")) { "没有符合条件的司法建议。" } }
            div(.class("pager")) {
                if filter.after != nil { a(.href(.suggestions(code, filter: filter))) { "« 第一页" } }
                if let next = model.list.next {
                    a(.href(.suggestions(code, filter: filter, after: next)), .id("next-page")) { "下一页 ›" }
                }
            }
        }
    }
}
