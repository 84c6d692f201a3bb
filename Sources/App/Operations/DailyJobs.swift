import Fluent
import FuyuanCore
import Vapor

/// The once-a-day jobs, each run by whichever instance takes the day's lease first: the retention sweep, the disabling of
/// dormant accounts, the audit chain check (a broken chain raises a security alert), then, after
/// 08:00 Asia/Shanghai, the digest of what each unit and office must act on.
final class DailyJobs: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        let holder = UUID().uuidString
        let app = application
        let task = Task {
            while !Task.isCancelled {
                let now = app.clock.now()
                let day = CalendarDay(containing: now).description
                await Self.once("retention:" + day, holder: holder, app: app) {
                    let swept = try await Retention.sweep(on: app.db, now: now, config: app.config)
                    app.logger.info("retention sweep: \(swept.total) rows")
                }
                await Self.once("dormancy:" + day, holder: holder, app: app) {
                    let names = try await runDormancyCheck(app)
                    if !names.isEmpty { app.logger.notice("dormant accounts disabled: \(names.count)") }
                }
                await Self.once("audit-chain:" + day, holder: holder, app: app) {
                    let verdict = try await verifyAuditChain(app)
                    if !verdict.intact { app.logger.critical("audit chain broken: \(verdict.summary)") }
                }
                if Calendar.shanghai.component(.hour, from: now) >= 8 {
                    await Self.once("digest:" + day, holder: holder, app: app) {
                        let count = try await Digest.run(of: app.features, on: app.db, now: now, rules: app.dueRules)
                        app.logger.info("daily digest: \(count) notices")
                    }
                }
                try? await Task.sleep(for: .seconds(15 * 60))
            }
        }
        lock.withLock { self.task = task }
    }

    /// Stops the loop before the databases close, so it never touches a shut-down application.
    func shutdownAsync(_ application: Application) async {
        lock.withLock { task }?.cancel()
    }

    /// Takes the lease `name`; false when another instance holds it already.
    static func takeLease(_ name: String, holder: String, at now: Date, on db: any Database) async -> Bool {
        do {
            try await JobLease(name: name, holder: holder, at: now).create(on: db)
            return true
        } catch {
            return false
        }
    }

    /// Runs `job` if this instance takes the lease; held in `InFlight`, so that shutdown waits for it before the
    /// databases close.
    private static func once(_ lease: String, holder: String, app: Application, _ job: () async throws -> Void) async {
        await app.inFlight.hold("daily job \(lease)") {
            guard await takeLease(lease, holder: holder, at: app.clock.now(), on: app.db) else { return }
            do { try await job() } catch { app.logger.report(error: error) }
        }
    }
}
