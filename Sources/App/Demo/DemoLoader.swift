import Fluent
import FuyuanCore
import Vapor

/// Loads `DemoData` into an empty database, all in one transaction.
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

    public static func load(_ app: Application) async throws {
        let empty = try await isEmpty(app.db)
        guard empty else { throw NotEmpty() }
        let hash = try app.password.hash(DemoData.password)
        let now = app.clock.now()
        let seal = app.fieldSeal
        try await app.db.write { db in
            var regions: [String: Region] = [:]
            for seed in DemoData.regions {
                guard let code = RegionCode(seed.code) else {
                    throw Mistake(description: "演示数据有误：区划代码“\(seed.code)”无效")
                }
                let region = Region(
                    code: seed.code, name: seed.name, level: code.level, parent: seed.parent.flatMap { regions[$0] })
                try await region.create(on: db)
                regions[seed.code] = region
            }
            var units: [String: Unit] = [:]
            for seed in DemoData.regions {
                for (name, kind) in DemoData.units[seed.code] ?? [] {
                    let unit = Unit(name: name, kind: kind, regionID: try named(seed.code, in: regions).requireID())
                    try await unit.create(on: db)
                    units[name] = unit
                }
            }
            for seed in DemoData.meetings {
                let meeting = JointMeeting(
                    name: seed.name, regionID: try named(seed.region, in: regions).requireID(),
                    officeUnitID: seed.office.flatMap { units[$0]?.id })
                try await meeting.create(on: db)
                let meetingID = try meeting.requireID()
                for (index, person) in seed.people.enumerated() {
                    try await MeetingPerson(
                        meetingID: meetingID, role: person.0, name: person.1, post: person.2, position: index
                    ).create(on: db)
                }
                let members = seed.members ?? (DemoData.units[seed.region] ?? []).map(\.0)
                for (index, name) in members.enumerated() {
                    // 鲁山县's liaisons are made up (the seeds name none), to show phone numbers sealed and masked.
                    let lushan = seed.region == "410423"
                    try await MemberUnit(
                        meetingID: meetingID, unitID: try named(name, in: units).requireID(),
                        liaisonName: lushan ? "联络员\(index + 1)（演示）" : "",
                        liaisonPhone: lushan ? "1380375\(1000 + index)" : "", position: index, seal: seal
                    ).create(on: db)
                }
                if let establishment = seed.establishment {
                    try await RosterChange(
                        meetingID: meetingID, summary: establishment.summary, approvedBy: establishment.approvedBy,
                        approvedOn: day(establishment.approvedOn), recordedBy: "演示数据"
                    ).create(on: db)
                }
            }
            try await DemoLedger.load(.init(db: db, regions: regions, units: units, now: now, rules: app.dueRules))
            for seed in DemoData.accounts {
                let user = User(
                    username: seed.username, displayName: seed.displayName, passwordHash: hash, role: seed.role,
                    unitID: try named(seed.unit, in: units).requireID(), mustChangePassword: false,
                    passwordChangedAt: now, seal: app.fieldSeal)
                try await user.create(on: db)
            }
            try await Audit.record(
                .demoLoaded, by: .system, object: ("system", "demo"),
                summary: "载入演示数据：\(DemoData.regions.count) 个区划、\(units.count) 个单位、\(DemoData.accounts.count) 个账户",
                at: now, on: db)
        }
    }
}
