import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// The one place that says which regions a caller reads: their own region, and for office staff,
/// leaders and administrators every region below it. Applied inside each query, never after loading.
struct Scope: Sendable {
    let regionPath: String
    let includesLower: Bool

    /// Filters a query that selects or joins `Region`.
    func restrict<M: Model>(_ query: QueryBuilder<M>) -> QueryBuilder<M> {
        guard includesLower else { return query.filter(Region.self, \.$path == regionPath) }
        return query.group(.or) {
            $0.filter(Region.self, \.$path == regionPath).filter(Region.self, \.$path =~ (regionPath + "/"))
        }
    }

    /// The same rule for hand-written SQL, over a `path` column.
    var paths: SQLQueryString { Self.paths(under: regionPath, includesLower: includesLower) }

    /// `path` is `regionPath`, or (with `includesLower`) below it.
    static func paths(under regionPath: String, includesLower: Bool = true) -> SQLQueryString {
        includesLower
            ? "(path = \(bind: regionPath) OR path LIKE \(bind: regionPath + "/%"))" : "path = \(bind: regionPath)"
    }

    func regions(on db: any Database) -> QueryBuilder<Region> {
        restrict(Region.query(on: db))
    }

    func units(on db: any Database) -> QueryBuilder<Unit> {
        restrict(Unit.query(on: db).join(Region.self, on: \Unit.$region.$id == \Region.$id))
    }

    func users(on db: any Database) -> QueryBuilder<User> {
        restrict(
            User.query(on: db)
                .join(Unit.self, on: \User.$unit.$id == \Unit.$id)
                .join(Region.self, on: \Unit.$region.$id == \Region.$id))
    }

    /// Audit entries carry the region path of their actor; the system's own (backups, key changes, sweeps) have none
    /// and are seen from the top of the region tree.
    func auditEntries(on db: any Database) -> QueryBuilder<AuditEntry> {
        let query = AuditEntry.query(on: db)
        guard includesLower else { return query.filter(\.$regionPath == regionPath) }
        let top = !regionPath.contains("/")
        return query.group(.or) {
            $0.filter(\.$regionPath == regionPath).filter(\.$regionPath =~ (regionPath + "/"))
            if top { $0.filter(\.$regionPath == AuditActor.system.regionPath) }
        }
    }

    /// A region by code, or 404 when it does not exist or lies outside the scope.
    func region(code: String, on db: any Database) async throws -> Region {
        guard let region = try await regions(on: db).filter(\.$code == code).first() else {
            throw AppError.notFound("区划 \(code) ")
        }
        return region
    }

    func unit(id: UUID, on db: any Database) async throws -> Unit {
        guard let unit = try await units(on: db).filter(\.$id == id).first() else { throw AppError.notFound("单位") }
        return unit
    }
}
