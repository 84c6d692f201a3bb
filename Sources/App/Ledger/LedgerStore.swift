import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Every write to the ledger: each checks who may do it, writes in one transaction with an item event and an
/// audit entry, and keeps the derived columns (a part's next due day, the item's state) true.
enum LedgerStore {
    struct ItemInput: Content {
        var listID: UUID
        var title: String
        var content: String
        var area: TaskArea
        var deadline: String
        var leadUnitIDs: [UUID]
        var responsibleUnitIDs: [UUID]
        var cooperatingUnitIDs: [UUID]
        var issueNow: Bool
    }

    // MARK: who may act

    /// The office of the item's own region.
    static func requireOffice(_ caller: Caller, of item: WorkItem) throws {
        guard caller.role.may(.manageLedger), caller.regionID == item.$region.id else { throw AppError.forbidden }
    }

    /// The unit whose part it is (its liaison or, for a court, its court staff).
    /// Refuses any change to an item that is closed or declared not applicable, saying what was asked.
    static func requireOpen(_ item: WorkItem, to what: String) throws {
        guard !item.state.isFinished else { throw AppError.conflict("事项\(item.state.label)，不能再\(what)") }
    }

    static func requireUnit(_ caller: Caller, of part: ItemPart) throws {
        guard caller.role.may(.handleParts), caller.unitID == part.$unit.id else { throw AppError.forbidden }
    }

    // MARK: lists and items

