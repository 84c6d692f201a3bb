import Fluent
import FuyuanCore
import Vapor

/// Task areas of the 双清单 (seed 003's five areas, seed 004's and others).
enum TaskArea: String, Codable, CaseIterable, Sendable {
    case lawBasedGovernment, businessEnvironment, bankruptcy, enforcement, majorRisk, disputeResolution, trialOversight,
        other

    var label: String {
        switch self {
        case .lawBasedGovernment: "法治政府建设"
        case .businessEnvironment: "营商环境"
        case .bankruptcy: "企业破产"
        case .enforcement: "执行联动"
        case .majorRisk: "重大风险处置"
        case .disputeResolution: "多元解纷与诉源治理"
        case .trialOversight: "审判执行监督联动"
        case .other: "其他"
        }
    }
}

/// 问题清单 or 责任清单, or a region's list of bankruptcy coordination matters, which the court fills from its
/// bankruptcy cases (`BankruptcyStore.matterList`) and no one creates by hand.
enum ListKind: String, Codable, CaseIterable, Sendable {
    case problem, responsibility, bankruptcy

    var label: String {
        switch self {
        case .problem: "问题清单"
        case .responsibility: "责任清单"
        case .bankruptcy: "破产协调事项清单"
        }
    }

    /// The kinds an office creates and fills by hand.
    static let own: [ListKind] = [.problem, .responsibility]
}

/// A list of a region's ledger: a batch such as 第一批十项重点工作, from a meeting, a document or a higher level.
final class WorkList: Model, @unchecked Sendable {
    static let schema = "work_lists"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "kind") var kind: ListKind
    @Field(key: "title") var title: String
    /// Where it comes from: a meeting, a document number such as 汝府院联席办〔2022〕4号, or a higher level.
    @Field(key: "source") var source: String

    // relationships
    @Parent(key: "region_id") var region: Region

    var properties: [any AnyProperty] { [$id, $createdAt, $kind, $title, $source, $region] }

    init() {}

    init(regionID: UUID, kind: ListKind, title: String, source: String) {
        self.$region.id = regionID
        self.kind = kind
        self.title = title
        self.source = source
    }

    /// The source a lower region's copy of an upper list is given (河南省下达).
    static func handedDownSource(from upper: Region) -> String { "\(upper.name)下达" }

    /// A lower region's copy of an upper list: its items and their numbers are the upper level's.
    var isHandedDown: Bool { source.hasSuffix("下达") }

    /// Refuses the region's own items in a list handed down from above: there the numbers are the upper level's,
    /// and an own 第 11 项 would take the number the upper level gives its next item.
    func requireOwn() throws {
        guard !isHandedDown else {
            throw AppError.invalid("清单：“\(title)”是上级下达的清单，序号随上级；本级事项请加入本级的问题清单或责任清单")
        }
        guard kind != .bankruptcy else {
            throw AppError.invalid("清单：破产协调事项由法院在破产案件中列出，不能在此新建")
        }
    }
}

/// An item (事项) of a list, with its deadline and its state, which is derived from its units' parts and kept
/// here so that the ledger can filter by it.
final class WorkItem: Model, @unchecked Sendable {
    static let schema = "work_items"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "content") var content: String
    @Field(key: "area") var area: TaskArea
    @Field(key: "deadline") var deadline: Deadline
    @Field(key: "deadline_kind") var deadlineKind: Deadline.Kind
    @Field(key: "state") var state: ItemState
    /// `YYYY-MM-DD` in Asia/Shanghai; nil while a draft.
    @OptionalField(key: "issued_on") var issuedOn: String?
    @Field(key: "latest_report") var latestReport: String
    /// The earliest next due day of its open parts, kept by `LedgerStore.refresh` for sorting by due day.
    @OptionalField(key: "next_due_on") var nextDueOn: String?
    /// The day it was closed (已销号), kept by `LedgerStore.refresh`; nil while it is not closed.
    @OptionalField(key: "closed_on") var closedOn: String?
    /// Raised by each edit and by issuing, so that an edit made on a stale copy is refused.
    @Field(key: "version") var version: Int

    // relationships
    @Parent(key: "list_id") var list: WorkList
    /// Copied from the list so that scope filters without a second join.
    @Parent(key: "region_id") var region: Region
    /// The upper level's item this one answers (下达).
    @OptionalParent(key: "parent_item_id") var parentItem: WorkItem?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $number, $title, $content, $area, $deadline, $deadlineKind, $state, $issuedOn,
            $latestReport, $nextDueOn, $closedOn, $version, $list, $region, $parentItem,
        ]
    }

    init() {}

    init(list: WorkList, number: Int, title: String, content: String, area: TaskArea, deadline: Deadline) throws {
        self.$list.id = try list.requireID()
        self.$region.id = list.$region.id
        self.number = number
        self.title = title
        self.content = content
        self.area = area
        self.deadline = deadline
        self.deadlineKind = deadline.kind
        self.state = .draft
        self.latestReport = ""
        self.version = 1
    }

    var issuedDay: CalendarDay? { issuedOn.flatMap(CalendarDay.init(parsing:)) }
}

