import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// The court's writes to its bankruptcy cases: entering and correcting a case, listing a matter for a department
/// (a ledger item, issued at once), and concluding the case. Each is one audited transaction.
enum BankruptcyStore {
    /// A case as the court enters or corrects it. A new case starts at 已受理; `stage` moves it on.
    struct Input: Content, Equatable {
        var caseNumber: String
        var debtor: String
        var procedure: BankruptcyProcedure
        var stage: BankruptcyStage?
        var judge: String?
        var administrator: String?
        var acceptedOn: String
        var claimsDueOn: String?
        var firstMeetingOn: String?
    }

    /// What the case needs of a department, and by when.
    struct MatterInput: Content, Equatable {
        var kind: BankruptcyMatterKind
        var unitID: UUID
        var deadline: String
        var content: String?
    }

    struct Conclusion: Content, Equatable {
        var concludedOn: String
    }

    /// The title of the region's list of matters in the ledger.
    static let listTitle = "办理破产府院联动协调事项"
    static let listSource = "人民法院破产案件"

    static func create(_ input: Input, region: Region, as acting: Acting) async throws -> BankruptcyCase {
        let caller = try acting.caller(for: .coordinateBankruptcy)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        let checked = try await check(input, region: region, existing: nil, on: acting.db, today: acting.today)
        return try await acting.db.write { db in
            let item = BankruptcyCase()
            item.$region.id = try region.requireID()
            item.$court.id = caller.unitID
            item.stage = .accepted
            fill(item, checked)
            try await item.create(on: db)
            try await acting.audit(
                .bankruptcyCaseSaved, object: ("bankruptcy_case", item.caseNumber),
                summary: "登记破产案件 \(item.caseNumber)（\(item.debtor)，\(item.procedure.label)）", after: Snapshot(item),
                on: db)
            return item
        }
    }

    static func update(_ item: BankruptcyCase, region: Region, with input: Input, as acting: Acting) async throws {
        try requireCourt(acting, of: item)
        let stage: BankruptcyStage
        do { stage = try item.rules.moving(to: input.stage ?? item.stage) } catch { throw refusal(error) }
        var moved = try await check(input, region: region, existing: item, on: acting.db, today: acting.today)
        moved.stage = stage
        let checked = moved
        let before = Snapshot(item)
        try await acting.db.write { db in
            try await requireRunning(item, "破产案件已终结，不能再修改", on: db)
            fill(item, checked)
            let after = Snapshot(item)
            guard after != before else { return }
            try await item.save(on: db)
            try await acting.audit(
                .bankruptcyCaseSaved, object: ("bankruptcy_case", item.caseNumber),
                summary: "修改破产案件 \(item.caseNumber)（\(item.stage.label)）", before: before, after: after, on: db)
        }
    }