    static func createList(regionID: UUID, kind: ListKind, title: String, source: String, as acting: Acting)
        async throws
        -> WorkList
    {
        let caller = try acting.caller(for: .manageLedger)
        guard caller.regionID == regionID else { throw AppError.forbidden }
        let title = title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw AppError.invalid("清单名称：不能为空") }
        guard ListKind.own.contains(kind) else { throw AppError.invalid("清单类别：\(kind.label)由法院在破产案件中列出事项，不能新建") }
        return try await acting.db.write { db in
            try await insertList(regionID: regionID, kind: kind, title: title, source: source, on: db, as: acting)
        }
    }

    /// Writes a checked list inside the caller's transaction: for the office's form and API, and for a document
    /// committed into the ledger (`DocumentStore.commit`).
    static func insertList(
        regionID: UUID, kind: ListKind, title: String, source: String, on db: any Database, as acting: Acting
    ) async throws -> WorkList {
        let list = WorkList(
            regionID: regionID, kind: kind, title: title, source: source.trimmingCharacters(in: .whitespaces))
        try await list.create(on: db)
        try await acting.audit(
            .listCreated, object: ("work_list", list.requireID().uuidString), summary: "新建\(kind.label)：\(title)",
            on: db)
        return list
    }

    static func createItem(_ input: ItemInput, as acting: Acting) async throws -> WorkItem {
        let caller = try acting.caller(for: .manageLedger)
        guard
            let list = try await WorkList.query(on: acting.db).filter(\.$id == input.listID).filter(
                \.$region.$id == caller.regionID
            ).first()
        else {
            throw AppError.invalid("清单：请选择本区划的清单")
        }
        try list.requireOwn()
        var problems = FieldProblems()
        let (title, deadline) = wording(title: input.title, deadline: input.deadline, problems: &problems)
        let chosen = input.leadUnitIDs + input.responsibleUnitIDs + input.cooperatingUnitIDs
        if input.leadUnitIDs.isEmpty && input.responsibleUnitIDs.isEmpty { problems.add("责任单位", "至少指定一个牵头或责任单位") }
        if Set(chosen).count != chosen.count { problems.add("单位", "同一单位只能担任一种角色") }
        let units = try await Unit.query(on: acting.db).filter(\.$id ~~ chosen).filter(
            \.$region.$id == caller.regionID
        ).count()
        if units != Set(chosen).count { problems.add("单位", "须为本区划的单位") }
        // `wording` names a deadline it cannot read among the problems.
        guard let deadline, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        return try await acting.db.write { db in
            try await insertItem(
                list: list, title: title, content: input.content, area: input.area, deadline: deadline,
                parts: [
                    (input.leadUnitIDs, .lead), (input.responsibleUnitIDs, .responsible),
                    (input.cooperatingUnitIDs, .cooperating),
                ],
                issueNow: input.issueNow, on: db, as: acting)
        }
    }

    /// Writes a checked item with its units' parts inside the caller's transaction, numbered next in `list`, and
    /// issues it when asked: for the office's form and API and for the court's bankruptcy matters (the import
    /// writes its rows as drafts in one batch of its own).
    static func insertItem(
        list: WorkList, title: String, content: String, area: TaskArea, deadline: Deadline,
        parts: [([UUID], PartRole)], issueNow: Bool, on db: any Database, as acting: Acting
    ) async throws -> WorkItem {
        let number = try await nextNumber(in: list, on: db)
        let item = try WorkItem(
            list: list, number: number, title: title, content: content, area: area, deadline: deadline)
        try await item.create(on: db)
        let itemID = try item.requireID()
        for (ids, role) in parts {
            for id in ids { try await ItemPart(itemID: itemID, unitID: id, role: role).create(on: db) }
        }
        try await ItemEvent(itemID: itemID, at: acting.now, actor: acting.caller.displayName, what: "新建事项").create(
            on: db)
        try await acting.audit(
            .itemCreated, object: ("work_item", itemID.uuidString),
            summary: "新建事项：\(list.title) 第 \(number) 项 \(title)", on: db)
        if issueNow { try await issue(item, on: db, as: acting) }
        return item
    }

    /// An item's title (trimmed, not empty) and deadline (one of the seeds' forms) as typed; each problem is named
    /// by its field.
    static func wording(title raw: String, deadline text: String, problems: inout FieldProblems) -> (String, Deadline?)
    {
        let title = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { problems.add("事项", "不能为空") }
        let deadline = Deadline(parsing: text)
        if deadline == nil {
            problems.add("完成时限", "无法识别“\(text)”，可写 2021年10月31日、2023年12月、长期坚持、持续推进、每季度、适时")
        }
        return (title, deadline)
    }

    /// The number the next item of `list` takes, read inside the write transaction: SQLite's writers take turns,
    /// and on PostgreSQL the list's row is locked until the transaction ends, so concurrent creates never draw the
    /// same number.
    static func nextNumber(in list: WorkList, on db: any Database) async throws -> Int {
        let listID = try list.requireID()
        try await db.sql().lockRow(WorkList.schema, id: listID)
        return (try await WorkItem.query(on: db).filter(\.$list.$id == listID).max(\.$number) ?? 0) + 1
    }

    /// 部署: sets the units of a draft (a new item or a copy handed down from above), optionally issuing it.
    static func deploy(
        _ item: WorkItem, lead: [UUID], responsible: [UUID], cooperating: [UUID], issueNow: Bool, as acting: Acting
    ) async throws {
        let caller = acting.caller
        try requireOffice(caller, of: item)
        guard item.state == .draft else { throw AppError.invalid("事项已交办，不能再调整办理单位") }
        let chosen = lead + responsible + cooperating
        var problems = FieldProblems()
        if lead.isEmpty && responsible.isEmpty { problems.add("责任单位", "至少指定一个牵头或责任单位") }
        if Set(chosen).count != chosen.count { problems.add("单位", "同一单位只能担任一种角色") }
        let inRegion = try await Unit.query(on: acting.db).filter(\.$id ~~ chosen).filter(
            \.$region.$id == item.$region.id
        ).count()
        if inRegion != Set(chosen).count { problems.add("单位", "须为本区划的单位") }
        try problems.throwIfAny()
        try await acting.db.write { db in
            try await claim(item, on: db)
            let itemID = try item.requireID()
            try await ItemPart.query(on: db).filter(\.$item.$id == itemID).delete()
            for (ids, role) in [(lead, PartRole.lead), (responsible, .responsible), (cooperating, .cooperating)] {
                for id in ids { try await ItemPart(itemID: itemID, unitID: id, role: role).create(on: db) }
            }
            try await ItemEvent(
                itemID: itemID, at: acting.now, actor: caller.displayName, what: "部署办理单位（\(chosen.count) 个）"
            ).create(on: db)
            if issueNow { try await issue(item, on: db, as: acting) }
        }
    }

    /// 交办: the draft goes to its units, each of which must sign for its part.
    static func issue(_ item: WorkItem, as acting: Acting) async throws {
        try requireOffice(acting.caller, of: item)
        try await acting.db.write { db in try await issue(item, on: db, as: acting) }
    }

    private static func issue(_ item: WorkItem, on db: any Database, as acting: Acting) async throws {
        guard item.state == .draft else { throw AppError.invalid("事项已交办，不能重复交办") }
        let parts = try await ItemPart.query(on: db).filter(\.$item.$id == item.requireID()).all()
        guard parts.contains(where: \.counts) else { throw AppError.invalid("责任单位：交办前至少指定一个牵头或责任单位") }
        try await claim(item, on: db)
        item.issuedOn = CalendarDay(containing: acting.now).description
        try await refresh(item, parts: parts, on: db, rules: acting.dueRules, today: acting.today, claimed: true)
        try await ItemEvent(
            itemID: item.requireID(), at: acting.now, actor: acting.caller.displayName, what: "交办"
        ).create(on: db)
        try await Outbox.post(
            .handed, event: try item.requireID().uuidString,
            .init(
                title: "【交办】\(item.title)", lines: ["完成时限：\(item.deadline.label)", "请签收并按时报送进展"],
                link: .item(try item.requireID())),
            to: .units(parts.filter(\.counts).map { $0.$unit.id }), at: acting.now, on: db)
        try await acting.audit(
            .itemIssued, object: ("work_item", item.requireID().uuidString), summary: "交办事项：\(item.title)", on: db)
    }

    /// Raises the item's version inside a write that decided from the item as loaded (its state, its parts, its
    /// copies): when another write changed the item since, this one is refused (409), so that of two clicks on
    /// 交办, 下达 or 部署 only one is done, and an edit form opened before is refused too.
    private static func claim(_ item: WorkItem, on db: any Database) async throws {
        try await Versions.bump(WorkItem.schema, id: item.requireID(), expected: item.version, stale: .conflict, on: db)
        item.version += 1
    }

    /// 下达: copies the item into the ledger of each chosen lower region, whose office answers for it there.
    static func handDown(_ item: WorkItem, to codes: [String], as acting: Acting) async throws -> Int {
        let caller = acting.caller
        try requireOffice(caller, of: item)
        try requireOpen(item, to: "下达")
        guard item.state != .draft else { throw AppError.invalid("请先交办或确认事项，再下达") }
        let region = try await item.$region.get(on: acting.db)
        let lower = try await Region.query(on: acting.db).filter(\.$parent.$id == region.requireID()).filter(
            \.$code ~~ codes
        ).all()
        guard !lower.isEmpty else { throw AppError.invalid("下达区划：请选择至少一个下级区划") }
        let list = try await item.$list.get(on: acting.db)
        guard list.kind != .bankruptcy else { throw AppError.conflict("破产协调事项由本级部门办理，不能下达") }
        let already = Set(
            try await WorkItem.query(on: acting.db).filter(\.$parentItem.$id == item.requireID()).all(\.$region.$id))
        let targets = try lower.filter { try !already.contains($0.requireID()) }
        guard !targets.isEmpty else { throw AppError.conflict("所选区划都已下达过本事项") }
        try await acting.db.write { db in
            try await claim(item, on: db)
            for target in targets {
                _ = try await copy(
                    item, list: list, from: region, into: target, at: acting.now, by: caller.displayName, on: db)
            }
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: caller.displayName,
                what: "下达至 " + targets.map(\.name).joined(separator: "、")
            ).create(on: db)
            try await acting.audit(
                .itemHandedDown, object: ("work_item", item.requireID().uuidString),
                summary: "\(item.title) 下达至 " + targets.map(\.name).joined(separator: "、"), on: db)
        }
        return targets.count
    }

    /// The lower region's copy of an upper item, in a list named after the upper list, under the upper item's
    /// number. A number the lower region already uses there (an own item added before `WorkList.requireOwn`) is a
    /// conflict that undoes the whole hand-down.
    static func copy(
        _ item: WorkItem, list: WorkList, from upper: Region, into target: Region, at now: Date, by actor: String,
        on db: any Database
    ) async throws -> WorkItem {
        // A list that was itself handed down keeps its name (河南省：第一批十项重点工作) on its way further down.
        let title = list.isHandedDown ? list.title : "\(upper.name)：\(list.title)"
        let targetList: WorkList
        if let existing = try await WorkList.query(on: db).filter(\.$region.$id == target.requireID()).filter(
            \.$title == title
        ).first() {
            targetList = existing
            if let taken = try await WorkItem.query(on: db).filter(\.$list.$id == existing.requireID()).filter(
                \.$number == item.number
            ).first() {
                throw AppError.conflict(
                    "\(target.name)的“\(title)”中已有第 \(item.number) 项“\(taken.title)”，与下达的第 \(item.number) 项序号相同；"
                        + "未下达至任何区划，请\(target.name)联席办先处理该事项")
            }
        } else {
            targetList = WorkList(
                regionID: try target.requireID(), kind: list.kind, title: title,
                source: WorkList.handedDownSource(from: upper))
            try await targetList.create(on: db)
        }
        let copy = try WorkItem(
            list: targetList, number: item.number, title: item.title, content: item.content, area: item.area,
            deadline: item.deadline)
        copy.$parentItem.id = try item.requireID()
        try await copy.create(on: db)
        try await ItemEvent(
            itemID: copy.requireID(), at: now, actor: actor, what: "\(upper.name)下达（第 \(item.number) 项）"
        ).create(on: db)
        return copy
    }

    /// The lower office's answer that its region has no related matters (目前没有相关问题事项).
    static func declareNotApplicable(_ item: WorkItem, reason: String, as acting: Acting) async throws {
        let caller = acting.caller
        try requireOffice(caller, of: item)
        guard item.$parentItem.id != nil, item.state == .draft else {
            throw AppError.invalid("只有上级下达且尚未部署的事项可以确认无相关问题事项")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppError.invalid("理由：请说明排查情况") }
        try await acting.db.write { db in
            try await claim(item, on: db)
            item.state = .notApplicable
            item.issuedOn = CalendarDay(containing: acting.now).description
            item.latestReport = reason
            try await item.save(on: db)
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: caller.displayName, what: "确认无相关问题事项", reason: reason
            ).create(on: db)
            try await acting.audit(
                .itemStep, object: ("work_item", item.requireID().uuidString),
                summary: "\(item.title)：确认无相关问题事项，\(reason)",
                on: db)
        }
    }

    /// Pairs a problem with a responsibility entry of the same region that answers it.
    static func link(problem: WorkItem, measureID: UUID, as acting: Acting) async throws {
        let caller = acting.caller
        try requireOffice(caller, of: problem)
        try requireOpen(problem, to: "对应责任清单")
        let problemList = try await problem.$list.get(on: acting.db)
        guard problemList.kind == .problem else { throw AppError.invalid("只有问题清单的事项可以对应责任清单事项") }
        guard
            let measure = try await WorkItem.query(on: acting.db).join(
                WorkList.self, on: \WorkItem.$list.$id == \WorkList.$id
            )
            .filter(\.$id == measureID).filter(\.$region.$id == problem.$region.id)
            .filter(WorkList.self, \.$kind == .responsibility).first()
        else { throw AppError.invalid("责任清单事项：须为本区划责任清单中的事项") }
        if try await ItemLink.query(on: acting.db).filter(\.$problem.$id == problem.requireID()).filter(
            \.$measure.$id == measureID
        ).count() > 0 {
            throw AppError.conflict("已对应该事项")
        }
        try await acting.db.write { db in
            try await ItemLink(problemID: problem.requireID(), measureID: measureID).create(on: db)
            try await ItemEvent(
                itemID: problem.requireID(), at: acting.now, actor: caller.displayName, what: "对应责任清单：\(measure.title)"
            ).create(on: db)
            try await acting.audit(
                .itemLinked, object: ("work_item", problem.requireID().uuidString),
                summary: "\(problem.title) ↔ \(measure.title)", on: db)
        }
    }

    // MARK: workflow

    static func step(_ action: WorkflowAction, item: WorkItem, part: ItemPart, reason: String, as acting: Acting)
        async throws
    {
        let caller = acting.caller
        switch action.actor {
        case .office: try requireOffice(caller, of: item)
        case .unit: try requireUnit(caller, of: part)
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if action.needsReason && reason.isEmpty { throw AppError.invalid("理由：\(action.label)须说明理由") }
        guard item.state != .draft else { throw AppError.invalid("事项尚未交办") }
        let from = part.state
        let to: UnitState
        do {
            to = try Workflow.next(from, action, deadline: item.deadline)
        } catch {
            throw AppError.conflict(error.description)
        }
        let unit = try await part.$unit.get(on: acting.db)
        try await acting.db.write { db in
            // Only from the state that was read: a double-submitted step happens once.
            guard try await moved(part, from: from, to: to, on: db) else {
                throw AppError.conflict("该事项已被他人办理，请刷新后重试")
            }
            part.state = to
            // Sent back, the part stays marked for its unit until the unit asks again.
            let returnedOn =
                action == .sendBack
                ? CalendarDay(containing: acting.now).description
                : action.actor == .unit ? nil : part.returnedOn
            if returnedOn != part.returnedOn {
                part.returnedOn = returnedOn
                try await part.save(on: db)
            }
            let parts = try await ItemPart.query(on: db).filter(\.$item.$id == item.requireID()).all()
            try await refresh(item, parts: parts, on: db, rules: acting.dueRules, today: acting.today)
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: caller.displayName,
                what: "\(action.label)：\(from.label) → \(to.label)", reason: reason, unitName: unit.name
            ).create(on: db)
            if to.isFinished {
                try await withdrawPendingExtension(
                    of: part, item: item, because: to.label, unitName: unit.name, as: acting, on: db)
            }
            try await acting.audit(
                .itemStep, object: ("work_item", item.requireID().uuidString),
                summary: "\(item.title) · \(unit.name)：\(action.label)（\(from.label) → \(to.label)）"
                    + (reason.isEmpty ? "" : "，理由：\(reason)"),
                before: ["state": from.rawValue], after: ["state": to.rawValue], on: db)
        }
    }

    /// Records a unit's progress report on its part; answers the report as it is shown.
    @discardableResult
    static func report(
        item: WorkItem, part: ItemPart, text: String, figures: String, period: String?, as acting: Acting
    ) async throws -> LedgerDTO.Report {
        let caller = acting.caller
        try requireUnit(caller, of: part)
        if let refusal = part.state.reportRefusal { throw AppError.conflict(refusal) }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppError.invalid("进展情况：不能为空") }
        let periodKey = try reportedPeriod(of: item, chosen: period, today: CalendarDay(containing: acting.now))
        let unit = try await part.$unit.get(on: acting.db)
        let reportedOn = CalendarDay(containing: acting.now)
        let figures = figures.trimmingCharacters(in: .whitespacesAndNewlines)
        try await acting.db.write { db in
            let report = ProgressReport(
                itemID: try item.requireID(), unitID: part.$unit.id, reportedOn: reportedOn, periodKey: periodKey,
                text: text, figures: figures, author: caller.displayName)
            try await report.create(on: db)
            item.latestReport = "\(unit.name)：\(text)"
            let parts = try await ItemPart.query(on: db).filter(\.$item.$id == item.requireID()).all()
            try await refresh(item, parts: parts, on: db, rules: acting.dueRules, today: acting.today)
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: caller.displayName,
                what: "报送进展" + (periodKey.map { "（\($0)）" } ?? ""), unitName: unit.name
            ).create(on: db)
            try await acting.audit(
                .progressReported, object: ("work_item", item.requireID().uuidString),
                summary: "\(item.title) · \(unit.name) 报送进展", after: ["text": text, "period": periodKey ?? ""], on: db)
        }
        return LedgerDTO.Report(
            unitName: unit.name, reportedOn: reportedOn.description, period: periodKey, text: text, figures: figures,
            author: caller.displayName)
    }

    /// The period a report on a periodic item answers: one of the periods since the item was issued.
    private static func reportedPeriod(of item: WorkItem, chosen: String?, today: CalendarDay) throws -> String? {
        guard case .periodic(let reporting, _) = item.deadline else { return nil }
        let spans = reportingSpans(reporting, from: item.issuedDay ?? today, to: today)
        guard let key = chosen, spans.contains(where: { $0.key == key }) else {
            throw AppError.invalid("报送期次：请选择本次报告所属的期次")
        }
        return key
    }

    /// The periods from the issue day up to today, newest first, that a periodic item reports on.
    static func reportingSpans(_ period: ReportingPeriod, from start: CalendarDay, to today: CalendarDay)
        -> [PeriodSpan]
    {
        var spans: [PeriodSpan] = []
        var span = period.span(containing: start)
        while span.start <= today {
            spans.append(span)
            span = span.next
        }
        return spans.reversed()
    }

    /// A part that is finished asks for no more time: its pending extension request is withdrawn, with a line in
    /// the history, so that nothing is left to decide on a closed item.
    private static func withdrawPendingExtension(
        of part: ItemPart, item: WorkItem, because state: String, unitName: String, as acting: Acting,
        on db: any Database
    ) async throws {
        let withdrawn = try await db.sql().update(ExtensionRequest.schema)
            .set("status", to: ExtensionRequest.Status.withdrawn.rawValue)
            .where("part_id", .equal, try part.requireID())
            .where("status", .equal, ExtensionRequest.Status.pending.rawValue)
            .returning("requested_day").all(decoding: Withdrawn.self)
        for pending in withdrawn {
            let day = CalendarDay(parsing: pending.requested_day)?.chinese ?? pending.requested_day
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: "系统",
                what: "延期至 \(day) 的申请随\(state)撤回", unitName: unitName
            ).create(on: db)
        }
    }

    private struct Withdrawn: Decodable {
        let requested_day: String
    }

    /// `UPDATE … SET state = to WHERE id = … AND state = from RETURNING id`: true when this call made the move.
    private static func moved(_ part: ItemPart, from: UnitState, to: UnitState, on db: any Database) async throws
        -> Bool
    {
        let sql = try db.sql()
        let rows = try await sql.update(ItemPart.schema)
            .set("state", to: to.rawValue)
            .where("id", .equal, try part.requireID())
            .where("state", .equal, from.rawValue)
            .returning("id")
            .all()
        return rows.count == 1
    }

    // MARK: derived columns

    /// Recomputes each part's next due day and the item's state from its parts; saves the item and the parts that changed.
    /// `claimed`: the caller raised the item's version in this write already (`claim`).
    static func refresh(
        _ item: WorkItem, parts: [ItemPart], on db: any Database, rules: DueRules, today: CalendarDay,
        claimed: Bool = false
    ) async throws {
        let reported = try await reportedPeriods(of: item, on: db)
        for part in parts {
            let due = Self.due(of: part, in: item, reportedPeriods: reported[part.$unit.id] ?? [], rules: rules)
            let nextDue = due?.day.description
            if part.nextDueOn != nextDue || part.nextDueReason != (due?.reason ?? "") {
                part.nextDueOn = nextDue
                part.nextDueReason = due?.reason ?? ""
                try await part.save(on: db)
            }
        }
        let state = Workflow.itemState(issued: item.issuedOn != nil, units: parts.filter(\.counts).map(\.state))
        let moved = state != item.state
        item.state = state
        // The day it closed: set when it moves to closed (an item closed before the column existed keeps none).
        if moved { item.closedOn = state == .closed ? today.description : nil }
        item.nextDueOn = parts.compactMap(\.nextDueOn).min()
        try await item.save(on: db)
        // The office's edit form, opened before, must not save over a state it did not see (closed, say).
        if moved && !claimed { item.version = try await Versions.raise(WorkItem.schema, id: item.requireID(), on: db) }
    }

    /// The periods each unit has reported on, for a periodic item (only those owe a report per period): the
    /// distinct keys, not the reports, which for an item reported on monthly by several units run to hundreds.
    private static func reportedPeriods(of item: WorkItem, on db: any Database) async throws -> [UUID: Set<String>] {
        guard item.deadline.kind == .periodic else { return [:] }
        struct Reported: Decodable {
            let unit_id: UUID
            let period_key: String
        }
        let rows = try await db.sql().raw(
            """
            SELECT DISTINCT unit_id, period_key FROM progress_reports \
            WHERE item_id = \(bind: try item.requireID()) AND period_key IS NOT NULL
            """
        ).all(decoding: Reported.self)
        return Dictionary(grouping: rows, by: \.unit_id).mapValues { Set($0.map(\.period_key)) }
    }

    /// What `part` of `item` owes next, given the periods it has reported on.
    static func due(of part: ItemPart, in item: WorkItem, reportedPeriods: Set<String>, rules: DueRules) -> Due? {
        guard part.state.owesWork, let issued = item.issuedDay else { return nil }
        // Dated work that is done owes nothing more; long-term work owes reports only when periodic.
        if part.state == .ongoing, item.deadline.kind != .periodic { return nil }
        return rules.nextDue(
            item.deadline, issuedOn: issued, extendedTo: part.extendedTo.flatMap(CalendarDay.init(parsing:)),
            reportedPeriods: reportedPeriods)
    }
}

extension Application {
    private struct DueRulesKey: StorageKey { typealias Value = DueRules }

    /// Lateness rules; `FUYUAN_DUE_SOON_DAYS` sets the 临期 window.
    var dueRules: DueRules {
        get { storage[DueRulesKey.self] ?? DueRules() }
        set { storage[DueRulesKey.self] = newValue }
    }
}
