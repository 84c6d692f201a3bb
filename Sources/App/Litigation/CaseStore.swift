import Fluent
import FuyuanCore
import Vapor

/// Writes checked cases (`CaseRows.Batch`) with their hearings: new case numbers are created, known ones updated
/// when anything differs. The caller holds the transaction and writes the audit entry.
enum CaseStore {
    struct Counts: Content, Equatable {
        var created = 0
        var updated = 0
        var unchanged = 0
    }

    /// Cases are released, looked up and inserted this many at a time (well under both databases' bound-parameter
    /// limits).
    static let batchSize = 2_000
    /// The SQLite page cache while an import writes (see `Database.withPageCache`).
    static let bulkCacheMegabytes = 64

    /// Deletes a case and its hearings (court staff of its region, who found it through their scope).
    static func delete(_ detail: CaseQueries.Detail, as acting: Acting) async throws {
        _ = try acting.caller(for: .maintainLitigation)
        let item = detail.adminCase
        try await acting.db.write { db in
            try await Hearing.query(on: db).filter(\.$adminCase.$id == item.requireID()).delete()
            try await item.delete(on: db)
            try await acting.audit(
                .caseDeleted, object: ("admin_cases", item.caseNumber), summary: "删除行政诉讼案件 \(item.caseNumber)",
                before: CaseForm(detail), on: db)
        }
    }

    /// The form's one case, in its own transaction with its audit entry.
    static func save(
        _ plan: CaseRows.Planned, action: AuditAction, object: (type: String, id: String), as acting: Acting,
        summary: @escaping @Sendable (Counts) -> String
    ) async throws -> Counts {
        try await acting.db.write { db in
            var writer = Writer(now: acting.now)
            try await writer.write(CaseRows.Batch(cases: [plan]), on: db)
            try await writer.finish(on: db)
            try await acting.audit(action, object: object, summary: summary(writer.counts), on: db)
            return writer.counts
        }
    }

    /// Writes the batches of one file in turn and counts what they did. A batch's case that is stored already with
    /// the same fields and only some of its hearings may be completed by a continuation later in the file: it waits
    /// in `partial` until `finish`, so that a file sent again counts its cases unchanged however its rows are sorted.
    struct Writer {
        let now: Date
        private(set) var counts = Counts()
        /// Cases written so far from the batches' `cases`.
        private(set) var written = 0
        /// Numbers counted unchanged: a continuation changes them after all.
        private var unchanged: Set<String> = []
        private var partial: [String: (id: UUID, stored: [CaseRows.HearingRow], arrived: [CaseRows.HearingRow])] = [:]

        init(now: Date) { self.now = now }

        mutating func write(_ batch: CaseRows.Batch, on db: any Database) async throws {
            if !batch.cases.isEmpty { try await write(batch.cases, on: db) }
            if !batch.continued.isEmpty { try await add(batch.continued, on: db) }
        }

        /// Completes the cases still partial: unchanged when every stored hearing arrived, otherwise their hearings
        /// become what arrived.
        mutating func finish(on db: any Database) async throws {
            var replaced: [UUID: [CaseRows.HearingRow]] = [:]
            for (_, waiting) in partial {
                if CaseRows.HearingRow.tally(waiting.arrived) == CaseRows.HearingRow.tally(waiting.stored) {
                    counts.unchanged += 1
                } else {
                    counts.updated += 1
                    replaced[waiting.id] = waiting.arrived
                }
            }
            partial = [:]
            try await replace(replaced, on: db)
        }

        private mutating func write(_ plans: [CaseRows.Planned], on db: any Database) async throws {
            let existing = try await AdminCase.query(on: db).filter(\.$caseNumber ~~ plans.map(\.number)).all()
            let byNumber = Dictionary(uniqueKeysWithValues: existing.map { ($0.caseNumber, $0) })
            let stored = try await Hearing.query(on: db).filter(\.$adminCase.$id ~~ existing.compactMap(\.id)).all()
            let hearingsByCase = Dictionary(grouping: stored, by: { $0.$adminCase.id })
            var created: [AdminCase] = []
            var replaced: [UUID: [CaseRows.HearingRow]] = [:]
            var hearings: [Hearing] = []
            for plan in plans {
                guard let known = byNumber[plan.number], let id = known.id else {
                    let model = AdminCase()
                    let newID = UUID()
                    model.id = newID
                    apply(plan, to: model)
                    created.append(model)
                    hearings += plan.hearings.map { Hearing(of: newID, $0) }
                    counts.created += 1
                    continue
                }
                let current = planned(known, hearings: hearingsByCase[id] ?? [])
                if plan.sameCase(as: current) {
                    counts.unchanged += 1
                    unchanged.insert(plan.number)
                } else if plan.caseFields == current.caseFields, Self.isPart(plan.hearings, of: current.hearings) {
                    partial[plan.number] = (id, current.hearings, plan.hearings)
                } else {
                    apply(plan, to: known)
                    try await known.save(on: db)
                    replaced[id] = plan.hearings
                    counts.updated += 1
                }
            }
            try await db.insert(created, now: now)
            try await db.insert(hearings, now: now)
            try await replace(replaced, on: db)
            written += plans.count
        }

        /// Later hearings of cases of earlier batches.
        private mutating func add(_ continued: [CaseRows.Planned], on db: any Database) async throws {
            var appended: [Hearing] = []
            var touched: [UUID] = []
            let ids = try await AdminCase.query(on: db).filter(\.$caseNumber ~~ continued.map(\.number)).all()
                .reduce(into: [:]) { $0[$1.caseNumber] = $1.id }
            for plan in continued {
                if partial[plan.number] != nil {
                    partial[plan.number]?.arrived += plan.hearings
                    continue
                }
                guard let id = ids[plan.number] ?? nil else { continue }
                if unchanged.remove(plan.number) != nil {
                    counts.unchanged -= 1
                    counts.updated += 1
                    touched.append(id)
                }
                appended += plan.hearings.map { Hearing(of: id, $0) }
            }
            try await db.insert(appended, now: now)
            try await touch(touched, on: db)
        }

        /// Replaces the hearings of these cases and marks them updated.
        private func replace(_ hearings: [UUID: [CaseRows.HearingRow]], on db: any Database) async throws {
            guard !hearings.isEmpty else { return }
            try await Hearing.query(on: db).filter(\.$adminCase.$id ~~ Array(hearings.keys)).delete()
            try await db.insert(hearings.flatMap { id, rows in rows.map { Hearing(of: id, $0) } }, now: now)
            try await touch(Array(hearings.keys), on: db)
        }

        private func touch(_ ids: [UUID], on db: any Database) async throws {
            guard !ids.isEmpty else { return }
            try await AdminCase.query(on: db).filter(\.$id ~~ ids).set(\.$updatedAt, to: now).update()
        }

        /// Whether every hearing of `part` is one of `whole`'s, counted with multiplicity.
        private static func isPart(_ part: [CaseRows.HearingRow], of whole: [CaseRows.HearingRow]) -> Bool {
            var left = CaseRows.HearingRow.tally(whole)
            for hearing in part {
                guard let count = left[hearing], count > 0 else { return false }
                left[hearing] = count - 1
            }
            return true
        }
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

    fileprivate static func apply(_ plan: CaseRows.Planned, to model: AdminCase) {
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
