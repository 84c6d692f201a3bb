import Foundation
import FuyuanCore

enum ItemView {
    /// The item page shows the newest this many progress reports and steps; `?history=all` shows every one.
    static let historyShown = 50

    /// Under a shortened history: how many are shown, and the way to all of them, back at the same place.
    private static func wholeHistoryLink(_ model: Model, shown: Int, id: String, anchor: String) -> Node {
        p(.class("muted small"), .id(id)) {
            "以上为最近 \(shown) 条。"
            a(.attr("href", SitePath.item(model.itemID).url + "?history=all#" + anchor)) { "显示全部进展报告和办理记录" }
        }
    }

    struct PartRow {
        let part: LedgerQueries.Part
        let timeliness: Timeliness
        /// The steps the caller can take on this part.
        let actions: [WorkflowAction]
        /// The caller answers for this part: they report and ask for extensions here.
        let isMine: Bool
    }

    /// A step of the item's history.
    struct Event {
        let at: Date
        let actor: String
        let unitName: String?
        let what: String
        let reason: String
    }

    /// A unit's request for more time, and the office's decision.
    struct Extension {
        let id: UUID
        let unitName: String
        /// As stored (YYYY-MM-DD).
        let requestedDay: String
        let reason: String
        let requestedBy: String
        let status: ExtensionRequest.Status
        let decidedBy: String?
    }

    /// A copy handed down to a lower region.
    struct Child {
        let id: UUID
        let regionName: String
        let state: ItemState
        let latestReport: String
    }

    struct AttachmentRow {
        let id: UUID
        let fileName: String
        /// Bytes.
        let size: Int
        /// nil for the office's own.
        let unitName: String?
        let uploadedBy: String
    }

