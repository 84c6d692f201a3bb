import Fluent
import FuyuanCore
import Vapor

/// The case import (.xlsx or CSV in the fixed format of `CaseRows.header`), as uploaded on the cases page or sent
/// to `POST /api/v1/litigation/cases/import`. The file is read from disk row by row on the thread pool, every row is
/// checked before anything is written, and the cases are then written in batches inside one transaction: a file
/// with a bad row changes nothing. Keyed by case number: a case sent again is updated, never duplicated.
enum CaseImport {
    /// How far an import has got, for the progress shown while a large file is read and written.
    enum Progress: Sendable, Equatable {
        case read(rows: Int)
        case stored(cases: Int, of: Int)
    }

    /// Rows are reported this often while reading, cases while writing.
    static let progressEvery = 5_000
    /// The largest file accepted (about 300 000 rows of CSV).
    static let maximumBytes = 200 << 20
    /// A file with more problems than this lists only these; the rest would drown them.
    static let problemLimit = 500

    static func run(
        _ source: SpreadsheetImport.Source, request: Request,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> CaseStore.Counts {
        let caller = try request.caller(for: .maintainLitigation)
        let rows = try await CaseRows(scope: caller.scope, on: request.db)
        let plans = try await request.application.threadPool.runIfActive {
            try plan(source, rows: rows, progress: progress)
        }
        return try await CaseStore.save(
            plans, action: .casesImported, object: ("admin_cases", "import"), request: request, progress: progress
        ) { counts in "导入行政诉讼案件：新增 \(counts.created)，更新 \(counts.updated)，未变 \(counts.unchanged)" }
    }

    /// Reads and checks every row; the cases when all rows are good, otherwise every problem (up to the limit).
    static func plan(
        _ source: SpreadsheetImport.Source, rows: CaseRows, progress: @Sendable (Progress) -> Void
    ) throws -> [CaseRows.Planned] {
        var rows = rows
        var problems: [SpreadsheetImport.RowProblem] = []
        var read = 0
        try SpreadsheetImport.read(source, required: CaseRows.header) { header, number, cells in
            read += 1
            if read % progressEvery == 0 { progress(.read(rows: read)) }
            guard problems.count < problemLimit else { return }
            problems += rows.take(row: number) { header.cell(cells, $0) }
        }
        progress(.read(rows: read))
        if problems.count >= problemLimit {
            problems = Array(problems.prefix(problemLimit))
            problems.append(.init(row: 0, column: "", reason: "问题超过 \(problemLimit) 处，只列出前 \(problemLimit) 处"))
        }
        if read == 0 { problems.append(.init(row: 2, column: "", reason: "没有可导入的行")) }
        guard problems.isEmpty else { throw SpreadsheetImport.Refused(problems: problems) }
        return rows.plans
    }
}
