import Foundation
import FuyuanCore

enum DashboardView {
    struct Model {
        let regionCode: String
        let regionName: String
        let period: DayRange
        let result: LitigationQueries.Result
        let chart: [LitigationQueries.Month]
        let thresholds: WarningThresholds
        /// The office of this region may turn a warning into a supervision item.
        let canSupervise: Bool
        let lower: [(code: String, name: String, figures: LitigationFigures)]
        let presets: [(label: String, from: CalendarDay, to: CalendarDay)]
        /// Every defendant unit in the ranking, not only the first `rankingShown`.
        let allUnits: Bool
    }

    /// A province has thousands of defendant units: the ranking shows the first this many unless all are asked for.
    static let rankingShown = 100

    /// This year, last year and the half-years of the last three years.
    static func presets(today: CalendarDay) -> [(label: String, from: CalendarDay, to: CalendarDay)] {
        var presets: [(String, CalendarDay, CalendarDay)] = [
            ("今年", CalendarDay(year: today.year, month: 1, clampingDay: 1), today)
        ]
        for year in stride(from: today.year - 1, through: today.year - 3, by: -1) {
            let january = CalendarDay(year: year, month: 1, clampingDay: 1)
            presets.append(("\(year)年", january, CalendarDay(year: year, month: 12, clampingDay: 31)))
            presets.append(("\(year)年上半年", january, CalendarDay(year: year, month: 6, clampingDay: 30)))
        }
        return presets
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let now = model.result.current
        let before = model.result.previous
        let path = SitePath.litigation(model.regionCode).url
        return Layout.page(
            title: "\(model.regionName)行政诉讼", shell: shell,
            breadcrumbs: [(model.regionName, .region(model.regionCode)), ("行政诉讼", nil)]
        ) {
            h1 { "\(model.regionName) · 行政诉讼" }
            form(.get, .attr("action", path), .class("card filters"), .id("period-form")) {
                input(.type("date"), .name("from"), .value(model.period.from.description), .attr("aria-label", "起始日期"))
                span { "至" }
                input(.type("date"), .name("to"), .value(model.period.to.description), .attr("aria-label", "截止日期"))
                button(.type("submit")) { "统计" }
                for preset in model.presets {
                    a(.attr("href", "\(path)?from=\(preset.from)&to=\(preset.to)"), .class("small")) { preset.label }
                }
                a(.attr("href", "\(path)/bulletin"), .class("small")) { "出庭应诉情况通报 ›" }
                a(.href(.cases(model.regionCode)), .class("small"), .id("cases-link")) { "案件 ›" }
            }
            p(.class("muted")) {
                "统计期间 \(model.period.from.chinese)至\(model.period.to.chinese)，含下级区划；上年同期 \(model.period.yearBefore.from.chinese)至\(model.period.yearBefore.to.chinese)。"
            }
            div(.class("stats"), .id("figures")) {
                stat(
                    "收案", now.received, before.received, id: "fig-received",
                    note: "旧存 \(now.carriedOver) · 新收 \(now.new)")
                stat("结案", now.concluded, before.concluded, id: "fig-concluded")
                stat("未结", now.pending, before.pending, id: "fig-pending")
                stat("败诉", now.losses, before.losses, id: "fig-losses")
                rate("败诉率", now.lossRate, before.lossRate, id: "fig-loss-rate")
                stat("发案量（一审新收）", now.caseload, before.caseload, id: "fig-caseload")
                rate("负责人出庭率", now.appearanceRate, before.appearanceRate, id: "fig-appearance")
                rate("正职出庭率", now.principalAppearanceRate, before.principalAppearanceRate, id: "fig-principal")
                rate("出声率", now.spokeRate, before.spokeRate, id: "fig-spoke")
                rate("调解撤诉率", now.mediatedWithdrawalRate, before.mediatedWithdrawalRate, id: "fig-mediated")
            }
            div(.class(model.result.doubleDecline ? "notice" : "problems"), .id("double-decline")) {
                model.result.doubleDecline
                    ? "实现“双下降”：发案量 \(now.caseload) 件（上年同期 \(before.caseload) 件），败诉率 \(Rate.text(now.lossRate))（上年同期 \(Rate.text(before.lossRate))）。"
                    : "未实现“双下降”：发案量 \(now.caseload) 件（上年同期 \(before.caseload) 件），败诉率 \(Rate.text(now.lossRate))（上年同期 \(Rate.text(before.lossRate))）。"
            }
            div(.class("card")) {
                h2 { "按月新收与败诉" }
                Chart.bars(
                    model.chart.map { ($0.label, $0.new, $0.losses) }, first: "新收", second: "败诉")
            }
            div(.class("card")) {
                h2 { "被告单位排名" }
                p(.class("muted small")) {
                    "预警：败诉率达到 \(model.thresholds.lossRate.map { "\($0)%" }.joined(separator: "／"))，或出庭率低于 "
                        + "\(model.thresholds.appearanceRate.map { "\($0)%" }.joined(separator: "／"))，分别为黄、橙、红色预警。"
                }
                let ranking = model.allUnits ? model.result.rows : Array(model.result.rows.prefix(rankingShown))
                figureTable(ranking.map { ($0.label, $0.figures) }, id: "unit-ranking", first: "被告单位") {
                    index in
                    let row = ranking[index]
                    let level = model.thresholds.level(row.figures)
                    return [
                        td {
                            if level != .none {
                                span(.class("mark warn-\(level)"), .attr("data-level", "\(level)")) { level.label }
                            }
                        },
                        td {
                            if model.canSupervise && level != .none, let unitID = UUID(uuidString: row.key) {
                                form(
                                    .post, .action(.litigationWarnings(model.regionCode)),
                                    .class("inline")
                                ) {
                                    Layout.csrfField(shell.csrfToken)
                                    input(.type("hidden"), .name("unitID"), .value(unitID.uuidString))
                                    input(.type("hidden"), .name("from"), .value(model.period.from.description))
                                    input(.type("hidden"), .name("to"), .value(model.period.to.description))
                                    button(.type("submit"), .class("small secondary")) { "转为督办" }
                                }
                            }
                        },
                    ]
                }
                if ranking.count < model.result.rows.count {
                    p(.class("muted small"), .id("ranking-more")) {
                        "共 \(model.result.rows.count) 个被告单位，显示败诉件数居前的 \(ranking.count) 个。"
                        a(.attr("href", "\(path)?from=\(model.period.from)&to=\(model.period.to)&units=all")) { "显示全部" }
                    }
                }
            }
            if !model.lower.isEmpty {
                div(.class("card")) {
                    h2 { "下级区划对比" }
                    figureTable(model.lower.map { ($0.name, $0.figures) }, id: "lower-figures", first: "区划")
                }
            }
        }
    }

