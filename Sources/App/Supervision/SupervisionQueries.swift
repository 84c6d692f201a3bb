import Fluent
import Foundation
import FuyuanCore
import SQLKit

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

extension SupervisionQueries {
    /// A supervision as a home card lists it.
    struct Brief: Decodable, Sendable {
        let kind: Supervision.Kind
        let year: Int?
        let number: Int?
        let text: String
        let respondBy: String
        let targets: Int
        let answered: Int
        let total: Int

        var reference: String { Supervision.reference(kind, year: year, number: number) }
    }

    /// Supervision addressed to `unit` that it has not answered, the soonest due first, with the count, in one query.
    static func awaiting(unit: UUID, limit: Int, on db: any Database) async throws -> (total: Int, rows: [Brief]) {
        try await briefs(
            """
            FROM supervisions s JOIN supervision_targets t ON t.supervision_id = s.id \
            WHERE t.unit_id = \(bind: unit) AND t.response IS NULL ORDER BY s.respond_by, s.id
            """, limit: limit, on: db)
    }

    /// Supervision the region's office issued since `day`, newest first, with the count, in one query.
    static func issued(region: UUID, from day: CalendarDay, limit: Int, on db: any Database) async throws -> (
        total: Int, rows: [Brief]
    ) {
        try await briefs(
            """
            FROM supervisions s WHERE s.region_id = \(bind: region) AND s.created_at >= \(bind: day.start) \
            ORDER BY s.created_at DESC, s.id
            """, limit: limit, on: db)
    }

    private static func briefs(_ from: SQLQueryString, limit: Int, on db: any Database) async throws -> (
        total: Int, rows: [Brief]
    ) {
        let rows = try await db.sql().raw(
            """
            SELECT s.kind, s.year, s.number, s.text, s.respond_by AS "respondBy", \
            (SELECT COUNT(*) FROM supervision_targets a WHERE a.supervision_id = s.id) AS targets, \
            (SELECT COUNT(*) FROM supervision_targets a WHERE a.supervision_id = s.id AND a.response IS NOT NULL) \
            AS answered, COUNT(*) OVER () AS total
            """ + " " + from + " LIMIT \(unsafeRaw: String(limit))"
        ).all(decoding: Brief.self)
        return (rows.first?.total ?? 0, rows)
    }
}
