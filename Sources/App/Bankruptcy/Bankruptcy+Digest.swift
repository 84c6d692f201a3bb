import Fluent
import FuyuanCore

extension Digest {
    /// To the court that accepted a bankruptcy case, each of its matters due soon or late. The departments hear of
    /// the same items through the ledger's digest.
    static let bankruptcy: Part = { day, db in
        var lines: Lines = [:]
        for matter in try await BankruptcyQueries.dueMatters(by: day.rules.lastDueSoonDay(today: day.today), on: db) {
            let due = CalendarDay(parsing: matter.nextDueOn) ?? day.today
            let when = due < day.today ? "已逾期 \(due.days(until: day.today)) 日" : "\(due.chinese)到期"
            lines[Key(regionID: matter.regionID, recipient: Notice.unit(matter.courtID)), default: []].append(
                "【破产协调】\(matter.caseNumber) \(matter.debtor)：\(matter.kind.label)（\(matter.unitName)），\(when)")
        }
        return lines
    }
}