    /// Lists a matter: an item of the region's bankruptcy list with the department as its lead unit, issued at
    /// once, so that the department signs for it, reports and asks for its closure like any ledger item.
    static func addMatter(to item: BankruptcyCase, _ input: MatterInput, as acting: Acting) async throws
        -> BankruptcyMatter
    {
        try requireCourt(acting, of: item)
        var problems = FieldProblems()
        let deadline = CalendarDay(parsing: input.deadline)
        if deadline == nil { problems.add("办理时限", "请填写有效日期") }
        let department = try await BankruptcyQueries.departments(of: item.$region.id, on: acting.db).first {
            $0.id == input.unitID
        }
        if department == nil { problems.add("责任单位", "须为本区划的政府部门或单位") }
        try problems.throwIfAny()
        guard let deadline, let department else { throw AppError.invalid(problems.summary) }
        do { try item.rules.listing(deadline: deadline, today: acting.today) } catch { throw refusal(error) }
        let content = (input.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return try await acting.db.write { db in
            try await requireRunning(item, "破产案件已终结，不能再列出协调事项", on: db)
            let list = try await matterList(of: item.$region.id, on: db)
            let (title, text) = wording(of: input.kind, in: item, content: content)
            let ledgerItem = try await LedgerStore.insertItem(
                list: list, title: title, content: text, area: .bankruptcy, deadline: .date(deadline),
                parts: [([department.id], .lead)], issueNow: true, on: db,
                as: acting)
            let matter = BankruptcyMatter()
            matter.$bankruptcyCase.id = try item.requireID()
            matter.$item.id = try ledgerItem.requireID()
            matter.kind = input.kind
            try await matter.create(on: db)
            try await acting.audit(
                .bankruptcyMatterListed, object: ("bankruptcy_case", item.caseNumber),
                summary: "\(item.caseNumber) 列出协调事项“\(input.kind.label)”交\(department.name)，\(deadline.chinese)前办结",
                after: input, on: db)
            return matter
        }
    }

    /// 终结: the case ends on the day given, once each of its matters is closed or found not to apply.
    static func conclude(_ item: BankruptcyCase, _ conclusion: Conclusion, as acting: Acting) async throws {
        try requireCourt(acting, of: item)
        guard let day = CalendarDay(parsing: conclusion.concludedOn) else {
            throw AppError.invalid("终结日期：请填写有效日期")
        }
        let open = try await BankruptcyQueries.openMatters(of: item.requireID(), on: acting.db)
        let ended: BankruptcyCaseState
        do { ended = try item.rules.concluding(on: day, openMatters: open, today: acting.today) } catch {
            throw refusal(error)
        }
        try await acting.db.write { db in
            try await requireRunning(item, "破产案件已终结", on: db)
            // A matter listed since the count above would be left open: count again under the lock.
            guard try await BankruptcyQueries.openMatters(of: item.requireID(), on: db) == 0 else {
                throw AppError.conflict("刚有新的协调事项列出，请刷新后再终结")
            }
            item.stage = ended.stage
            item.concludedOn = day.description
            try await item.save(on: db)
            try await acting.audit(
                .bankruptcyConcluded, object: ("bankruptcy_case", item.caseNumber),
                summary: "\(item.caseNumber) 程序终结（\(day.chinese)，历时 \(ended.daysRun(today: acting.today)) 日）", on: db)
        }
    }

    // MARK: helpers

    /// A matter's title and content as the ledger shows them: the debtor and the kind, then the case and what is asked.
    static func wording(of kind: BankruptcyMatterKind, in item: BankruptcyCase, content: String) -> (String, String) {
        (
            "\(item.debtor)破产案：\(kind.label)",
            "\(item.caseNumber)（\(item.procedure.label)）" + (content.isEmpty ? "" : "：\(content)")
        )
    }

    /// The region's list of bankruptcy matters, made with its first matter. The region's row is locked first, so that
    /// two first matters listed at once make one list.
    static func matterList(of regionID: UUID, on db: any Database) async throws -> WorkList {
        try await db.sql().lockRow(Region.schema, id: regionID)
        if let list = try await WorkList.query(on: db).filter(\.$region.$id == regionID).filter(\.$kind == .bankruptcy)
            .first()
        {
            return list
        }
        let list = WorkList(regionID: regionID, kind: .bankruptcy, title: listTitle, source: listSource)
        try await list.create(on: db)
        return list
    }

    /// Locks the case's row for the rest of the write and refuses (409, `message`) when it was concluded since it
    /// was read: an edit, a matter and a conclusion of the same case take turns, and none reopens or follows its end.
    private static func requireRunning(_ item: BankruptcyCase, _ message: String, on db: any Database) async throws {
        try await db.sql().lockRow(BankruptcyCase.schema, id: item.requireID())
        guard try await BankruptcyCase.find(item.requireID(), on: db)?.stage != .concluded else {
            throw AppError.conflict(message)
        }
    }

    /// The court staff of the case's own region.
    private static func requireCourt(_ acting: Acting, of item: BankruptcyCase) throws {
        let caller = try acting.caller(for: .coordinateBankruptcy)
        guard caller.regionID == item.$region.id else { throw AppError.forbidden }
    }

    /// A refused step: 422 for what was typed, 409 for what the case's state does not allow.
    private static func refusal(_ refusal: BankruptcyRefusal) -> AppError {
        refusal.isInput ? AppError.invalid(refusal.message) : AppError.conflict(refusal.message)
    }

    private struct Checked {
        let caseNumber: String
        let debtor: String
        let procedure: BankruptcyProcedure
        var stage: BankruptcyStage?
        let judge: String
        let administrator: String
        let acceptedOn: CalendarDay
        let claimsDueOn: CalendarDay?
        let firstMeetingOn: CalendarDay?
    }

    private static func check(
        _ input: Input, region: Region, existing: BankruptcyCase?, on db: any Database, today: CalendarDay
    ) async throws -> Checked {
        var problems = FieldProblems()
        var number = ""
        do {
            let parsed = try CaseNumber(parsing: input.caseNumber)
            if !parsed.typeCode.hasPrefix("破") {
                problems.add("案号", "须为破产案件的案号（类型代字以“破”开头，如 破、破申）")
            } else if parsed.regionCode != region.code {
                problems.add("案号", "须为\(region.name)法院的案号")
            } else {
                number = parsed.description
            }
        } catch {
            problems.add("案号", error.description)
        }
        if !number.isEmpty, number != existing?.caseNumber,
            try await BankruptcyCase.query(on: db).filter(\.$caseNumber == number).count() > 0
        {
            problems.add("案号", "\(number) 已经登记")
        }
        let debtor = input.debtor.trimmingCharacters(in: .whitespacesAndNewlines)
        if debtor.isEmpty { problems.add("债务人", "不能为空") }
        let accepted = CalendarDay(parsing: input.acceptedOn)
        if accepted == nil { problems.add("受理日期", "请填写有效日期") }
        if let accepted, accepted > today { problems.add("受理日期", "不能晚于今天") }
        func optionalDay(_ text: String?, _ field: String) -> CalendarDay? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let day = CalendarDay(parsing: text) else {
                problems.add(field, "请填写有效日期")
                return nil
            }
            if let accepted, day < accepted { problems.add(field, "不能早于受理日期") }
            return day
        }
        let claimsDue = optionalDay(input.claimsDueOn, "债权申报期限")
        let firstMeeting = optionalDay(input.firstMeetingOn, "第一次债权人会议")
        guard let accepted, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        return Checked(
            caseNumber: number, debtor: debtor, procedure: input.procedure, stage: nil,
            judge: (input.judge ?? "").trimmingCharacters(in: .whitespaces),
            administrator: (input.administrator ?? "").trimmingCharacters(in: .whitespaces), acceptedOn: accepted,
            claimsDueOn: claimsDue, firstMeetingOn: firstMeeting)
    }

    private static func fill(_ item: BankruptcyCase, _ checked: Checked) {
        item.caseNumber = checked.caseNumber
        item.debtor = checked.debtor
        item.procedure = checked.procedure
        if let stage = checked.stage { item.stage = stage }
        item.judge = checked.judge
        item.administrator = checked.administrator
        item.acceptedOn = checked.acceptedOn.description
        item.claimsDueOn = checked.claimsDueOn?.description
        item.firstMeetingOn = checked.firstMeetingOn?.description
    }

    /// What the audit log keeps of a case before and after a change.
    struct Snapshot: Encodable, Equatable {
        let caseNumber: String
        let debtor: String
        let procedure: BankruptcyProcedure
        let stage: BankruptcyStage
        let judge: String
        let administrator: String
        let acceptedOn: String
        let claimsDueOn: String?
        let firstMeetingOn: String?

        init(_ item: BankruptcyCase) {
            (caseNumber, debtor, procedure, stage) = (item.caseNumber, item.debtor, item.procedure, item.stage)
            (judge, administrator, acceptedOn) = (item.judge, item.administrator, item.acceptedOn)
            (claimsDueOn, firstMeetingOn) = (item.claimsDueOn, item.firstMeetingOn)
        }
    }
}
