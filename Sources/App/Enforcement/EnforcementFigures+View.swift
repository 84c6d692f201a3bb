import Foundation
import FuyuanCore

/// The figures of enforcement cases against organs: totals, each clean-up campaign's way to zero as a bar and a
/// table, the organs late for their campaign (each one action away from supervision), by organ, by lower region.
enum EnforcementFiguresView {
    struct Model {
        let regionCode: String
        let regionName: String
        let result: EnforcementFiguresQueries.Result
        let today: CalendarDay
        /// The office of the region: starts campaigns.
        let isOffice: Bool
        /// The regions whose office the caller is: it supervises the late organs of those.
        let supervisesRegion: UUID?
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let total = model.result.total
        return Layout.page(
            title: "执行案件统计与专项清理", shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("执行案件", .enforcement(code)), ("统计与专项清理", nil)]
        ) {
            h1 { "\(model.regionName) · 涉党政机关执行案件统计" }
            Form.problems(model.problems)
            p(.class("muted")) { "含下级区划；金额单位为元。截至 \(model.today.chinese)。" }
            div(.class("stats"), .id("enforcement-totals")) {
                for (label, value, key) in [
                    ("案件", "\(total.cases)", "cases"), ("未清零案件", "\(total.open)", "open"),
                    ("标的金额", Money.yuan(total.owedFen), "owed"), ("已履行", Money.yuan(total.paidFen), "paid"),
                    ("未履行", Money.yuan(total.outstandingFen), "outstanding"),
                ] {
                    div(.class("stat"), .attr("data-figure", key)) {
                        div(.class("num")) { value }
                        div(.class("cap")) { label }
                    }
                }
            }
            h2 { "专项清理" }
            if model.result.campaigns.isEmpty { p(.class("muted")) { "尚无专项清理中的案件。" } }
            if model.result.campaignCount > model.result.campaigns.count {
                p(.class("muted"), .id("campaign-count")) {
                    "共 \(model.result.campaignCount) 项专项清理，先列出尚未清零的，各按清零时限，共 \(model.result.campaigns.count) 项。"
                }
            }
            for campaign in model.result.campaigns {
                let percent = campaign.figures.cases == 0 ? 100 : campaign.cleared * 100 / campaign.figures.cases
                let late =
                    campaign.figures.open > 0
                    && (CalendarDay(parsing: campaign.targetOn).map { $0 < model.today } ?? false)
                div(.class("card campaign"), .attr("data-campaign", campaign.name)) {
                    h3 {
                        campaign.name
                        span(.class("muted small")) {
                            "  \(campaign.regionName) · \(HomeCard.day(campaign.targetOn))前清零"
                        }
                        if late { " "; span(.class("tag bad")) { "逾期未清零" } }
                    }
                    element(
                        "progress",
                        [
                            .class("campaign-bar"), .attr("max", "\(max(1, campaign.figures.cases))"),
                            .attr("value", "\(campaign.cleared)"),
                            .attr("aria-label", "已清零 \(campaign.cleared)/\(campaign.figures.cases)"),
                        ]
                    ) { "\(percent)%" }
                    p(.class("campaign-figures")) {
                        "已清零 \(campaign.cleared) 件 / 共 \(campaign.figures.cases) 件（\(percent)%），未清零 \(campaign.figures.open) 件，"
                            + "已履行 \(Money.yuan(campaign.figures.paidFen)) 元，未履行 \(Money.yuan(campaign.figures.outstandingFen)) 元"
                    }
                }
            }
            if !model.result.late.rows.isEmpty {
                h2 { "逾期未清零的被执行单位" }
                if model.result.late.pairs > model.result.late.rows.count {
                    p(.class("muted"), .id("late-count")) {
                        "共 \(model.result.late.pairs) 个单位与专项清理逾期未清零，列出清零时限最早的 \(model.result.late.rows.count) 个。"
                    }
                }
                table(.id("late-organs")) {
                    thead {
                        tr {
                            th { "被执行单位" }; th { "专项清理" }; th { "清零时限" }; th { "未清零" }; th { "未履行（元）" }; th { "" }
                        }
                    }
                    tbody {
                        for late in model.result.late.rows {
                            tr(.attr("data-organ", late.organName)) {
                                td { late.organName }
                                td { late.campaignName }
                                td(.class("nowrap")) { late.targetOn }
                                td { "\(late.open) 件" }
                                td(.class("num bad")) { Money.yuan(late.outstandingFen) }
                                td {
                                    if late.organRegion == model.supervisesRegion {
                                        form(.post, .action(.enforcementSupervise(code)), .class("inline")) {
                                            Layout.csrfField(shell.csrfToken)
                                            input(.type("hidden"), .name("organID"), .value(late.organ.uuidString))
                                            button(
                                                .type("submit"), .class("small"),
                                                .attr("aria-label", "督办\(late.organName)")
                                            ) { "督办" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if model.isOffice {
                element("details", [.class("card"), .id("campaign-new")]) {
                    element("summary", []) { "开展专项清理" }
                    form(.post, .action(.enforcementCampaigns(code)), .class("actions"), .id("campaign-form")) {
                        Layout.csrfField(shell.csrfToken)
                        input(
                            .type("text"), .name("name"), .attr("placeholder", "专项清理名称"), .attr("aria-label", "专项清理名称"),
                            .required)
                        input(.type("date"), .name("targetOn"), .attr("aria-label", "清零时限"), .required)
                        button(.type("submit")) { "开展" }
                    }
                }
            }
            h2 { "按被执行单位" }
            if model.result.organCount > model.result.organs.count {
                p(.class("muted"), .id("organ-count")) {
                    "共 \(model.result.organCount) 个被执行单位，列出未履行金额最多的 \(model.result.organs.count) 个。"
                }
            }
            figuresTable(model.result.organs, first: "被执行单位", id: "by-organ")
            if !model.result.lower.isEmpty {
                h2 { "下级区划" }
                figuresTable(model.result.lower, first: "区划", id: "by-region")
            }
        }
    }

    private static func figuresTable(_ lines: [EnforcementFiguresQueries.Line], first: String, id: String) -> Node {
        table(.id(id)) {
            thead {
                tr {
                    th { first }; th { "案件" }; th { "未清零" }; th { "标的金额（元）" }; th { "已履行（元）" }; th { "未履行（元）" }
                }
            }
            tbody {
                for line in lines {
                    tr(.attr("data-name", line.name)) {
                        td { line.name }
                        td { "\(line.figures.cases)" }
                        td { "\(line.figures.open)" }
                        td(.class("num")) { Money.yuan(line.figures.owedFen) }
                        td(.class("num")) { Money.yuan(line.figures.paidFen) }
                        td(.class(line.figures.outstandingFen > 0 ? "num bad" : "num")) {
                            Money.yuan(line.figures.outstandingFen)
                        }
                    }
                }
            }
        }
    }
}
