import Fluent
import FuyuanCore
import Vapor

/// Issuing supervision and answering it.
enum SupervisionStore {
    struct Input: Content {
        var kind: Supervision.Kind
        var tone: Supervision.Tone?
        var unitIDs: [UUID]
        var itemID: UUID?
        var text: String
        var respondBy: String
    }

    static func issue(_ input: Input, region: Region, as acting: Acting) async throws -> Supervision {
        let caller = try acting.caller(for: .manageLedger)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        var problems = FieldProblems()
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.add("督办内容", "不能为空") }
        let respondBy = CalendarDay(parsing: input.respondBy)
        if respondBy == nil { problems.add("回复期限", "请填写有效日期") }
        if let respondBy, respondBy < CalendarDay(containing: acting.now) { problems.add("回复期限", "不能早于今天") }
        if input.unitIDs.isEmpty { problems.add("督办单位", "至少选择一个单位") }
        let units = try await Unit.query(on: acting.db).filter(\.$id ~~ input.unitIDs).filter(
            \.$region.$id == region.requireID()
        )
        .sort(\.$name).all()
        if units.count != Set(input.unitIDs).count { problems.add("督办单位", "须为本区划的单位") }
        if let itemID = input.itemID,
            try await WorkItem.query(on: acting.db).filter(\.$id == itemID).filter(\.$region.$id == region.requireID())
                .count() == 0
        {
            problems.add("事项", "须为本区划的事项")
        }
        // A day that does not parse is among the problems.
        guard let respondBy, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        let year = CalendarDay(containing: acting.now).year
        return try await acting.db.write { db in
            let supervision = Supervision()
            supervision.$region.id = try region.requireID()
            supervision.$item.id = input.itemID
            supervision.kind = input.kind
            supervision.tone = input.kind == .bulletin ? (input.tone ?? .none) : .none
            supervision.text = text
            supervision.respondBy = respondBy.description
            supervision.issuedBy = caller.displayName
            if input.kind == .reminder {
                // Numbered per region and year; the unique index refuses a number taken by a concurrent writer.
                let last =
                    try await Supervision.query(on: db).filter(\.$region.$id == region.requireID())
                    .filter(\.$kind == .reminder).filter(\.$year == year).max(\.$number) ?? 0
                supervision.year = year
                supervision.number = last + 1
            }
            try await supervision.create(on: db)
            for unit in units {
                try await SupervisionTarget(supervisionID: supervision.requireID(), unitID: unit.requireID()).create(
                    on: db)
            }
            if let itemID = input.itemID {
                try await ItemEvent(
                    itemID: itemID, at: acting.now, actor: caller.displayName,
                    what: "\(supervision.reference)：" + units.map(\.name).joined(separator: "、"), reason: text
                ).create(on: db)
            }
            try await Outbox.post(
                .supervision, event: try supervision.requireID().uuidString,
                .init(
                    title: "【\(supervision.kind.label)】\(region.name)联席办：\(supervision.reference)",
                    lines: [text, "请于 \(respondBy.chinese) 前回复"], link: .supervision(region.code)),
                to: .units(try units.map { try $0.requireID() }), at: acting.now, on: db)
            try await acting.audit(
                .supervisionIssued, object: ("supervision", supervision.requireID().uuidString),
                summary: "\(supervision.reference)（\(units.map(\.name).joined(separator: "、"))）：\(text)", on: db)
            return supervision
        }
    }

    static func respond(_ target: SupervisionTarget, text: String, as acting: Acting) async throws {
        let caller = try acting.caller(for: .handleParts)
        guard caller.unitID == target.$unit.id else { throw AppError.forbidden }
        guard target.response == nil else { throw AppError.conflict("已回复过该督办") }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppError.invalid("回复内容：不能为空") }
        try await acting.db.write { db in
            target.response = text
            target.respondedBy = caller.displayName
            target.respondedAt = acting.now
            try await target.save(on: db)
            try await acting.audit(
                .supervisionAnswered, object: ("supervision", target.$supervision.id.uuidString),
                summary: "\(caller.unitName) 回复督办：\(text)", on: db)
        }
    }

    /// A supervision target in the caller's scope, with its supervision and region joined, or 404.
    static func target(_ id: UUID, scope: Scope, on db: any Database) async throws -> SupervisionTarget {
        guard
            let target = try await scope.restrict(
                SupervisionTarget.query(on: db)
                    .join(Supervision.self, on: \SupervisionTarget.$supervision.$id == \Supervision.$id)
                    .join(Region.self, on: \Supervision.$region.$id == \Region.$id)
            ).filter(\.$id == id).first()
        else { throw AppError.notFound("督办") }
        return target
    }
}
