import Fluent
import FuyuanCore
import Vapor

/// Someone at the door who is not, or not yet, a caller: what signing in, signing out and refusing a tampered
/// grant need, without the request. A handler or middleware makes it with `request.door`; a test makes it directly.
struct Door: Sendable {
    let address: String
    let now: Date
    let db: any Database
    let config: AppConfig
    let seal: FieldSeal
    let passwords: AsyncPasswordHasher
    /// A hash checked when the name is unknown, so that an unknown name takes as long as a wrong password.
    let decoyPasswordHash: String
    let storageWatch: StorageWatch
    let intrusionWatch: IntrusionWatch
    let logger: Logger
    /// The session cookie the browser brought, if any.
    let sessionCookie: String?
}

extension Request {
    var door: Door {
        Door(
            address: clientAddress, now: now, db: db, config: application.config, seal: fieldSeal,
            passwords: password.async, decoyPasswordHash: application.decoyPasswordHash,
            storageWatch: application.storageWatch, intrusionWatch: application.intrusionWatch, logger: logger,
            sessionCookie: Cookies.value(Cookies.session, in: self))
    }
}
