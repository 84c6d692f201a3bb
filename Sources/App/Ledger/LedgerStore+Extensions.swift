import Fluent
import FuyuanCore
import Vapor

/// A unit's request for more time (延期) and the office's decision on it.
extension LedgerStore {
    static func requestExtension(item: WorkItem, part: ItemPart, day: String, reason: String, as acting: Acting)
        async throws
    {
        let caller = acting.caller
        try requireUnit(caller, of: part)
        var problems = FieldProblems()
        guard let current = item.deadline.completionDay else { throw AppError.invalid("只有限期完成的事项可以申请延期") }
        let newDay = CalendarDay(parsing: day)
        if newDay == nil { problems.add("延期至", "请填写有效日期") }
        if let newDay, newDay <= (part.extendedTo.flatMap(CalendarDay.init(parsing:)) ?? current) {
            problems.add("延期至", "须晚于现在的完成时限")
        }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("延期理由", "不能为空") }
        // A day that does not parse is among the problems.
        guard let newDay, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        guard part.state.owesWork else { throw AppError.invalid("当前状态为“\(part.state.label)”，不能申请延期") }
        if try await ExtensionRequest.query(on: acting.db).filter(\.$part.$id == part.requireID()).filter(
            \.$status == .pending
        ).count() > 0 {
            throw AppError.conflict("已有待审批的延期申请")
        }
        let unit = try await part.$unit.get(on: acting.db)
        try await acting.db.write { db in
            let ext = ExtensionRequest(
                partID: try part.requireID(), requestedDay: newDay, reason: reason, requestedBy: caller.displayName)
            try await ext.create(on: db)
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: caller.displayName, what: "申请延期至 \(newDay.chinese)",
                reason: reason, unitName: unit.name
            ).create(on: db)
            try await acting.audit(
                .extensionRequested, object: ("work_item", item.requireID().uuidString),
                summary: "\(item.title) · \(unit.name) 申请延期至 \(newDay.chinese)", on: db)
        }
    }

    static func decideExtension(_ ext: ExtensionRequest, approve: Bool, note: String, as acting: Acting) async throws {
        let caller = acting.caller
        let part = try await ext.$part.get(on: acting.db)
        let item = try await part.$item.get(on: acting.db)
        try requireOffice(caller, of: item)
        try requireOpen(item, to: "审批延期")
        guard ext.status == .pending else { throw AppError.conflict("该延期申请已\(ext.status.label)") }
        let unit = try await part.$unit.get(on: acting.db)
        try await acting.db.write { db in
            // Decided in the same statement that checks it is still pending: of two decisions at once, one is made.
            let decided = try await db.sql().update(ExtensionRequest.schema)
                .set("status", to: (approve ? ExtensionRequest.Status.approved : .refused).rawValue)
                .where("id", .equal, try ext.requireID())
                .where("status", .equal, ExtensionRequest.Status.pending.rawValue)
                .returning("id").all()
            guard decided.count == 1 else { throw AppError.conflict("该延期申请已审批或撤回") }
            ext.status = approve ? .approved : .refused
            ext.decidedBy = caller.displayName
            ext.decisionNote = note
            ext.decidedOn = CalendarDay(containing: acting.now).description
            try await ext.save(on: db)
            if approve {
                part.extendedTo = ext.requestedDay
                try await part.save(on: db)
            }
            let parts = try await ItemPart.query(on: db).filter(\.$item.$id == item.requireID()).all()
            try await refresh(item, parts: parts, on: db, rules: acting.dueRules, today: acting.today)
            let day = CalendarDay(parsing: ext.requestedDay)?.chinese ?? ext.requestedDay
            let what = approve ? "同意延期至 \(day)" : "不同意延期"
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: caller.displayName, what: what, reason: note,
                unitName: unit.name
            ).create(on: db)
            try await acting.audit(
                .extensionDecided, object: ("work_item", item.requireID().uuidString),
                summary: "\(item.title) · \(unit.name)：\(what)", on: db)
        }
    }
}
