import Fluent
import FuyuanCore
import Vapor

/// Loads the demo into an empty database, all in one transaction: each feature's part (`Feature.demo`), the
/// organisation of `DemoData` first.
public enum DemoLoader {
    public struct NotEmpty: Error, CustomStringConvertible {
        public var description: String { "数据库中已有区划数据，未载入演示数据" }
    }

    /// A name, code or date in the constants of the demo or the generator that they do not define or that does not
    /// read: a mistake in them, reported by the `demo` or `gen` command.
    struct Mistake: Error, CustomStringConvertible {
        let description: String
    }

    /// What the constants call `key`.
    static func named<Value>(_ key: String, in table: [String: Value]) throws -> Value {
        guard let value = table[key] else { throw Mistake(description: "演示数据有误：没有“\(key)”") }
        return value
    }

    static func day(_ text: String) throws -> CalendarDay {
        guard let day = CalendarDay(parsing: text) else { throw Mistake(description: "演示数据有误：日期“\(text)”无效") }
        return day
    }

    public static func isEmpty(_ db: any Database) async throws -> Bool {
        let regions = try await Region.query(on: db).count()
        let users = try await User.query(on: db).count()
        return regions == 0 && users == 0
    }

    /// What each feature's demo part is given: the database and the organisation loaded so far.
    struct Context {
        let db: any Database
        let now: Date
        let rules: DueRules
        let seal: FieldSeal
        /// The demo password's hash, for the accounts.
        let passwordHash: String
        /// Where files are kept (`FUYUAN_DATA_DIR`), for the demo's uploaded documents.
        let dataDirectory: String
        /// Filled by the organisation's part, which comes first: regions by code, units by name.
        var regions: [String: Region] = [:]
        var units: [String: Unit] = [:]

        func region(_ code: String) throws -> Region { try DemoLoader.named(code, in: regions) }
        func unit(_ name: String) throws -> Unit { try DemoLoader.named(name, in: units) }
    }

    /// A feature's demo rows (`Feature.demo`), loaded in the order of the features.
    typealias Part = @Sendable (_ context: inout Context) async throws -> Void

    public static func load(_ app: Application) async throws {
        let empty = try await isEmpty(app.db)
        guard empty else { throw NotEmpty() }
        let hash = try app.password.hash(DemoData.password)
        let now = app.clock.now()
        let seal = app.fieldSeal
        let parts = app.features.compactMap(\.demo)
        try await app.db.write { db in
            var context = Context(
                db: db, now: now, rules: app.dueRules, seal: seal, passwordHash: hash,
                dataDirectory: app.config.dataDirectory)
            for part in parts { try await part(&context) }
            try await Audit.record(
                .demoLoaded, by: .system, object: ("system", "demo"),
                summary:
                    "载入演示数据：\(DemoData.regions.count) 个区划、\(context.units.count) 个单位、\(DemoData.accounts.count) 个账户",
                at: now, on: db)
        }
    }
}
