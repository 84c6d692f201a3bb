import Fluent
import FuyuanCore
import Vapor

/// Writes checked cases (`CaseRows.Planned`) with their hearings: new case numbers are created, known ones updated
/// when anything differs. Everything happens in one transaction, in batches, with one audit entry.
enum CaseStore {
    struct Counts: Content, Equatable {
        var created = 0
        var updated = 0
        var unchanged = 0
    }

    /// Cases are looked up and inserted this many at a time (well under both databases' bound-parameter limits).
    static let batchSize = 2_000
    /// The SQLite page cache while a file of more than one batch is written (see `Database.withPageCache`).
    static let bulkCacheMegabytes = 64

    static func save(
        _ plans: [CaseRows.Planned], action: AuditAction, object: (type: String, id: String), request: Request,
        progress: @escaping @Sendable (CaseImport.Progress) -> Void = { _ in },
        summary: @escaping @Sendable (Counts) -> String
    ) async throws -> Counts {
        try await request.db.write { db in
            var counts = Counts()
            func saveAll() async throws {
                for start in stride(from: 0, to: plans.count, by: batchSize) {
                    let batch = plans[start..<min(start + batchSize, plans.count)]
                    try await save(batch, counts: &counts, now: request.now, on: db)
                    progress(.stored(cases: start + batch.count, of: plans.count))
                }
            }
            if plans.count > batchSize {
                try await db.withPageCache(megabytes: bulkCacheMegabytes, saveAll)
            } else {
                try await saveAll()
            }
            try await request.audit(action, object: object, summary: summary(counts), on: db)
            return counts
        }
    }

    private static func save(
        _ batch: ArraySlice<CaseRows.Planned>, counts: inout Counts, now: Date, on db: any Database
    ) async throws {
        let existing = try await AdminCase.query(on: db).filter(\.$caseNumber ~~ batch.map(\.number)).all()
        let byNumber = Dictionary(uniqueKeysWithValues: existing.map { ($0.caseNumber, $0) })
        let stored = try await Hearing.query(on: db).filter(\.$adminCase.$id ~~ existing.compactMap(\.id)).all()
        let hearingsByCase = Dictionary(grouping: stored, by: { $0.$adminCase.id })
        var created: [AdminCase] = []
        var replaced: [UUID] = []
        var hearings: [Hearing] = []
        for plan in batch {
            let model: AdminCase
            if let known = byNumber[plan.number], let id = known.id {
                if plan.sameCase(as: planned(known, hearings: hearingsByCase[id] ?? [])) {
                    counts.unchanged += 1
                    continue
                }
                replaced.append(id)
                model = known
                apply(plan, to: model)
                try await model.save(on: db)
                counts.updated += 1
            } else {
                model = AdminCase()
                model.id = UUID()
                apply(plan, to: model)
                created.append(model)
                counts.created += 1
            }
            hearings += plan.hearings.map { Hearing(of: model.id!, $0) }
        }
        if !replaced.isEmpty { try await Hearing.query(on: db).filter(\.$adminCase.$id ~~ replaced).delete() }
        try await db.insert(created, now: now)
        try await db.insert(hearings, now: now)
    }

    /// A stored case as the rows would plan it, to compare with what arrives.
    static func planned(_ model: AdminCase, hearings: [Hearing]) -> CaseRows.Planned {
        CaseRows.Planned(
            number: model.caseNumber, court: model.court, procedure: model.procedure, defendantID: model.$defendant.id,
            regionID: model.$region.id, actionType: model.actionType, plaintiffKind: model.plaintiffKind,
            filedOn: model.filedOn, concludedOn: model.concludedOn, outcome: model.outcome, lossCause: model.lossCause,
            hearings: hearings.map {
                CaseRows.HearingRow(
                    heldOn: $0.heldOn, headAppeared: $0.headAppeared, rank: $0.headRank, principal: $0.principal,
                    spoke: $0.spoke)
            }.sorted { $0.heldOn < $1.heldOn }, firstRow: 0)
    }

    private static func apply(_ plan: CaseRows.Planned, to model: AdminCase) {
        model.caseNumber = plan.number
        model.court = plan.court
        model.procedure = plan.procedure
        model.$defendant.id = plan.defendantID
        model.$region.id = plan.regionID
        model.actionType = plan.actionType
        model.plaintiffKind = plan.plaintiffKind
        model.filedOn = plan.filedOn
        model.concludedOn = plan.concludedOn
        model.outcome = plan.outcome
        model.lossCause = plan.lossCause
    }
}

extension Hearing {
    convenience init(of caseID: UUID, _ row: CaseRows.HearingRow) {
        self.init()
        id = UUID()
        $adminCase.id = caseID
        heldOn = row.heldOn
        headAppeared = row.headAppeared
        headRank = row.rank
        principal = row.principal
        spoke = row.spoke
    }
}