/// One unit's part of an item, with its own state and what it owes next.
final class ItemPart: Model, @unchecked Sendable {
    static let schema = "item_parts"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "role") var role: PartRole
    @Field(key: "state") var state: UnitState
    /// The approved extension's day, if any.
    @OptionalField(key: "extended_to") var extendedTo: String?
    /// What is due next (`DueRules.nextDue`), kept with each write so that the ledger can filter by lateness.
    @OptionalField(key: "next_due_on") var nextDueOn: String?
    @Field(key: "next_due_reason") var nextDueReason: String
    /// The day the office last sent the part back (退回), until the unit asks again.
    @OptionalField(key: "returned_on") var returnedOn: String?

    // relationships
    @Parent(key: "item_id") var item: WorkItem
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] {
        [$id, $updatedAt, $role, $state, $extendedTo, $nextDueOn, $nextDueReason, $returnedOn, $item, $unit]
    }

    init() {}

    init(itemID: UUID, unitID: UUID, role: PartRole) {
        self.$item.id = itemID
        self.$unit.id = unitID
        self.role = role
        self.state = .assigned
        self.nextDueReason = ""
    }

    /// Cooperating units help; the item's state follows the lead and responsible units.
    var counts: Bool { role != .cooperating }
}

/// A progress report (进展报告): text, figures, the period it reports on.
final class ProgressReport: Model, @unchecked Sendable {
    static let schema = "progress_reports"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "reported_on") var reportedOn: String
    @OptionalField(key: "period_key") var periodKey: String?
    @Field(key: "text") var text: String
    @Field(key: "figures") var figures: String
    @Field(key: "author") var author: String

    // relationships
    @Parent(key: "item_id") var item: WorkItem
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] {
        [$id, $createdAt, $reportedOn, $periodKey, $text, $figures, $author, $item, $unit]
    }

    init() {}

    init(
        itemID: UUID, unitID: UUID, reportedOn: CalendarDay, periodKey: String?, text: String, figures: String,
        author: String
    ) {
        self.$item.id = itemID
        self.$unit.id = unitID
        self.reportedOn = reportedOn.description
        self.periodKey = periodKey
        self.text = text
        self.figures = figures
        self.author = author
    }
}

/// 延期申请: a new day and a reason, decided by the office. Every request is kept.
final class ExtensionRequest: Model, @unchecked Sendable {
    static let schema = "extension_requests"

    enum Status: String, Codable, Sendable {
        case pending, approved, refused, withdrawn

        var label: String {
            switch self {
            case .pending: "待审批"
            case .approved: "已同意"
            case .refused: "未同意"
            case .withdrawn: "已撤回"
            }
        }
    }

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "requested_day") var requestedDay: String
    @Field(key: "reason") var reason: String
    @Field(key: "requested_by") var requestedBy: String
    @Field(key: "status") var status: Status
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decision_note") var decisionNote: String?
    @OptionalField(key: "decided_on") var decidedOn: String?

    // relationships
    @Parent(key: "part_id") var part: ItemPart

    var properties: [any AnyProperty] {
        [$id, $createdAt, $requestedDay, $reason, $requestedBy, $status, $decidedBy, $decisionNote, $decidedOn, $part]
    }

    init() {}

    init(partID: UUID, requestedDay: CalendarDay, reason: String, requestedBy: String) {
        self.$part.id = partID
        self.requestedDay = requestedDay.description
        self.reason = reason
        self.requestedBy = requestedBy
        self.status = .pending
    }
}

/// One line of an item's history: who did what, when, and why.
final class ItemEvent: Model, @unchecked Sendable {
    static let schema = "item_events"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "what") var what: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "unit_name") var unitName: String?

    // relationships
    @Parent(key: "item_id") var item: WorkItem

    var properties: [any AnyProperty] { [$id, $at, $actor, $what, $reason, $unitName, $item] }

    init() {}

    init(itemID: UUID, at: Date, actor: String, what: String, reason: String = "", unitName: String? = nil) {
        self.$item.id = itemID
        self.at = at
        self.actor = actor
        self.what = what
        self.reason = reason
        self.unitName = unitName
    }
}

/// A problem (问题清单) paired with a responsibility entry (责任清单) that answers it.
final class ItemLink: Model, @unchecked Sendable {
    static let schema = "item_links"

    // managed fields
    @ID var id: UUID?

    // relationships
    @Parent(key: "problem_id") var problem: WorkItem
    @Parent(key: "measure_id") var measure: WorkItem

    var properties: [any AnyProperty] { [$id, $problem, $measure] }

    init() {}

    init(problemID: UUID, measureID: UUID) {
        self.$problem.id = problemID
        self.$measure.id = measureID
    }
}
