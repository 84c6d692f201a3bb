import Fluent
import FuyuanCore
import NIOConcurrencyHelpers
import Vapor

/// The case import (.xlsx or CSV in the fixed format of `CaseRows.header`), as uploaded on the cases page or sent
/// to `POST /api/v1/litigation/cases/import`. The file is read from disk row by row on the thread pool while the
/// checked cases are written, a batch at a time, inside one transaction; the first bad row stops the writing, the
/// rest of the file is still checked so that every problem is listed, and the transaction is rolled back: a file
/// with a bad row changes nothing. Memory stays bounded: a batch being read, one waiting, one being written, and a
/// few dozen bytes per case number. Keyed by case number: a case sent again is updated, never duplicated.
enum CaseImport {
    /// How far an import has got, for the progress shown while a large file is read and written.
    enum Progress: Sendable, Equatable {
        case read(rows: Int)
        case stored(cases: Int)
    }

    /// Rows are reported this often while reading.
    static let progressEvery = 5_000
    /// The largest file accepted (about 300 000 rows of CSV).
    static let maximumBytes = 200 << 20
    /// A file with more problems than this lists only these; the rest would drown them.
    static let problemLimit = 500

    /// An import that wrote at least this many cases brings the planner's statistics up to date.
    static let analyzeAfter = 10_000

    /// Reads and checks `file` on `threadPool` and writes its cases in one transaction, all or none.
    static func run(
        _ file: URL, as acting: Acting, threadPool: NIOThreadPool,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> CaseStore.Counts {
        let caller = try acting.caller(for: .maintainLitigation)
        let rows = try await CaseRows(scope: caller.scope, on: acting.db)
        let counts = try await acting.db.write { db in
            try await db.withPageCache(megabytes: CaseStore.bulkCacheMegabytes) {
                var writer = CaseStore.Writer(now: acting.now)
                var complete = false
                for try await batch in batches(file, rows: rows, threadPool: threadPool, progress: progress) {
                    try await writer.write(batch, on: db)
                    if !batch.cases.isEmpty { progress(.stored(cases: writer.written)) }
                    complete = batch.isLast
                }
                // A stream also ends when its consuming task is cancelled, as if the file had ended: without the
                // file's last batch, roll back rather than keep part of it.
                guard complete else { throw CancellationError() }
                try await writer.finish(on: db)
                let counts = writer.counts
                try await acting.audit(
                    .casesImported, object: ("admin_cases", "import"),
                    summary: "导入行政诉讼案件：新增 \(counts.created)，更新 \(counts.updated)，未变 \(counts.unchanged)", on: db)
                return counts
            }
        }
        if counts.created + counts.updated >= analyzeAfter {
            try await acting.db.sql().analyze([AdminCase.schema, Hearing.schema])
        }
        return counts
    }

    /// The file's cases in batches, read and checked on the thread pool one batch ahead of the writer; fails with
    /// `SpreadsheetImport.Refused` after the last row when any row was bad.
    static func batches(
        _ file: URL, rows: CaseRows, threadPool: NIOThreadPool,
        progress: @escaping @Sendable (Progress) -> Void
    ) -> AsyncThrowingStream<CaseRows.Batch, any Error> {
        let handoff = Handoff()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: CaseRows.Batch.self)
        continuation.onTermination = { _ in handoff.stop() }
        threadPool.submit { state in
            guard state == .active else { return continuation.finish(throwing: CancellationError()) }
            do {
                try plan(file, rows: rows, progress: progress) { batch in
                    try handoff.waitForRoom()
                    continuation.yield(batch)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return AsyncThrowingStream(unfolding: {
            handoff.makeRoom()
            return try await stream.first { _ in true }
        })
    }

    /// Reads and checks every row, handing over the cases a batch at a time until a row is bad; then only checks, and
    /// fails with every problem found (up to the limit).
    static func plan(
        _ file: URL, rows: CaseRows, progress: @Sendable (Progress) -> Void,
        release: (CaseRows.Batch) throws -> Void
    ) throws {
        var rows = rows
        var problems: [SpreadsheetImport.RowProblem] = []
        var read = 0
        try SpreadsheetImport.read(file, required: CaseRows.header, sheetNamed: CaseRows.sheetName) { header, line in
            read += 1
            if read % progressEvery == 0 { progress(.read(rows: read)) }
            guard problems.count < problemLimit else { return }
            problems += line.problems
            problems += rows.take(row: line.number) { header.cell(line.cells, $0) }
            if rows.pendingCount >= CaseStore.batchSize {
                let batch = rows.release()
                if problems.isEmpty { try release(batch) }
            }
        }
        if read % progressEvery != 0 { progress(.read(rows: read)) }
        if problems.count >= problemLimit {
            problems = Array(problems.prefix(problemLimit))
            problems.append(.init(row: 0, column: "", reason: "问题超过 \(problemLimit) 处，只列出前 \(problemLimit) 处"))
        }
        if read == 0 { problems.append(.init(row: 2, column: "", reason: "没有可导入的行")) }
        guard problems.isEmpty else { throw SpreadsheetImport.Refused(problems: problems) }
        var last = rows.release()
        last.isLast = true
        try release(last)
    }

    /// Lets the reader run one batch ahead of the writer and no further, and stops it when the writer gives up.
    private final class Handoff: @unchecked Sendable {
        private let room = DispatchSemaphore(value: 0)
        private let stopped = NIOLockedValueBox(false)

        /// The reader, before it hands over a batch.
        func waitForRoom() throws {
            room.wait()
            if stopped.withLockedValue({ $0 }) { throw CancellationError() }
        }

        /// The writer, when it asks for the next batch.
        func makeRoom() { room.signal() }

        func stop() {
            stopped.withLockedValue { $0 = true }
            room.signal()
        }
    }
}
