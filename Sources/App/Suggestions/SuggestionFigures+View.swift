import Foundation
import FuyuanCore

/// The figures of a region's judicial suggestions for a period: totals, each agency's reply rate (who has not
/// answered first), the lower regions side by side, and the replies still missing.
enum SuggestionFiguresView {
    struct Model {
        let regionCode: String
        let regionName: String
        let period: DayRange
        let result: SuggestionFiguresQueries.Result
        let overdue: [SuggestionQueries.Row]
        let today: CalendarDay
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let total = model.result.total
        return Layout.page(
            title: "司法建议统计", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("司法建议", .suggestions(code)), ("统计", nil)]
        ) {
            h1 { "\(model.regionName) · 司法建议统计" }
            periodForm(.suggestionFigures(code), model.period, id: "figures-period")
            p(.class("muted")) {
                "按发出日期统计 \(model.period.from.chinese) 至 \(model.period.to.chinese) 发出的司法建议，截至 \(model.today.chinese)。"
                    + "回复率 = 已回复 ÷ 应回复（已回复或已过回复期限）；采纳率 = 采纳（含部分采纳）÷ 已回复。"
            }
            div(.class("stats"), .id("suggestion-totals")) {
                for (label, value, key) in [
                    ("发出", "\(total.issued)", "issued"), ("应回复", "\(total.due)", "due"),
                    ("已回复", "\(total.replied)", "replied"),
                    ("按期回复", "\(total.repliedOnTime)", "onTime"), ("采纳", "\(total.adopted)", "adopted"),
                    ("逾期未回复", "\(total.overdue)", "overdue"), ("回复率", Rate.text(total.replyRate), "replyRate"),
                    ("按期回复率", Rate.text(total.onTimeRate), "onTimeRate"),
                    ("采纳率", Rate.text(total.adoptionRate), "adoptionRate"),
                ] {
                    div(.class("stat"), .attr("data-figure", key)) {
                        div(.class("num")) { value }
                        div(.class("cap")) { label }
                    }
                }
            }
            h2 { "各单位回复情况" }
            table(.id("by-agency")) {
                head("被建议单位"); body(model.result.agencies)
            }
            if model.result.agencies.isEmpty { p(.class("muted")) { "本期间未向本级单位发出司法建议。" } }
            if !model.result.lower.isEmpty {
                h2 { "下级区划" }
                table(.id("by-region")) {
                    head("区划"); body(model.result.lower)
                }
            }
            h2 { "逾期未回复" }
            table(.id("overdue")) {
                thead {
                    tr {
                        th { "文号" }; th { "被建议单位" }; th { "区划" }; th { "回复期限" }; th { "逾期" }
                    }
                }
                tbody {
                    for row in model.overdue {
                        tr {
                            td { a(.href(.suggestion(row.id))) { row.reference.isEmpty ? "（无文号）" : row.reference } }
                            td { row.agencyName }
                            td { row.regionName }
                            td(.class("nowrap")) { row.replyDue }
                            td(.class("bad")) {
                                "\(CalendarDay(parsing: row.replyDue).map { $0.days(until: model.today) } ?? 0) 日"
                            }
                        }
                    }
                }
            }
            if model.overdue.isEmpty { p(.class("muted")) { "没有逾期未回复的司法建议。" } }
        }
    }

    /// The period's form: from and to, by the day.
    static func periodForm(_ action: SitePath, _ period: DayRange, id: String) -> Node {
        form(.get, .action(action), .class("card filters"), .id(id)) {
            input(.type("date"), .name("from"), .value(period.from.description), .attr("aria-label", "起始日期"))
            input(.type("date"), .name("to"), .value(period.to.description), .attr("aria-label", "截止日期"))
            button(.type("submit")) { "统计" }
        }
    }

    static func head(_ first: String) -> Node {
        thead {
            tr {
                th { first }; th { "发出" }; th { "应回复" }; th { "已回复" }; th { "按期回复" }; th { "采纳" }; th { "逾期未回复" }
                th { "回复率" }; th { "按期回复率" }; th { "采纳率" }
            }
        }
    }

    static func body(_ lines: [SuggestionFiguresQueries.Line]) -> Node {
        tbody {
            for line in lines {
                let figures = line.figures
                tr(.attr("data-name", line.name)) {
                    td { line.name }
                    td { "\(figures.issued)" }
                    td { "\(figures.due)" }
                    td { "\(figures.replied)" }
                    td { "\(figures.repliedOnTime)" }
                    td { "\(figures.adopted)" }
                    td(.class(figures.overdue > 0 ? "bad" : "")) { "\(figures.overdue)" }
                    td { Rate.text(figures.replyRate) }
                    td { Rate.text(figures.onTimeRate) }
                    td { Rate.text(figures.adoptionRate) }
                }
            }
        }
    }
}