    struct Model {
        let item: LedgerQueries.ItemFields
        let itemID: UUID
        let listTitle: String
        let regionCode: String
        let regionName: String
        let parts: [PartRow]
        /// The newest `historyShown` reports, or all of them (`?history=all`), and how many there are.
        let reports: [LedgerDTO.Report]
        let reportsTotal: Int
        /// The newest `historyShown` steps, or all, and whether there are more than shown.
        let events: [Event]
        let moreEvents: Bool
        let extensions: [Extension]
        /// For periodic items: the periods a report can be for, newest first.
        let periods: [PeriodSpan]
        let isOffice: Bool
        /// Copies handed down to lower regions, with the region's name: the roll-up.
        let children: [Child]
        /// Lower regions this item can still be handed down to (for the office).
        let lowerRegions: [(code: String, name: String)]
        /// The region's units, offered when the office deploys a draft.
        let units: [(id: UUID, name: String)]
        let attachments: [AttachmentRow]
        let canAttach: Bool
        let listKind: ListKind
        /// For a problem: the responsibility entries that answer it; for a responsibility entry: the problems it answers.
        let paired: [(id: UUID, title: String, state: String)]
        /// Responsibility entries the office can still pair with this problem.
        let pairCandidates: [(id: UUID, title: String)]
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let item = model.item
        let id = model.itemID
        return Layout.page(
            title: item.title, shell: shell,
            breadcrumbs: [
                (model.regionName, .region(model.regionCode)), ("工作台账", .ledger(model.regionCode)),
                ("第 \(item.number) 项", nil),
            ]
        ) {
            h1 { item.title }
            Form.problems(model.problems)
            div(.class("grid")) {
                div(.class("card")) {
                    dl(.class("facts"), .id("item-facts")) {
                        dt { "清单" }; dd { model.listTitle }
                        dt { "序号" }; dd { "\(item.number)" }
                        dt { "任务领域" }; dd { item.area.label }
                        dt { "完成时限" }; dd(.id("item-deadline")) { item.deadline.label }
                        dt { "销号要求" }; dd { item.deadline.closing }
                        dt { "办理状态" }; dd(.id("item-state")) { item.state.label }
                        dt { "交办日期" }; dd { item.issuedDay?.chinese ?? "尚未交办" }
                    }
                    if model.isOffice {
                        p(.class("actions")) {
                            if ![.closed, .notApplicable].contains(item.state) {
                                a(.class("button secondary"), .href(.itemEdit(id)), .id("item-edit")) { "修改事项" }
                            }
                            if item.state != .draft && !item.state.isFinished {
                                a(
                                    .class("button secondary"),
                                    .attr("href", SitePath.supervision(model.regionCode).url + "?item=\(id.uuidString)")
                                ) {
                                    "督办本事项"
                                }
                            }
                        }
                    }
                    if model.isOffice && item.state == .draft {
                        form(.post, .action(.itemIssue(id)), .id("issue-form")) {
                            Layout.csrfField(shell.csrfToken)
                            button(.type("submit")) { "交办" }
                        }
                    }
                }
                div(.class("card")) {
                    h2 { "具体内容" }
                    p(.class("prewrap")) { item.content.isEmpty ? "（无）" : item.content }
                }
            }
            if !model.paired.isEmpty || !model.pairCandidates.isEmpty {
                div(.class("card"), .id("paired")) {
                    h2 { model.listKind == .problem ? "对应的责任清单事项（\(model.paired.count)）" : "回应的问题清单事项" }
                    ul {
                        for entry in model.paired {
                            li {
                                a(.href(.item(entry.id))) { entry.title };
                                span(.class("muted small")) { "  " + entry.state }
                            }
                        }
                    }
                    if !model.pairCandidates.isEmpty {
                        form(.post, .action(.itemLinks(id)), .class("actions"), .id("link-form")) {
                            Layout.csrfField(shell.csrfToken)
                            select(.name("measureID"), .attr("aria-label", "责任清单事项")) {
                                for candidate in model.pairCandidates {
                                    choice(candidate.id.uuidString, candidate.title, selected: false)
                                }
                            }
                            button(.type("submit"), .class("secondary small")) { "对应" }
                        }
                    }
                }
            }
            if !model.children.isEmpty { rollUp(model) }
            if model.isOffice && item.state == .draft { deploy(model, csrf: shell.csrfToken) }
            if !model.lowerRegions.isEmpty {
                div(.class("card")) {
                    h2 { "下达至下级区划" }
                    form(.post, .action(.itemHandDown(id)), .id("hand-down-form"), .class("actions")) {
                        Layout.csrfField(shell.csrfToken)
                        for region in model.lowerRegions {
                            label {
                                input(.type("checkbox"), .name("region[]"), .value(region.code), .checked)
                                " " + region.name
                            }
                        }
                        button(.type("submit"), .class("secondary")) { "下达" }
                    }
                }
            }
            div(.class("card")) {
                h2 { "办理单位" }
                div(.class("table-wrap")) {
                    table(.id("parts")) {
                        thead {
                            tr {
                                th { "" }; th { "单位" }; th { "角色" }; th { "状态" }; th { "下一时限" }; th { "办理" }
                            }
                        }
                        tbody {
                            for row in model.parts {
                                tr(.attr("data-unit", row.part.unitName), .attr("data-mark", row.timeliness.colour)) {
                                    td { LedgerView.mark(row.timeliness) }
                                    td { row.part.unitName }
                                    td { row.part.role.label }
                                    td(.class("part-state")) { row.part.state.label }
                                    td {
                                        if let due = row.part.nextDueOn.flatMap(CalendarDay.init(parsing:)) {
                                            "\(due.chinese)（\(row.part.nextDueReason)）"
                                        } else {
                                            "—"
                                        }
                                    }
                                    td { steps(row, itemID: id, csrf: shell.csrfToken) }
                                }
                            }
                        }
                    }
                }
            }
            for row in model.parts where row.isMine && row.part.state.mayReport {
                div(.class("card"), .id("report-card")) {
                    h2 { "报送进展（\(row.part.unitName)）" }
                    form(.post, .action(.itemReports(id)), .id("report-form")) {
                        Layout.csrfField(shell.csrfToken)
                        input(.type("hidden"), .name("partID"), .value(row.part.id.uuidString))
                        if !model.periods.isEmpty {
                            div(.class("field")) {
                                label(.for("f-period")) { "报送期次" }
                                select(.id("f-period"), .name("period")) {
                                    for span in model.periods { choice(span.key, span.label, selected: false) }
                                }
                            }
                        }
                        div(.class("field")) {
                            label(.for("f-text")) { "进展情况" }
                            textarea(.id("f-text"), .name("text"), .attr("rows", "4"), .required) {}
                        }
                        Form.field("相关数据", name: "figures", required: false, hint: "如 受理 59 件、结案 43 件")
                        button(.type("submit")) { "报送" }
                    }
                }
                if item.deadline.completionDay != nil && row.part.state.owesWork {
                    div(.class("card")) {
                        h2 { "申请延期" }
                        form(.post, .action(.itemExtensions(id)), .id("extension-form"), .class("actions")) {
                            Layout.csrfField(shell.csrfToken)
                            input(.type("hidden"), .name("partID"), .value(row.part.id.uuidString))
                            input(.type("date"), .name("day"), .attr("aria-label", "延期至"), .required)
                            input(
                                .type("text"), .name("reason"), .attr("placeholder", "延期理由"),
                                .attr("aria-label", "延期理由"), .required)
                            button(.type("submit"), .class("secondary")) { "提交延期申请" }
                        }
                    }
                }
            }
            if !model.extensions.isEmpty {
                div(.class("card")) {
                    h2 { "延期申请（\(model.extensions.count)）" }
                    table(.id("extensions")) {
                        thead {
                            tr {
                                th { "单位" }; th { "延期至" }; th { "理由" }; th { "申请人" }; th { "审批" }
                            }
                        }
                        tbody {
                            for request in model.extensions {
                                tr {
                                    td { request.unitName }
                                    td { CalendarDay(parsing: request.requestedDay)?.chinese ?? request.requestedDay }
                                    td { request.reason }
                                    td { request.requestedBy }
                                    td {
                                        if request.status == .pending && model.isOffice {
                                            form(
                                                .post, .action(.itemExtensionDecision(id)), .class("actions")
                                            ) {
                                                Layout.csrfField(shell.csrfToken)
                                                input(
                                                    .type("hidden"), .name("extensionID"),
                                                    .value(request.id.uuidString))
                                                input(
                                                    .type("text"), .name("note"), .attr("placeholder", "审批意见"),
                                                    .attr("aria-label", "审批意见"))
                                                button(.type("submit"), .name("approve"), .value("1"), .class("small"))
                                                { "同意" }
                                                button(
                                                    .type("submit"), .name("approve"), .value("0"),
                                                    .class("small secondary")
                                                ) { "不同意" }
                                            }
                                        } else {
                                            request.status.label + (request.decidedBy.map { "（\($0)）" } ?? "")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div(.class("card"), .id("attachments")) {
                h2 { "附件（\(model.attachments.count)）" }
                ul {
                    for attachment in model.attachments {
                        li {
                            a(.href(.attachment(attachment.id))) { attachment.fileName }
                            span(.class("muted small")) {
                                "  \(attachment.size / 1024 + 1) KB · \(attachment.unitName ?? "联席办") · \(attachment.uploadedBy)"
                            }
                        }
                    }
                }
                if model.canAttach {
                    form(
                        .post, .action(.itemAttachments(id)), .attr("enctype", "multipart/form-data"),
                        .class("actions"),
                        .id("attachment-form")
                    ) {
                        Layout.csrfField(shell.csrfToken)
                        input(
                            .type("file"), .name("file"), .attr("accept", ".pdf,.png,.jpg,.jpeg,.docx,.xlsx"),
                            .attr("aria-label", "附件"), .required)
                        button(.type("submit"), .class("secondary small")) { "上传附件" }
                    }
                    p(.class("muted small")) { "PDF、PNG、JPEG、.docx、.xlsx，单个不超过 20 MB。" }
                }
            }
            div(.class("card"), .id("reports")) {
                h2 { "进展报告（\(model.reportsTotal)）" }
                if model.reports.isEmpty { p(.class("muted")) { "暂无进展报告。" } }
                for report in model.reports {
                    div(.class("report")) {
                        div(.class("muted small")) {
                            "\(CalendarDay(parsing: report.reportedOn)?.chinese ?? report.reportedOn) · \(report.unitName) · \(report.author)"
                                + (report.period.map { " · \($0)" } ?? "")
                        }
                        p(.class("prewrap")) { report.text }
                        if !report.figures.isEmpty { p(.class("muted")) { "数据：" + report.figures } }
                    }
                }
                if model.reports.count < model.reportsTotal {
                    wholeHistoryLink(model, shown: model.reports.count, id: "reports-more", anchor: "reports")
                }
            }
            div(.class("card")) {
                h2 { "办理记录" }
                table(.id("history")) {
                    thead {
                        tr {
                            th { "时间" }; th { "办理人" }; th { "单位" }; th { "事项" }; th { "理由" }
                        }
                    }
                    tbody {
                        for event in model.events {
                            tr {
                                td(.class("nowrap")) { ChineseTime.minute(event.at) }
                                td { event.actor }
                                td { event.unitName ?? "" }
                                td { event.what }
                                td { event.reason }
                            }
                        }
                    }
                }
                if model.moreEvents {
                    wholeHistoryLink(model, shown: model.events.count, id: "history-more", anchor: "history")
                }
            }
        }
    }

    /// The roll-up: each lower region's state and latest report, and the count by state.
    private static func rollUp(_ model: Model) -> Node {
        div(.class("card"), .id("roll-up")) {
            h2 { "下级办理情况（\(model.children.count)）" }
            p(.class("muted"), .id("roll-up-tally")) {
                Workflow.tally(model.children.map(\.state)).map { "\($0.0.rollUpLabel) \($0.1)" }.joined(
                    separator: "，")
            }
            table {
                thead {
                    tr {
                        th { "区划" }; th { "办理状态" }; th { "最新进展" }
                    }
                }
                tbody {
                    for child in model.children {
                        tr(.attr("data-region", child.regionName)) {
                            td(.class("nowrap")) { a(.href(.item(child.id))) { child.regionName } }
                            td(.class("nowrap")) { child.state.rollUpLabel }
                            td { child.latestReport }
                        }
                    }
                }
            }
        }
    }

    /// For the office of a draft: choose the units and issue, or (for an item from above) declare no related matters.
    private static func deploy(_ model: Model, csrf: String) -> Node {
        let id = model.itemID
        return div(.class("card"), .id("deploy")) {
            h2 { "部署办理单位" }
            form(.post, .action(.itemDeploy(id)), .id("assign-form")) {
                Layout.csrfField(csrf)
                ItemNewView.unitRoles(model.units, values: nil)
                div(.class("actions")) {
                    label {
                        input(.type("checkbox"), .name("issueNow"), .value("1"), .checked)
                        " 同时交办"
                    }
                    button(.type("submit")) { "保存" }
                }
            }
            if model.item.parentItemID != nil {
                form(.post, .action(.itemNotApplicable(id)), .id("not-applicable-form"), .class("actions")) {
                    Layout.csrfField(csrf)
                    input(
                        .type("text"), .name("reason"), .attr("placeholder", "排查情况，如 经认真研判、仔细排查，目前没有相关问题事项"),
                        .attr("aria-label", "排查情况"), .required)
                    button(.type("submit"), .class("secondary")) { "确认无相关问题事项" }
                }
            }
        }
    }

    private static func steps(_ row: PartRow, itemID: UUID, csrf: String) -> Node {
        div(.class("actions")) {
            for action in row.actions {
                form(.post, .action(.itemStep(itemID)), .class("actions step")) {
                    Layout.csrfField(csrf)
                    input(.type("hidden"), .name("partID"), .value(row.part.id.uuidString))
                    input(.type("hidden"), .name("action"), .value(action.rawValue))
                    if action.needsReason {
                        input(
                            .type("text"), .name("reason"), .attr("placeholder", "\(action.label)理由"),
                            .attr("aria-label", "\(row.part.unitName)\(action.label)理由"), .required)
                    }
                    button(.type("submit"), .class("small"), .attr("data-action", action.rawValue)) { action.label }
                }
            }
        }
    }
}
