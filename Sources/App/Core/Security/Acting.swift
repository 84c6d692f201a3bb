import Fluent
import FuyuanCore
import Vapor

/// A caller acting now on a database: what a store needs to check, write and audit, and never the request itself.
/// A handler makes it with `request.acting()`; a command, a job or a test makes it directly and calls the store the
/// same way.
struct Acting: Sendable {
    let caller: Caller
    /// The address the caller came from, for the audit log.
    let address: String
    let now: Date
    /// The day of `now` in Asia/Shanghai.
    var today: CalendarDay { CalendarDay(containing: now) }
    let db: any Database
    /// When a deadline is due soon (the app's `FUYUAN_DUE_SOON_DAYS`).
    let dueRules: DueRules
    /// The data key's seal, for personal fields and grant tags.
    let seal: FieldSeal
    /// The app's password hasher, off the event loop.
    let passwords: AsyncPasswordHasher
    /// The app's settings (the lockout, the password policy, …).
    let config: AppConfig

    /// The caller, when their role may `action`; 403 otherwise.
    func caller(for action: Action) throws -> Caller {
        try caller.require(action)
        return caller
    }

    /// Records what the caller did, in the write's transaction `db`.
    func audit(
        _ action: AuditAction, object: (type: String, id: String), summary: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil, on db: any Database
    ) async throws {
        try await Audit.record(
            action, by: .of(caller, address: address), object: object, summary: summary, before: before,
            after: after, at: now, on: db)
    }
}

extension Request {
    /// The signed-in caller acting through this request; 401 without one.
    func acting() throws -> Acting {
        Acting(
            caller: try requireCaller(), address: clientAddress, now: now, db: db, dueRules: application.dueRules,
            seal: fieldSeal, passwords: password.async, config: application.config)
    }
}
