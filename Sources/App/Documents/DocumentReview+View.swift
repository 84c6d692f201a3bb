import Foundation
import FuyuanCore

/// One uploaded document beside its draft: the document's lines on one side, the lines each item came from
/// highlighted, and on the other the items as the office corrects them before committing them into a list; or the
/// roster a notice sets up, to apply to the joint meeting.
enum DocumentReviewView {
    /// One item of the form, as read or as posted.
    struct ItemValues: Sendable, Equatable {
        var include = true
        var number = ""
        var heading = ""
        var title = ""
        var content = ""
        var area = TaskArea.other
        var deadline = ""
        var lead = ""
        var responsible = ""
        var cooperating = ""
        var lines: ClosedRange<Int> = 1...1
    }

    struct Values: Sendable, Equatable {
        var kind = ListKind.responsibility
        var title = ""
        var issueNow = false
        var again = false
        var items: [ItemValues] = []
    }

    struct Model {
        let regionCode: String
        let regionName: String
        let document: DocumentsView.Row
        let header: PlanDraft.Header
        /// The document's lines as a reader sees them, counted from 1.
        let lines: [String]
        let values: Values
        let roster: RosterDraft
        let unmatched: [PlanDraft.Unmatched]
        /// The list its items went into, once committed.
        let listID: UUID?
        /// The region's own office, before the document is committed.
        let canCommit: Bool
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let title = model.document.title
        let sourced = Set(model.values.items.flatMap { Array($0.lines) })
        return Layout.page(
            title: title, shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("公文入账", .documents(code)), (title, nil)]
        ) {
            h1 { title }
            facts(model)
            Form.problems(model.problems)
            unmatched(model.unmatched, regionCode: code)
            div(.class("review")) {
                div(.class("card review-source")) {
                    h2 { "原文" }
                    ol(.class("source-lines"), .id("source")) {
                        for (index, line) in model.lines.enumerated() {
                            li(.id("line-\(index + 1)"), .class(sourced.contains(index + 1) ? "sourced" : "")) { line }
                        }
                    }
                }
                div(.class("review-draft")) {
                    if !model.roster.isEmpty { roster(model) }
                    if !model.values.items.isEmpty || model.roster.isEmpty {
                        itemsForm(model, csrf: shell.csrfToken)
                    }
                }
            }
        }
    }

    private static func facts(_ model: Model) -> Node {
        let header = model.header
        return div(.class("card"), .id("document-facts")) {
            dl(.class("facts")) {
                dt { "文号" }; dd(.id("document-number")) { header.number.isEmpty ? "—" : header.number }
                dt { "发文单位" }; dd { header.issuers.isEmpty ? "—" : header.issuers.joined(separator: "、") }
                dt { "成文日期" }; dd { header.date?.chinese ?? "—" }
                dt { "文件" };
                dd { a(.href(.documentFile(model.document.id)), .id("document-file")) { model.document.fileName } }
                dt { "上传" }; dd { "\(model.document.uploadedBy)，\(model.document.uploadedAt)" }
                dt { "状态" }
                dd(.id("document-state")) {
                    model.document.outcome ?? "待核对"
                    if let list = model.listID {
                        " "
                        a(.href(.ledgerList(model.regionCode, list))) { "查看清单" }
                    }
                }
            }
        }
    }

    private static func unmatched(_ names: [PlanDraft.Unmatched], regionCode: String) -> Node {
        div(.class(names.isEmpty ? "hidden" : "card"), .id("unmatched")) {
            if !names.isEmpty {
                h2 { "未匹配的单位（\(names.count)）" }
                p(.class("muted")) {
                    "以下名称与本区划的单位对不上：请在对应事项中改为本区划的单位，或先"
                    a(.href(.units(regionCode))) { "新建该单位" }
                    "再重新核对。"
                }
                ul {
                    for name in names {
                        li {
                            strong { "“\(name.name)”" }
                            if let item = name.item {
                                " 见"
                                a(.href(SitePath(url: "#item-\(item)"))) { "第 \(item) 项" }
                                name.role.map { "的\($0.label)" } ?? ""
                            } else {
                                " 见联席会议组成"
                            }
                            name.candidates.isEmpty ? "；无相近的单位" : "；相近的单位：" + name.candidates.joined(separator: "、")
                        }
                    }
                }
            }
        }
    }

    private static func itemsForm(_ model: Model, csrf: String) -> Node {
        let values = model.values
        return form(.post, .action(.documentCommit(model.document.id)), .class("card"), .id("commit-form")) {
            Layout.csrfField(csrf)
            h2 { "识别出的事项（\(values.items.count)）" }
            if values.items.isEmpty { p(.class("muted")) { "没有识别出带责任单位或完成时限的编号事项。" } }
            for (index, item) in values.items.enumerated() { itemFields(item, index: index) }
            if model.canCommit && !values.items.isEmpty {
                h2 { "入账" }
                Form.select("清单类别", name: "kind", ListKind.own.map { ($0.rawValue, $0.label) }, values.kind.rawValue)
                Form.field("清单名称", name: "title", value: values.title)
                checkbox("issueNow", "入账后立即下发给各单位（否则先作为草稿，核对后逐项下发）", checked: values.issueNow)
                checkbox("again", "仍然入账（这份公文或同一文号的公文已经入账过）", checked: values.again)
                button(.type("submit")) { "全部入账" }
            }
        }
    }

    private static func itemFields(_ item: ItemValues, index: Int) -> Node {
        let name = { (field: String) in "items[\(index)][\(field)]" }
        let lines =
            item.lines.count == 1
            ? "第 \(item.lines.lowerBound) 行" : "第 \(item.lines.lowerBound)–\(item.lines.upperBound) 行"
        return fieldset(.class("draft-item"), .id("item-\(index + 1)")) {
            legend {
                "第 \(index + 1) 项 \(item.number)"
                if !item.heading.isEmpty { span(.class("muted")) { " " + item.heading } }
            }
            p(.class("small")) { a(.href(SitePath(url: "#line-\(item.lines.lowerBound)"))) { "原文" + lines } }
            checkbox(name("include"), "入账此项", checked: item.include)
            voidElement(
                "input",
                [.type("hidden"), .name(name("lines")), .value("\(item.lines.lowerBound)-\(item.lines.upperBound)")])
            voidElement("input", [.type("hidden"), .name(name("number")), .value(item.number)])
            voidElement("input", [.type("hidden"), .name(name("heading")), .value(item.heading)])
            Form.field("事项", name: name("title"), value: item.title)
            Form.textArea("内容", name: name("content"), value: item.content, required: false, marks: .none)
            Form.select("类别", name: name("area"), TaskArea.allCases.map { ($0.rawValue, $0.label) }, item.area.rawValue)
            Form.field("牵头单位", name: name("lead"), value: item.lead, required: false, hint: "多个单位用“、”分隔")
            Form.field("责任单位", name: name("responsible"), value: item.responsible, required: false)
            Form.field("配合单位", name: name("cooperating"), value: item.cooperating, required: false)
            Form.field("完成时限", name: name("deadline"), value: item.deadline, hint: "如 2025年6月底前、长期坚持、每季度")
        }
    }

    private static func checkbox(_ name: String, _ text: String, checked: Bool) -> Node {
        div(.class("field check")) {
            label {
                voidElement(
                    "input", [.type("checkbox"), .name(name), .value("true")] + (checked ? [.attr("checked", "")] : []))
                " " + text
            }
        }
    }

    private static func roster(_ model: Model) -> Node {
        let roster = model.roster
        return div(.class("card"), .id("roster-draft")) {
            h2 { "联席会议组成" }
            table(.id("roster-people")) {
                thead {
                    tr {
                        th { "职务" }; th { "姓名" }; th { "现任职务" }
                    }
                }
                tbody {
                    for person in roster.people {
                        tr {
                            td { person.role.label }; td { person.name }; td { person.post }
                        }
                    }
                }
            }
            p { "办公室设在：" + (roster.officeHost.isEmpty ? "（未识别）" : roster.officeHost) }
            p(.id("roster-members")) {
                "成员单位（\(roster.memberUnits.count)）：" + roster.memberUnits.map(\.unit).joined(separator: "、")
            }
            if model.canCommit {
                p(.class("muted")) { "核对、修改后保存，作为一次联席会议组成调整记录在案（批准人默认为召集人，批准日期默认为成文日期）。" }
                a(.href(.documentRoster(model.document.id)), .class("button"), .id("review-roster")) { "核对并应用为联席会议组成" }
            }
        }
    }
}

