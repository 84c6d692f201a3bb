import Foundation
import FuyuanCore

/// A region's enforcement cases against organs: filters, the list with what each still owes, the pages and exports.
enum EnforcementListView {
    struct Model {
        let regionCode: String
        let regionName: String
        let organs: [EnforcementQueries.Choice]
        let campaigns: [EnforcementQueries.Choice]
        let filter: EnforcementQueries.Filter
        let list: EnforcementQueries.Page
        let canMaintain: Bool
        var problems: [String] = []
        var notice: String? = nil
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let filter = model.filter
        return Layout.page(
            title: "\(model.regionName)涉党政机关执行案件", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("执行案件", nil)]
        ) {
            h1 { "\(model.regionName) · 涉党政机关执行案件" }
            Form.notice(model.notice)
            Form.problems(model.problems)
            p(.class("actions")) {
                if model.canMaintain {
                    a(.href(.newEnforcementCase(code)), .class("button"), .id("new-enforcement-case")) { "登记执行案件" }
                }
                a(.href(.enforcementFigures(code)), .class("button secondary"), .id("enforcement-figures")) {
                    "统计与专项清理"
                }
                a(
                    .href(.enforcementExport(code, format: "xlsx", filter: filter)), .class("button secondary"),
                    .id("export-xlsx")
                ) {
                    "导出 XLSX"
                }
                a(
                    .href(.enforcementExport(code, format: "csv", filter: filter)), .class("button secondary"),
                    .id("export-csv")
                ) {
                    "导出 CSV"
                }
            }
            if model.canMaintain {
                form(
                    .post, .action(.enforcementImport(code)), .class("card actions"), .id("enforcement-import"),
                    .attr("enctype", "multipart/form-data")
                ) {
                    Layout.csrfField(shell.csrfToken)
                    span { "导入 .xlsx 或 .csv（列同导出文件：案号、被执行单位、立案日期必填；金额以元为单位）" }
                    input(
                        .type("file"), .name("file"), .attr("accept", ".xlsx,.csv"), .attr("aria-label", "执行案件文件"),
                        .required)
                    button(.type("submit")) { "导入" }
                }
            }
            form(.get, .action(.enforcement(code)), .class("card filters"), .id("enforcement-filter")) {
                select(.name("organ"), .attr("aria-label", "被执行单位")) {
                    choice("", "全部被执行单位", selected: filter.organ == nil)
                    for organ in model.organs {
                        choice(organ.id.uuidString, organ.name, selected: organ.id == filter.organ)
                    }
                }
                select(.name("state"), .attr("aria-label", "执行状态")) {
                    choice("", "全部状态", selected: filter.state == nil)
                    for state in EnforcementState.allCases {
                        choice(state.rawValue, state.label, selected: state == filter.state)
                    }
                }
                select(.name("campaign"), .attr("aria-label", "专项清理")) {
                    choice("", "全部专项清理", selected: filter.campaign == nil)
                    for campaign in model.campaigns {
                        choice(campaign.id.uuidString, campaign.name, selected: campaign.id == filter.campaign)
                    }
                }
                input(
                    .type("search"), .name("q"), .value(filter.text ?? ""), .attr("placeholder", "案号或执行依据"),
                    .attr("aria-label", "搜索"))
                button(.type("submit")) { "筛选" }
            }
            p(.class("muted"), .id("enforcement-count")) { "共 \(model.list.total) 件" }
            table(.id("enforcement-cases")) {
                thead {
                    tr {
                        th { "案号" }; th { "被执行单位" }; th { "区划" }; th { "履行内容" }; th { "标的金额（元）" }; th { "已履行（元）" }
                        th { "未履行（元）" }; th { "执行状态" }; th { "专项清理" }
                    }
                }
                tbody {
                    for row in model.list.rows {
                        tr(.attr("data-state", row.state.rawValue)) {
                            td(.class("nowrap")) { a(.href(.enforcementCase(row.id))) { row.caseNumber } }
                            td { row.organName }
                            td { row.regionName }
                            td { row.obligation == .money ? Obligation.money.label : row.act }
                            td(.class("num")) { row.obligation == .money ? Money.yuan(row.owedFen) : "—" }
                            td(.class("num")) { row.obligation == .money ? Money.yuan(row.paidFen) : "—" }
                            td(.class(row.outstandingFen > 0 ? "num bad" : "num")) {
                                row.obligation == .money ? Money.yuan(row.outstandingFen) : "—"
                            }
                            td(.class("nowrap")) { row.state.label }
                            td { row.campaignName ?? "" }
                        }
                    }
                }
            }
            if model.list.rows.isEmpty { p(.class("muted")) { "没有符合条件的执行案件。" } }
            div(.class("pager")) {
                if filter.after != nil { a(.href(.enforcement(code, filter: filter))) { "« 第一页" } }
                if let next = model.list.next {
                    a(.href(.enforcement(code, filter: filter, after: next)), .id("next-page")) { "下一页 ›" }
                }
            }
        }
    }
}
