import Foundation
import FuyuanCore

/// The cases of a region: filters, the list, and for court staff the case form link, the import with its progress
/// and the template downloads.
enum CasesView {
    struct Model {
        let regionCode: String
        let regionName: String
        let units: [(id: UUID, name: String)]
        let filter: CaseQueries.Filter
        let list: CaseQueries.Page
        let canMaintain: Bool
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let pages = max(1, (model.list.total + CaseQueries.pageSize - 1) / CaseQueries.pageSize)
        let page = model.list.page
        return Layout.page(
            title: "\(model.regionName)行政诉讼案件", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("行政诉讼", .litigation(code)), ("案件", nil)]
        ) {
            h1 { "\(model.regionName) · 行政诉讼案件" }
            if model.canMaintain {
                div(.class("card"), .id("case-import")) {
                    h2 { "录入与导入" }
                    p {
                        a(.href(.newCase(code)), .class("button"), .id("new-case")) { "录入案件" }
                        " 下载导入模板："
                        a(.href(.caseTemplate(code, format: "xlsx")), .id("template-xlsx")) { "Excel (.xlsx)" }
                        " · "
                        a(.href(.caseTemplate(code, format: "csv")), .id("template-csv")) { "CSV (UTF-8)" }
                    }
                    form(
                        .post, .action(.caseImport(code)), .id("case-import-form"), .class("actions"),
                        .attr("data-stream-import", "case-import-result")
                    ) {
                        Layout.csrfField(shell.csrfToken)
                        input(
                            .type("file"), .name("file"), .attr("accept", ".xlsx,.csv"), .attr("aria-label", "案件文件"),
                            .required)
                        button(.type("submit")) { "导入" }
                    }
                    p(.class("muted small")) {
                        "一行一个案件、至多一次开庭；多次开庭的案件写成案号相同的多行。按案号更新，重复导入不会重复计数；有任何一行有误时不写入任何数据。"
                    }
                    element("details", [.id("import-format")]) {
                        element("summary", []) { "填写说明" }
                        dl(.class("facts")) {
                            for (column, rule) in formatRules {
                                dt { column }
                                dd { rule }
                            }
                        }
                    }
                    element("noscript", []) { p(.class("problems")) { "导入需要启用浏览器脚本。" } }
                    div(.id("case-import-result"), .attr("aria-live", "polite")) {}
                }
            }
            form(.get, .action(.cases(code)), .class("card filters"), .id("case-filter")) {
                select(.name("unit"), .attr("aria-label", "被告单位")) {
                    choice("", "全部被告单位", selected: model.filter.unit == nil)
                    for unit in model.units {
                        choice(unit.id.uuidString, unit.name, selected: unit.id == model.filter.unit)
                    }
                }
                select(.name("state"), .attr("aria-label", "状态")) {
                    choice("", "全部状态", selected: model.filter.state == nil)
                    for state in CaseQueries.State.allCases {
                        choice(state.rawValue, state.label, selected: state == model.filter.state)
                    }
                }
                input(
                    .type("search"), .name("number"), .value(model.filter.number ?? ""), .attr("placeholder", "案号"),
                    .attr("aria-label", "案号"))
                button(.type("submit")) { "筛选" }
            }
            p(.class("muted"), .id("case-count")) { "共 \(model.list.total) 件" }
            table(.id("cases")) {
                thead {
                    tr {
                        th { "案号" }; th { "被告单位" }; th { "区划" }; th { "行政行为" }; th { "立案" }; th { "结案" }
                        th { "裁判结果" }; th { "开庭 / 负责人出庭" }
                    }
                }
                tbody {
                    for row in model.list.rows {
                        tr {
                            td(.class("nowrap")) { a(.href(.adminCase(row.id))) { row.number } }
                            td { row.unitName }
                            td { row.regionName }
                            td { row.actionType.label }
                            td(.class("nowrap")) { row.filedOn }
                            td(.class("nowrap")) { row.concludedOn ?? "未结" }
                            td(.class(row.outcome?.isLoss == true ? "bad" : "")) { row.outcome?.label ?? "" }
                            td { row.heard == 0 ? "—" : "\(row.heard) / \(row.appeared)" }
                        }
                    }
                }
            }
            if model.list.rows.isEmpty { p(.class("muted")) { "没有符合条件的案件。" } }
            div(.class("pager")) {
                if page > 1 { a(.attr("href", link(model, page: page - 1))) { "‹ 上一页" } }
                span { "第 \(page) / \(pages) 页" }
                if page < pages { a(.attr("href", link(model, page: page + 1))) { "下一页 ›" } }
            }
        }
    }

    /// What each column of the import format takes.
    static let formatRules: [(String, String)] = [
        ("案号", "如（2023）豫0423行初15号，全角或半角括号均可；按案号更新已有案件"),
        ("审级", "可留空（由案号确定）；填写时须为 " + Procedure.allCases.map(\.label).joined(separator: "、")),
        ("被告单位", "本区划单位的全称或通行简称，如 县人社局、县政府"),
        ("区划代码", "6 位或 9 位区划代码，须在本人范围内"),
        ("行政行为类别", ActionType.allCases.map(\.label).joined(separator: "、")),
        ("原告类型", PlaintiffKind.allCases.map(\.label).joined(separator: "、")),
        ("立案日期、结案日期、开庭日期", "2023-07-24、2023/7/24 或 2023年7月24日，或 Excel 日期；结案日期留空表示未结"),
        ("裁判结果", Outcome.allCases.map(\.label).joined(separator: "、") + "；已结案件必填"),
        ("败诉原因", LossCause.allCases.map(\.label).joined(separator: "、") + "；仅败诉案件填写"),
        ("负责人出庭、是否正职、是否出声", "是 或 否；未开庭的案件留空开庭各列"),
    ]

    private static func link(_ model: Model, page: Int) -> String {
        var items: [URLQueryItem] = []
        if let unit = model.filter.unit { items.append(.init(name: "unit", value: unit.uuidString)) }
        if let state = model.filter.state { items.append(.init(name: "state", value: state.rawValue)) }
        if let number = model.filter.number, !number.isEmpty { items.append(.init(name: "number", value: number)) }
        items.append(.init(name: "page", value: String(page)))
        var components = URLComponents()
        components.queryItems = items
        return SitePath.cases(model.regionCode).url + "?" + (components.percentEncodedQuery ?? "")
    }
}
