import Fluent
import FuyuanCore

extension Digest {
    /// Supervision awaiting a response: to the unit supervised.
    static let supervision: Part = { _, db in
        let targets = try await SupervisionTarget.query(on: db)
            .join(Supervision.self, on: \SupervisionTarget.$supervision.$id == \Supervision.$id)
            .filter(\.$response == nil)
            .all()
        var lines: Lines = [:]
        for target in targets {
            let supervision = try target.joined(Supervision.self)
            let respondBy = CalendarDay(parsing: supervision.respondBy)?.chinese ?? supervision.respondBy
            lines[Key(regionID: supervision.$region.id, recipient: Notice.unit(target.$unit.id)), default: []]
                .append("【待回复督办】\(supervision.reference)：\(supervision.text)，请于 \(respondBy) 前回复")
        }
        return lines
    }
}
