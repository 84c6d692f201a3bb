import Fluent
import FuyuanCore
import Vapor

/// The features' once-a-day jobs (`Feature.dailyJobs`: the audit chain check, the digest after 08:00 Asia/Shanghai,
/// the retention sweep, the disabling of dormant accounts), each run by whichever instance takes the day's lease
/// first; every 15 minutes it looks for one that is due.
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
                let hour = Calendar.shanghai.component(.hour, from: now)
                for job in app.features.flatMap(\.dailyJobs) where hour >= job.fromHour {
                    await Self.once(job.name + ":" + day, holder: holder, app: app) { try await job.run(app, now) }
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
