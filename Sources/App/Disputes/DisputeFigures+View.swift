import Foundation
import FuyuanCore

/// The resolution centre's figures for a period against the region's targets: the disputes registered, resolved and
/// withdrawn after mediation, the days to close and the change against a year before, with the litigation figures the
/// targets are written in (new cases year on year, the mediated-withdrawal rate); the lower regions side by side; and
/// for the office the form that sets the targets.
enum DisputeFiguresView {
    struct Model {
        let regionCode: String
        let regionName: String
        let period: DayRange
        let result: DisputeFiguresQueries.Result
        let today: CalendarDay
        /// The office of this region: sets the targets.
        let canSetTargets: Bool
        let problems: [String]
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let total = model.result.total
        let targets = model.result.targets
        return Layout.page(
            title: "行政争议化解统计", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("行政争议化解", .disputes(code)), ("统计与目标", nil)]
        ) {
            h1 { "\(model.regionName) · 行政争议化解统计与目标" }
            Form.notice(model.notice)
            Form.problems(model.problems)
            form(.get, .action(.disputeFigures(code)), .class("card filters"), .id("figures-period")) {
                input(.type("date"), .name("from"), .value(model.period.from.description), .attr("aria-label", "起始日期"))
                input(.type("date"), .name("to"), .value(model.period.to.description), .attr("aria-label", "截止日期"))
                button(.type("submit")) { "统计" }
            }
            p(.class("muted")) {
                "按登记日期统计 \(model.period.from.chinese) 至 \(model.period.to.chinese) 登记的行政争议，截至 \(model.today.chinese)；"
                    + "化解率 = 化解（调解后撤诉、和解、自行纠正）÷ 办结。新收行政案件同比和调解撤诉率取自行政诉讼台账（含下级区划）。"
            }
            div(.class("stats"), .id("dispute-totals")) {
                let figures = total.disputes
                for (label, value, key, met) in [
                    ("登记", "\(figures.registered)", "registered", nil),
                    ("上年同期登记", "\(figures.registeredYearBefore)", "registeredYearBefore", nil),
                    ("办结", "\(figures.closed)", "closed", nil), ("化解", "\(figures.resolved)", "resolved", nil),
                    ("调解后撤诉", "\(figures.mediatedWithdrawals)", "withdrawals", nil),
                    ("环节逾期", "\(figures.overdue)", "overdue", nil),
                    (
                        "化解率（目标 ≥\(targets.resolutionRate)%）", Rate.text(figures.resolutionRate), "resolutionRate",
                        targets.meetsResolution(figures.resolutionRate)
                    ),
                    ("平均办结天数", figures.averageDays.map { String(format: "%.1f", $0) } ?? "—", "averageDays", nil),
                    (
                        "新收行政案件同比（目标 ≤\(targets.newCasesChange)%）", change(total.newCasesChange), "newCasesChange",
                        targets.meetsNewCases(total.newCasesChange)
                    ),
                    (
                        "行政诉讼调解撤诉率（目标 ≥\(targets.mediatedWithdrawalRate)%）",
                        Rate.text(total.cases.mediatedWithdrawalRate),
                        "mediatedWithdrawalRate", targets.meetsWithdrawals(total.cases.mediatedWithdrawalRate)
                    ),
                ] as [(String, String, String, Bool?)] {
                    div(
                        .class("stat"), .attr("data-figure", key),
                        .attr("data-met", met.map { $0 ? "yes" : "no" } ?? "")
                    ) {
                        div(.class("num")) { value }
                        div(.class("cap")) {
                            label
                            if let met { " "; span(.class(met ? "tag ok" : "tag bad")) { met ? "达标" : "未达标" } }
                        }
                    }
                }
            }
            if !model.result.lower.isEmpty {
                h2 { "下级区划" }
                table(.id("by-region")) {
                    thead {
                        tr {
                            th { "区划" }; th { "登记" }; th { "上年同期" }; th { "办结" }; th { "化解" }; th { "化解率" }
                            th { "调解后撤诉" }; th { "平均办结天数" }; th { "新收行政案件" }; th { "同比" }; th { "调解撤诉率" }
                        }
                    }
                    tbody {
                        for line in model.result.lower {
                            let figures = line.disputes
                            tr(.attr("data-code", line.code)) {
                                td { a(.href(.disputeFigures(line.code))) { line.name } }
                                td { "\(figures.registered)" }
                                td { "\(figures.registeredYearBefore)" }
                                td { "\(figures.closed)" }
                                td { "\(figures.resolved)" }
                                td(.class(mark(targets.meetsResolution(figures.resolutionRate)))) {
                                    Rate.text(figures.resolutionRate)
                                }
                                td { "\(figures.mediatedWithdrawals)" }
                                td { figures.averageDays.map { String(format: "%.1f", $0) } ?? "—" }
                                td { "\(line.cases.new)" }
                                td(.class(mark(targets.meetsNewCases(line.newCasesChange)))) {
                                    change(line.newCasesChange)
                                }
                                td(.class(mark(targets.meetsWithdrawals(line.cases.mediatedWithdrawalRate)))) {
                                    Rate.text(line.cases.mediatedWithdrawalRate)
                                }
                            }
                        }
                    }
                }
            }
            if model.canSetTargets { targetsForm(code, targets, csrf: shell.csrfToken) }
        }
    }

    /// A change as people write it: +12.5%, −20.0%; — when there is nothing to compare with.
    static func change(_ value: Double?) -> String {
        guard let value else { return "—" }
        return (value > 0 ? "+" : value < 0 ? "−" : "") + String(format: "%.1f%%", abs(value) * 100)
    }

    private static func mark(_ met: Bool?) -> String {
        met.map { $0 ? "ok" : "bad" } ?? ""
    }

    private static func targetsForm(_ code: String, _ targets: DisputeTargets, csrf: String) -> Node {
        form(.post, .action(.disputeTargets(code)), .class("card"), .id("targets-form")) {
            Layout.csrfField(csrf)
            h2 { "本区划目标" }
            p(.class("muted")) { "未设定的区划沿用上级区划的目标。" }
            for (text, name, value, hint) in [
                ("新收行政案件同比（%）", "newCasesChange", targets.newCasesChange, "如 -20 表示同比减少 20%"),
                ("行政诉讼调解撤诉率（%）", "mediatedWithdrawalRate", targets.mediatedWithdrawalRate, "达到或高于此值为达标"),
                ("行政争议化解率（%）", "resolutionRate", targets.resolutionRate, "达到或高于此值为达标"),
                ("承办期限（工作日）", "handlingDays", targets.handlingDays, "交办时默认的办理期限"),
            ] {
                div(.class("field")) {
                    label(.for("f-" + name)) { text }
                    input(.type("number"), .id("f-" + name), .name(name), .value("\(value)"), .required)
                    small(.class("hint")) { hint }
                }
            }
            button(.type("submit")) { "保存目标" }
        }
    }
}
