import Fluent
import FuyuanCore

extension Digest {
    /// Open disputes whose step falls due soon or is late: to the handling unit while it owes the answer, and to the
    /// region's office (the centre) for every step.
    static let disputes: Part = { day, db in
        let horizon = day.rules.lastDueSoonDay(today: day.today).description
        let open = try await Dispute.query(on: db).filter(\.$stepDue > "").filter(\.$stepDue <= horizon)
            .sort(\.$stepDue).all()
        var lines: Lines = [:]
        for dispute in open {
            let due = CalendarDay(parsing: dispute.stepDue) ?? day.today
            let when =
                due < day.today ? "已逾期 \(due.days(until: day.today)) 日" : "请于 \(due.chinese) 前完成"
            let line = "【行政争议待\(dispute.state.nextStep ?? "")】\(dispute.number)：\(dispute.applicant)，\(when)"
            if dispute.state == .assigned, let unit = dispute.$handlingUnit.id {
                lines[Key(regionID: dispute.$region.id, recipient: Notice.unit(unit)), default: []].append(line)
            }
            lines[Key(regionID: dispute.$region.id, recipient: Notice.office), default: []].append(line)
        }
        return lines
    }
}
