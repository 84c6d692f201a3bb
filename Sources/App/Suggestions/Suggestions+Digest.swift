import Fluent
import FuyuanCore

extension Digest {
    /// Suggestions not yet signed for, and replies falling due or late: to the agency.
    static let suggestions: Part = { day, db in
        let horizon = day.rules.lastDueSoonDay(today: day.today).description
        let open = try await JudicialSuggestion.query(on: db).filter(\.$state != .replied)
            .group(.or) { $0.filter(\.$state == .issued).filter(\.$replyDue <= horizon) }
            .sort(\.$replyDue).all()
        var lines: Lines = [:]
        for suggestion in open {
            let due = CalendarDay(parsing: suggestion.replyDue) ?? day.today
            let when =
                due < day.today
                ? "回复已逾期 \(due.days(until: day.today)) 日" : "请于 \(due.chinese) 前回复"
            let what = suggestion.state == .issued ? "【待签收司法建议】" : "【待回复司法建议】"
            lines[Key(regionID: suggestion.$region.id, recipient: Notice.unit(suggestion.$agency.id)), default: []]
                .append("\(what)\(suggestion.title)：\(Layout.excerpt(suggestion.problem))，\(when)")
        }
        return lines
    }
}
