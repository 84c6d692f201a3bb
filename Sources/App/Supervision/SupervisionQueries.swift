import Fluent
import Foundation
import FuyuanCore

/// Reading supervision: a region's, newest first, and what one unit still owes an answer to.
enum SupervisionQueries {
    /// One supervision with its units and their answers, as the pages, the API and the home page show it.
    struct Row: Sendable {
        struct Target: Sendable {
            let id: UUID
            let unitID: UUID
            let unitName: String
            let response: String?
            let respondedBy: String?
            let respondedAt: Date?
        }

        let id: UUID
        let kind: Supervision.Kind
        let tone: Supervision.Tone
        /// 提醒函〔2026〕3号, or the kind's name.
        let reference: String
        let itemID: UUID?
        let itemTitle: String?
        let text: String
        let respondBy: String
        let issuedBy: String
        let issuedAt: Date?
        var targets: [Target]
    }

    /// Supervision of one region, newest first, with its targets, in three queries.
    static func rows(regionID: UUID, on db: any Database) async throws -> [Row] {
        let supervisions = try await Supervision.query(on: db).filter(\.$region.$id == regionID).sort(
            \.$createdAt, .descending
        ).all()
        return try await rows(supervisions, on: db)
    }

    /// Open supervision addressed to one unit, the soonest due first, with that unit's target only.
    static func open(forUnit unitID: UUID, on db: any Database) async throws -> [Row] {
        let ids = try await SupervisionTarget.query(on: db).filter(\.$unit.$id == unitID).filter(\.$response == nil)
            .all(\.$supervision.$id)
        let supervisions = try await Supervision.query(on: db).filter(\.$id ~~ ids).sort(\.$respondBy).all()
        return try await rows(supervisions, on: db).map { row in
            var row = row
            row.targets = row.targets.filter { $0.unitID == unitID }
            return row
        }
    }

    private static func rows(_ supervisions: [Supervision], on db: any Database) async throws -> [Row] {
        let ids = supervisions.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let targets = try await SupervisionTarget.query(on: db).join(
            Unit.self, on: \SupervisionTarget.$unit.$id == \Unit.$id
        )
        .filter(\.$supervision.$id ~~ ids).all()
        var byID: [UUID: [Row.Target]] = [:]
        for target in targets {
            byID[target.$supervision.id, default: []].append(
                Row.Target(
                    id: try target.requireID(), unitID: target.$unit.id, unitName: try target.joined(Unit.self).name,
                    response: target.response, respondedBy: target.respondedBy, respondedAt: target.respondedAt))
        }
        let itemIDs = supervisions.compactMap(\.$item.id)
        let titles = Dictionary(
            uniqueKeysWithValues: try await WorkItem.query(on: db).filter(\.$id ~~ itemIDs).all().map {
                (try $0.requireID(), $0.title)
            })
        return try supervisions.map { supervision in
            Row(
                id: try supervision.requireID(), kind: supervision.kind, tone: supervision.tone,
                reference: supervision.reference, itemID: supervision.$item.id,
                itemTitle: supervision.$item.id.flatMap { titles[$0] }, text: supervision.text,
                respondBy: supervision.respondBy, issuedBy: supervision.issuedBy, issuedAt: supervision.createdAt,
                targets: byID[try supervision.requireID()] ?? [])
        }
    }
}
