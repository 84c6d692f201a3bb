import Fluent
import FuyuanCore
import Vapor

/// The daily digest: finds what each unit and each office must act on and tells them, once per day. Each feature
/// says what it tells (`Feature.digest`, in `<Feature>+Digest.swift`); this writes one notice per recipient.
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

    /// Builds and stores today's notices from every feature's part; returns how many were new. Safe to run again and
    /// on several instances: a recipient who already has today's notice is skipped.
    @discardableResult
    static func run(of features: [Feature], on db: any Database, now: Date, rules: DueRules) async throws -> Int {
        let day = Day(today: CalendarDay(containing: now), rules: rules)
        var lines: Lines = [:]
        for part in features.compactMap(\.digest) {
            lines.merge(try await part(day, db)) { $0 + $1 }
        }
        let existing = Set(
            try await Notice.query(on: db).filter(\.$day == day.today.description).all().map {
                Key(regionID: $0.$region.id, recipient: $0.recipient)
            })
        var created = 0
        for (key, entries) in lines where !entries.isEmpty && !existing.contains(key) {
            do {
                try await Notice(
                    regionID: key.regionID, recipient: key.recipient, day: day.today, lines: entries.sorted()
                )
                .create(on: db)
                created += 1
            } catch {
                // Another instance wrote this recipient's notice a moment ago: the unique index keeps one.
                continue
            }
        }
        return created
    }
}

extension Calendar {
    static let shanghai: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        return calendar
    }()
}