/// The printable 通报 of a period's judicial suggestions and their replies: the figures, each agency's line, and each
/// suggestion with what its agency answered.
enum SuggestionBulletinView {
    struct Model {
        let regionCode: String
        let regionName: String
        let period: DayRange
        let result: SuggestionFiguresQueries.Result
        let rows: [SuggestionQueries.Row]
        let today: CalendarDay
        let rules: DueRules
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let total = model.result.total
        return Layout.page(
            title: "司法建议及反馈情况通报", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("司法建议", .suggestions(code)), ("通报", nil)]
        ) {
            SuggestionFiguresView.periodForm(.suggestionBulletin(code), model.period, id: "bulletin-period")
            h1(.id("bulletin-title")) { "\(model.regionName)司法建议及反馈情况通报" }
            p(.class("muted")) { "（\(model.period.from.chinese)至\(model.period.to.chinese)，截至\(model.today.chinese)）" }
            p(.id("bulletin-summary")) {
                "本期共发出司法建议 \(total.issued) 件，应回复 \(total.due) 件，已回复 \(total.replied) 件（按期回复 \(total.repliedOnTime) 件），"
                    + "回复率 \(Rate.text(total.replyRate))；采纳 \(total.adopted) 件，采纳率 \(Rate.text(total.adoptionRate))；"
                    + "逾期未回复 \(total.overdue) 件。"
            }
            h2 { "一、各单位回复情况" }
            table(.id("bulletin-agencies")) {
                SuggestionFiguresView.head("被建议单位"); SuggestionFiguresView.body(model.result.agencies)
            }
            if !model.result.lower.isEmpty {
                table(.id("bulletin-regions")) {
                    SuggestionFiguresView.head("区划"); SuggestionFiguresView.body(model.result.lower)
                }
            }
            h2 { "二、司法建议及回复" }
            table(.id("bulletin-suggestions")) {
                thead {
                    tr {
                        th { "文号" }; th { "被建议单位" }; th { "发现的问题" }; th { "发出" }; th { "回复期限" }; th { "回复情况" }
                    }
                }
                tbody {
                    for row in model.rows {
                        tr {
                            td(.class("nowrap")) { row.reference.isEmpty ? "（无文号）" : row.reference }
                            td { row.agencyName }
                            td { row.problem }
                            td(.class("nowrap")) { row.issuedOn }
                            td(.class("nowrap")) { row.replyDue }
                            td { answer(row, today: model.today, rules: model.rules) }
                        }
                    }
                }
            }
            if model.rows.isEmpty { p(.class("muted")) { "本期间没有发出司法建议。" } }
        }
    }

    /// What the agency answered, in the bulletin's words.
    static func answer(_ row: SuggestionQueries.Row, today: CalendarDay, rules: DueRules) -> String {
        guard let replied = row.repliedOn else {
            return row.timeliness(today: today, rules: rules) == .overdue ? "逾期未回复" : "未回复（未到期）"
        }
        return "\(replied) 回复，\(row.adoption?.label ?? "")" + (row.isLate ? "（逾期）" : "")
    }
}
