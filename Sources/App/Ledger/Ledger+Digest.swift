import Fluent
import FuyuanCore

extension Digest {
    /// Parts that are late, due soon, awaiting sign-for or awaiting review: to their unit, and to the office.
    static let ledger: Part = { day, db in
        let soon = day.rules.lastDueSoonDay(today: day.today).description
        let parts = try await ItemPart.query(on: db)
            .join(WorkItem.self, on: \ItemPart.$item.$id == \WorkItem.$id)
            .join(Unit.self, on: \ItemPart.$unit.$id == \Unit.$id)
            .filter(WorkItem.self, \.$state != .draft)
            .group(.or) {
                $0.filter(\.$nextDueOn <= soon)
                    .filter(\.$state ~~ [UnitState.assigned, .closureRequested, .notApplicableRequested])
            }
            .all()
        var lines: Lines = [:]
        for part in parts {
            let item = try part.joined(WorkItem.self)
            let unit = try part.joined(Unit.self)
            let regionID = item.$region.id
            let unitKey = Key(regionID: regionID, recipient: Notice.unit(part.$unit.id))
            let officeKey = Key(regionID: regionID, recipient: Notice.office)
            // A part awaiting sign-for or review is here for that; it is 临期 only if the lights say so too.
            if let due = part.nextDueOn.flatMap(CalendarDay.init(parsing:)), part.state.owesWork,
                case let timeliness = day.rules.timeliness(Due(day: due, reason: part.nextDueReason), today: day.today),
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
        return lines
    }
}
