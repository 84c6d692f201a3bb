import Fluent
import FuyuanCore
import Vapor

/// The daily digest: finds what each unit and each office must act on and tells them, once per day. Each feature
/// says what it tells (`Feature.digest`, in `<Feature>+Digest.swift`); this writes one notice per recipient, and
/// hands it to the people and robots who take it outside the product (`Outbox`).
enum Digest {
    /// Who a digest line is for: a unit or the office of a region.
    struct Key: Hashable {
        let regionID: UUID
        let recipient: String
    }

    /// The lines a feature tells each recipient today.
    typealias Lines = [Key: [String]]

    /// What a feature's part of the digest is asked with.
    struct Day: Sendable {
        let today: CalendarDay
        let rules: DueRules
    }

    /// A feature's part: its lines for `day`, read from `db`.
    typealias Part = @Sendable (_ day: Day, _ db: any Database) async throws -> Lines

    /// Builds today's notices from every feature's part and stores them, with their deliveries (by mail, SMS and to
    /// the group robots, `Outbox`), in one transaction, with `recorded` (the audit entry of a run by hand) in it too;
    /// returns how many notices were new. Safe to run again and on several instances: a recipient who already has
    /// today's notice is skipped, and a person or robot is sent today's digest once — a run later in the day sends it
    /// to those who gave an address or were given a robot since.
    @discardableResult
    static func run(
        of features: [Feature], on db: any Database, now: Date, rules: DueRules,
        recorded: (@Sendable (_ count: Int, _ db: any Database) async throws -> Void)? = nil
    ) async throws -> Int {
        let day = Day(today: CalendarDay(containing: now), rules: rules)
        var lines: Lines = [:]
        for part in features.compactMap(\.digest) {
            lines.merge(try await part(day, db)) { $0 + $1 }
        }
        let found = lines
        let readers = try await Outbox.readers(of: .digest, on: db)
        let robots = try await Robot.query(on: db).all()
        return try await db.write { db in
            var todays: Lines = [:]
            for notice in try await Notice.query(on: db).filter(\.$day == day.today.description).all() {
                todays[Key(regionID: notice.$region.id, recipient: notice.recipient)] = notice.lines
                    .components(separatedBy: "\n")
            }
            let new = found.filter { !$0.value.isEmpty && todays[$0.key] == nil }.mapValues { $0.sorted() }
            try await db.insert(
                new.map {
                    Notice(regionID: $0.key.regionID, recipient: $0.key.recipient, day: day.today, lines: $0.value)
                }, now: now, ignoringConflicts: true)
            todays.merge(new) { old, _ in old }
            try await Outbox.write(
                try deliveries(of: todays, day: day.today, readers: readers, robots: robots, at: now), at: now, on: db)
            try await recorded?(new.count, db)
            return new.count
        }
    }

    /// One message a person a channel with all the lines of their notices (their unit's, and their office's for
    /// office staff, as `NoticePages.mine`), one post a robot with its recipient's.
    private static func deliveries(
        of notices: Lines, day: CalendarDay, readers: [Outbox.Reader], robots: [Robot], at now: Date
    ) throws -> [Delivery] {
        let title = "府院通每日提醒（\(day.chinese)）"
        let key = "digest:\(day)"
        var deliveries: [Delivery] = []
        for reader in readers {
            var recipients = [Key(regionID: reader.regionID, recipient: Notice.unit(reader.unitID))]
            if reader.role.may(.manageLedger) {
                recipients.append(Key(regionID: reader.regionID, recipient: Notice.office))
            }
            let lines = recipients.flatMap { notices[$0] ?? [] }
            guard !lines.isEmpty else { continue }
            deliveries += Outbox.deliveries(
                .digest, key: key, .init(title: title, lines: lines, link: .notices), to: reader, at: now)
        }
        for robot in robots {
            guard let lines = notices[Key(regionID: robot.$region.id, recipient: robot.recipient)] else { continue }
            deliveries.append(
                try Outbox.delivery(
                    .digest, key: key, .init(title: title, lines: lines, link: .notices), to: robot, at: now))
        }
        return deliveries
    }
}

extension Calendar {
    static let shanghai: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        return calendar
    }()
}
