import Fluent
import FuyuanCore
import Vapor

/// Correcting an item's wording (事项、具体内容、任务领域) and, while it is a draft, its deadline: the office's
/// edits, refused when someone else changed the item since the editor loaded it.
extension LedgerStore {
    struct ItemEdit: Content, Equatable {
        var title: String
        var content: String
        var area: TaskArea
        /// As the editor typed it; compared as a parsed `Deadline`.
        var deadline: String

        init(title: String, content: String, area: TaskArea, deadline: String) {
            self.title = title
            self.content = content
            self.area = area
            self.deadline = deadline
        }

        init(_ item: WorkItem) {
            self.init(title: item.title, content: item.content, area: item.area, deadline: item.deadline.label)
        }
    }

    /// What the audit log keeps before and after an edit.
    struct ItemSnapshot: Encodable {
        let title: String
        let content: String
        let area: TaskArea
        let deadline: String
        let version: Int

        init(_ item: WorkItem) {
            (title, content, area, deadline, version) = (
                item.title, item.content, item.area, item.deadline.label, item.version
            )
        }
    }

    /// `item` was loaded through the caller's scope; `expected` is the version the editor saw (the form's hidden
    /// field or the API's `If-Match`), by default the one just loaded. An item changed since — edited, or issued,
    /// which also raises its version — is refused with `stale` (409 for pages, 412 for `If-Match`) and nothing is
    /// written. An edit that changes nothing writes nothing (but is still refused when stale).
    static func edit(
        _ item: WorkItem, with input: ItemEdit, expected: Int? = nil, stale: HTTPResponseStatus = .conflict,
        as acting: Acting
    ) async throws {
        let caller = acting.caller
        try requireEditable(item, by: caller)
        var problems = FieldProblems()
        let (title, typedDeadline) = wording(title: input.title, deadline: input.deadline, problems: &problems)
        // The deadline as the form showed it is the item's own, whatever reading it again would give.
        let deadline =
            input.deadline.trimmingCharacters(in: .whitespacesAndNewlines) == item.deadline.label
            ? item.deadline : typedDeadline
        if let deadline, deadline != item.deadline, item.state != .draft {
            problems.add("完成时限", "事项已交办，时限由责任单位申请延期、联席办审批后调整")
        }
        // `wording` names a deadline it cannot read among the problems.
        guard let deadline, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        let content = input.content.trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = changedFields(of: item, title: title, content: content, area: input.area, deadline: deadline)
        let expected = expected ?? item.version
        guard !changed.isEmpty else {
            if expected != item.version { throw Versions.stale(stale) }
            return
        }
        let before = ItemSnapshot(item)
        try await acting.db.write { db in
            try await Versions.bump(WorkItem.schema, id: item.requireID(), expected: expected, stale: stale, on: db)
            item.version = expected + 1
            item.title = title
            item.content = content
            item.area = input.area
            item.deadline = deadline
            item.deadlineKind = deadline.kind
            try await item.update(on: db)
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: caller.displayName,
                what: "修改事项（\(changed.joined(separator: "、"))）"
            ).create(on: db)
            let copies = try await correctCopies(of: item, from: before, by: caller.displayName, at: acting.now, on: db)
            try await acting.audit(
                .itemEdited, object: ("work_item", item.requireID().uuidString),
                summary: "修改事项：\(before.title)（\(changed.joined(separator: "、"))）"
                    + (copies > 0 ? "，下级 \(copies) 份同步更正" : ""), before: before, after: ItemSnapshot(item), on: db)
        }
    }

    /// The copies handed down from `item`, at every level below, take its corrected wording: each field a copy still
    /// has as `item` had it (a lower office's own rewording stays), with a step in the copy's history naming what
    /// the upper office changed and what it was, and a new version, so an edit form opened before is refused.
    /// Answers how many copies changed.
    private static func correctCopies(
        of item: WorkItem, from before: ItemSnapshot, by actor: String, at now: Date, on db: any Database
    ) async throws -> Int {
        let region = try await item.$region.get(on: db)
        var parents = [try item.requireID()]
        var corrected = 0
        while !parents.isEmpty {
            let copies = try await WorkItem.query(on: db).filter(\.$parentItem.$id ~~ parents).all()
            parents = try copies.map { try $0.requireID() }
            for copy in copies {
                var changed: [String] = []
                var was: [String] = []
                if copy.title == before.title, copy.title != item.title {
                    copy.title = item.title
                    changed.append("事项")
                    was.append("原事项：\(before.title)")
                }
                if copy.content == before.content, copy.content != item.content {
                    copy.content = item.content
                    changed.append("具体内容")
                    was.append("原具体内容：\(before.content.isEmpty ? "（无）" : before.content)")
                }
                if copy.area == before.area, copy.area != item.area {
                    copy.area = item.area
                    changed.append("任务领域")
                    was.append("原任务领域：\(before.area.label)")
                }
                guard !changed.isEmpty else { continue }
                copy.version += 1
                try await copy.update(on: db)
                try await ItemEvent(
                    itemID: copy.requireID(), at: now, actor: actor,
                    what: "\(region.name)更正事项（\(changed.joined(separator: "、"))）", reason: was.joined(separator: "；")
                ).create(on: db)
                corrected += 1
            }
        }
        return corrected
    }

    /// The office of the item's region, while the item is neither closed nor declared not applicable.
    static func requireEditable(_ item: WorkItem, by caller: Caller) throws {
        try requireOffice(caller, of: item)
        if [.closed, .notApplicable].contains(item.state) {
            throw AppError.invalid("事项\(item.state.label)，不能再修改")
        }
    }

    /// The names of the fields an edit changes, in the order the form shows them.
    private static func changedFields(
        of item: WorkItem, title: String, content: String, area: TaskArea, deadline: Deadline
    ) -> [String] {
        [
            ("事项", item.title != title),
            ("具体内容", item.content.trimmingCharacters(in: .whitespacesAndNewlines) != content),
            ("任务领域", item.area != area),
            ("完成时限", item.deadline != deadline),
        ].filter(\.1).map(\.0)
    }
}