    /// `extra` adds cells after the figures of row `index` (the warning mark and action on the ranking).
    static func figureTable(
        _ rows: [(String, LitigationFigures)], id: String, first: String, extra: ((Int) -> [Node])? = nil
    ) -> Node {
        div(.class("table-wrap")) {
            table(.id(id)) {
                thead {
                    tr {
                        th { first }; th { "收案" }; th { "结案" }; th { "未结" }; th { "败诉" }; th { "败诉率" }; th { "开庭" }
                        th { "出庭率" }; th { "调解撤诉率" }
                        if extra != nil { th { "预警" }; th { "" } }
                    }
                }
                tbody {
                    for (index, (name, figures)) in rows.enumerated() {
                        tr(.attr("data-name", name)) {
                            td(.class("nowrap")) { name }
                            td { "\(figures.received)" }
                            td { "\(figures.concluded)" }
                            td { "\(figures.pending)" }
                            td { "\(figures.losses)" }
                            td { Rate.text(figures.lossRate) }
                            td { "\(figures.heard)" }
                            td { Rate.text(figures.appearanceRate) }
                            td { Rate.text(figures.mediatedWithdrawalRate) }
                            if let extra { extra(index) }
                        }
                    }
                }
            }
        }
    }

    private static func stat(_ caption: String, _ value: Int, _ before: Int, id: String, note: String? = nil) -> Node {
        div(.class("stat"), .id(id)) {
            div(.class("num")) { "\(value)" }
            div(.class("cap")) { caption }
            div(.class("cap")) { "上年同期 \(before)" + (note.map { " · \($0)" } ?? "") }
        }
    }

    private static func rate(_ caption: String, _ value: Rate?, _ before: Rate?, id: String) -> Node {
        div(.class("stat"), .id(id)) {
            div(.class("num")) { Rate.text(value) }
            div(.class("cap")) { caption }
            div(.class("cap")) { "上年同期 \(Rate.text(before))" }
        }
    }
}

enum BulletinView {
    struct Model {
        let regionCode: String
        let regionName: String
        let label: String
        let year: Int
        let quarter: Int
        let rows: [LitigationQueries.Row]
        let total: LitigationFigures
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let path = SitePath.litigationBulletin(model.regionCode).url
        return Layout.page(
            title: "出庭应诉情况通报", shell: shell,
            breadcrumbs: [(model.regionName, .region(model.regionCode)), ("行政诉讼", nil), ("出庭应诉情况通报", nil)]
        ) {
            form(.get, .attr("action", path), .class("card filters"), .id("bulletin-form")) {
                input(
                    .type("number"), .name("year"), .value("\(model.year)"), .attr("aria-label", "年度"),
                    .attr("min", "2000"), .attr("max", "2100"))
                select(.name("quarter"), .attr("aria-label", "季度")) {
                    for quarter in 1...4 { choice("\(quarter)", "第\(quarter)季度", selected: quarter == model.quarter) }
                }
                button(.type("submit")) { "生成" }
            }
            h1(.id("bulletin-title")) { "\(model.regionName)\(model.label)行政机关负责人出庭应诉情况通报" }
            p {
                "本季度开庭审理的行政案件 \(model.total.heard) 件，行政机关负责人出庭 \(model.total.appeared) 件，出庭率 \(Rate.text(model.total.appearanceRate))；"
                    + "正职出庭 \(model.total.principalAppeared) 件，出庭未出声 \(model.total.appeared - model.total.spoke) 件。"
            }
            table(.id("bulletin")) {
                thead {
                    tr {
                        th { "被告单位" }; th { "开庭案件" }; th { "负责人出庭" }; th { "出庭率" }; th { "正职出庭" }; th { "出庭未出声" }
                    }
                }
                tbody {
                    for row in model.rows {
                        tr(.attr("data-name", row.label)) {
                            td { row.label }
                            td { "\(row.figures.heard)" }
                            td { "\(row.figures.appeared)" }
                            td { Rate.text(row.figures.appearanceRate) }
                            td { "\(row.figures.principalAppeared)" }
                            td { "\(row.figures.appeared - row.figures.spoke)" }
                        }
                    }
                }
            }
            if model.rows.isEmpty { p(.class("muted")) { "本季度没有开庭审理的行政案件。" } }
        }
    }
}
