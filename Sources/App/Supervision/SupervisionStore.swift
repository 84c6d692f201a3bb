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

    struct Row {
        let supervision: Supervision
        let targets: [(target: SupervisionTarget, id: UUID, unitName: String)]
        let itemTitle: String?
    }

    /// Supervision of one region, newest first, with its targets, in three queries.
    static func rows(regionID: UUID, on db: any Database) async throws -> [Row] {
        let supervisions = try await Supervision.query(on: db).filter(\.$region.$id == regionID).sort(
            \.$createdAt, .descending
        ).all()
        return try await rows(supervisions, on: db)
    }

    /// Open supervision addressed to one unit.
    static func open(forUnit unitID: UUID, on db: any Database) async throws -> [Row] {
        let ids = try await SupervisionTarget.query(on: db).filter(\.$unit.$id == unitID).filter(\.$response == nil)
            .all(\.$supervision.$id)
        let supervisions = try await Supervision.query(on: db).filter(\.$id ~~ ids).sort(\.$respondBy).all()
        return try await rows(supervisions, on: db).map { row in
            Row(
                supervision: row.supervision, targets: row.targets.filter { $0.target.$unit.id == unitID },
                itemTitle: row.itemTitle)
        }
    }

    private static func rows(_ supervisions: [Supervision], on db: any Database) async throws -> [Row] {
        let ids = supervisions.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let targets = try await SupervisionTarget.query(on: db).join(
            Unit.self, on: \SupervisionTarget.$unit.$id == \Unit.$id
        )
        .filter(\.$supervision.$id ~~ ids).all()
        let byID = try Dictionary(
            grouping: targets.map { ($0, try $0.requireID(), try $0.joined(Unit.self).name) },
            by: { $0.0.$supervision.id })
        let itemIDs = supervisions.compactMap(\.$item.id)
        let titles = Dictionary(
            uniqueKeysWithValues: try await WorkItem.query(on: db).filter(\.$id ~~ itemIDs).all().map {
                (try $0.requireID(), $0.title)
            })
        return try supervisions.map { supervision in
            try Row(
                supervision: supervision,
                targets: (byID[supervision.requireID()] ?? []).map { (target: $0.0, id: $0.1, unitName: $0.2) },
                itemTitle: supervision.$item.id.flatMap { titles[$0] })
        }
    }
}
