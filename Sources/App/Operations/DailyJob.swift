import Foundation
import Vapor

/// A job a feature runs once a day (`Feature.dailyJobs`), by whichever instance takes the day's lease first
/// (`DailyJobs`).
struct DailyJob: Sendable {
    /// The lease's name, with the day after it (`digest:2026-12-07`).
    let name: String
    /// The hour (Asia/Shanghai) from which it runs.
    var fromHour = 0
    let run: @Sendable (_ app: Application, _ now: Date) async throws -> Void
}

extension DailyJob {
    /// Deletes what has outlived its retention.
    static let retention = DailyJob(name: "retention") { app, now in
        let swept = try await Retention.sweep(on: app.db, now: now, config: app.config)
        app.logger.info("retention sweep: \(swept.total) rows")
    }

    /// Disables accounts not used for the policy's days.
    static let dormancy = DailyJob(name: "dormancy") { app, _ in
        let names = try await runDormancyCheck(app)
        if !names.isEmpty { app.logger.notice("dormant accounts disabled: \(names.count)") }
    }
}
