import Fluent
import FuyuanCore
import Vapor

/// The daily digest: finds what each unit and each office must act on and tells them, once per day.
enum Digest {
    /// Builds and stores today's notices; returns how many were new. Safe to run again and on several instances:
    /// a recipient who already has today's notice is skipped.
    @discardableResult
    static func run(on db: any Database, now: Date, rules: DueRules) async throws -> Int {
        let today = CalendarDay(containing: now)
        let soon = rules.lastDueSoonDay(today: today).description
        var lines: [Key: [String]] = [:]

        // Parts that are late, due soon, awaiting sign-for or awaiting review, with their item and unit.
        let parts = try await ItemPart.query(on: db)
            .join(WorkItem.self, on: \ItemPart.$item.$id == \WorkItem.$id)
            .join(Unit.self, on: \ItemPart.$unit.$id == \Unit.$id)
            .filter(WorkItem.self, \.$state != .draft)
            .group(.or) {
                $0.filter(\.$nextDueOn <= soon)
                    .filter(\.$state ~~ [UnitState.assigned, .closureRequested, .notApplicableRequested])
            }
            .all()
        for part in parts {
            let item = try part.joined(WorkItem.self)
            let unit = try part.joined(Unit.self)
            let regionID = item.$region.id
            let unitKey = Key(regionID: regionID, recipient: Notice.unit(part.$unit.id))
            let officeKey = Key(regionID: regionID, recipient: Notice.office)
            // A part awaiting sign-for or review is here for that; it is 临期 only if the lights say so too.
            if let due = part.nextDueOn.flatMap(CalendarDay.init(parsing:)), part.state.owesWork,
                case let timeliness = rules.timeliness(Due(day: due, reason: part.nextDueReason), today: today),
                timeliness >= .dueSoon
            {
                let mark = timeliness.label
                lines[unitKey, default: []].append("【\(mark)】\(item.title)：\(part.nextDueReason)，时限 \(due.chinese)")
                lines[officeKey, default: []].append(
                    "【\(mark)】\(item.title) · \(unit.name)：\(part.nextDueReason)，时限 \(due.chinese)")
            }
            switch part.state {
            case .assigned: lines[unitKey, default: []].append("【待签收】\(item.title)")
            case .closureRequested, .notApplicableRequested:
                lines[officeKey, default: []].append("【待审核】\(item.title) · \(unit.name)：\(part.state.label)")
            default: break
            }
        }

        // Supervision awaiting a response.
        let targets = try await SupervisionTarget.query(on: db)
            .join(Supervision.self, on: \SupervisionTarget.$supervision.$id == \Supervision.$id)
            .filter(\.$response == nil)
            .all()
        for target in targets {
            let supervision = try target.joined(Supervision.self)
            let respondBy = CalendarDay(parsing: supervision.respondBy)?.chinese ?? supervision.respondBy
            lines[Key(regionID: supervision.$region.id, recipient: Notice.unit(target.$unit.id)), default: []]
                .append("【待回复督办】\(supervision.reference)：\(supervision.text)，请于 \(respondBy) 前回复")
        }

        let existing = Set(
            try await Notice.query(on: db).filter(\.$day == today.description).all().map {
                Key(regionID: $0.$region.id, recipient: $0.recipient)
            })
        var created = 0
        for (key, entries) in lines where !entries.isEmpty && !existing.contains(key) {
            do {
                try await Notice(regionID: key.regionID, recipient: key.recipient, day: today, lines: entries.sorted())
                    .create(on: db)
                created += 1
            } catch {
                // Another instance wrote this recipient's notice a moment ago: the unique index keeps one.
                continue
            }
        }
        return created
    }

    struct Key: Hashable {
        let regionID: UUID
        let recipient: String
    }
}

extension Calendar {
    static let shanghai: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        return calendar
    }()
}