extension DocumentReviewView.ItemValues {
    /// An item as the parser read it.
    init(_ item: PlanDraft.Item) {
        self.init(
            number: item.number, heading: item.heading, title: item.title, content: item.text,
            area: TaskArea.guess(from: item.heading) ?? TaskArea.guess(from: item.text) ?? .other,
            deadline: item.deadlineText.isEmpty
                ? item.deadline?.label ?? "" : item.deadlineText,
            lead: item.lead.joined(separator: "、"), responsible: item.responsible.joined(separator: "、"),
            cooperating: item.cooperating.joined(separator: "、"), lines: item.lines)
    }
}

extension TaskArea {
    /// The area an item's heading or words point to, for the reviewer to confirm.
    static func guess(from text: String) -> TaskArea? {
        let words: [(TaskArea, [String])] = [
            (.bankruptcy, ["破产"]), (.enforcement, ["执行"]), (.businessEnvironment, ["营商", "企业", "知识产权", "金融纠纷"]),
            (.majorRisk, ["风险", "不良贷款", "问题楼盘"]), (.disputeResolution, ["纠纷", "诉源", "调解", "争议", "信访"]),
            (.trialOversight, ["审判", "一网通办"]), (.lawBasedGovernment, ["法治政府", "行政复议", "行政执法", "规范性文件", "出庭"]),
        ]
        return words.first { $0.1.contains(where: text.contains) }?.0
    }
}
