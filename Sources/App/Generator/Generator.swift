import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// `fuyuan gen`: fills an empty database with a reproducible organisation, ledger and caseload of a county, a city
/// or the whole of Henan, so that pages and figures can be measured at the size they will have.
public enum Generator {
    public enum Scale: String, CaseIterable, Codable, Sendable {
        case county, city, province
    }

    public struct Options: Sendable {
        public var scale: Scale
        public var seed: UInt64
        public var years: Int
        /// The last day of generated activity; states and lateness are as of this day.
        public var until: CalendarDay

        public init(scale: Scale, seed: UInt64, years: Int, until: CalendarDay) {
            self.scale = scale
            self.seed = seed
            self.years = years
            self.until = until
        }
    }

    public struct Counts: Sendable, CustomStringConvertible {
        public var regions = 0
        public var units = 0
        public var users = 0
        public var items = 0
        public var parts = 0
        public var reports = 0
        public var cases = 0
        public var hearings = 0
        public var suggestions = 0
        public var enforcementCases = 0
        public var disputes = 0
        public var bankruptcyCases = 0
        /// Of the items, those that are bankruptcy matters.
        public var bankruptcyMatters = 0

        public var description: String {
            "区划 \(regions)、单位 \(units)、账户 \(users)、事项 \(items)（办理单位 \(parts)、进展报告 \(reports)）、行政诉讼案件 \(cases)（庭审 \(hearings)）、司法建议 \(suggestions)、涉党政机关执行案件 \(enforcementCases)、行政争议 \(disputes)、破产案件 \(bankruptcyCases)（协调事项 \(bankruptcyMatters)）"
        }
    }

    /// Regions of a scale, parents first: a county is 鲁山县 (with 平顶山市 and the province above it, which get
    /// data too), a city 平顶山市 with its counties.
    static func regions(_ scale: Scale) -> [(code: String, name: String, parent: String?)] {
        var regions: [(code: String, name: String, parent: String?)] = [
            (HenanRegions.province.code, HenanRegions.province.name, nil)
        ]
        for city in HenanRegions.cities where scale == .province || city.code == "410400" {
            regions.append((city.code, city.name, HenanRegions.province.code))
            for county in city.counties where scale != .county || county.code == "410423" {
                regions.append((county.code, county.name, city.code))
            }
        }
        return regions
    }

    public static func run(_ app: Application, options: Options, progress: @escaping @Sendable (String) -> Void)
        async throws -> Counts
    {
        guard try await DemoLoader.isEmpty(app.db) else { throw DemoLoader.NotEmpty() }
        let started = Date()
        let hash = try app.password.hash(DemoData.password)
        let now = app.clock.now()
        var random = SeededRandom(seed: options.seed)
        var counts = Counts()
        var byCode: [String: Region] = [:]
        let allRegions = try regions(options.scale).map { seed in
            guard let code = RegionCode(seed.code) else {
                throw DemoLoader.Mistake(description: "生成数据有误：区划代码“\(seed.code)”无效")
            }
            let region = Region(
                code: seed.code, name: seed.name, level: code.level, parent: seed.parent.flatMap { byCode[$0] })
            region.id = random.uuid()
            byCode[seed.code] = region
            return region
        }
        try await app.db.write { db in try await db.insert(allRegions, now: now) }
        counts.regions = allRegions.count
        // Ten regions to a transaction: each commit rewrites the index pages it touched, and random ids touch many.
        for start in stride(from: 0, to: allRegions.count, by: 10) {
            var batches: [RegionBatch] = []
            for index in start..<min(start + 10, allRegions.count) {
                var batch = try RegionBatch(
                    region: allRegions[index], options: options, hash: hash, now: now, rules: app.dueRules,
                    seal: app.fieldSeal)
                try batch.fill(random: &random, administrators: index == 0)
                batches.append(batch)
                counts.add(batch)
            }
            let filled = batches
            try await app.db.write { db in
                try await db.sql().makeRoomForBulkWrites()
                for batch in filled { try await batch.insert(on: db) }
            }
            let seconds = Int(Date().timeIntervalSince(started))
            progress(
                "[\(start + batches.count)/\(allRegions.count)] 至\(batches.last?.region.name ?? "")：累计 \(counts)，用时 \(seconds) 秒"
            )
        }
        try await app.db.sql().analyze()
        let summary =
            "生成规模测试数据（\(options.scale.rawValue)，种子 \(options.seed)，\(options.years) 年至 \(options.until)）：\(counts)"
        try await app.db.write { db in
            try await Audit.record(
                .dataGenerated, by: .system, object: ("system", "generator"), summary: summary, at: now, on: db)
        }
        return counts
    }
}

extension Generator.Counts {
    mutating func add(_ batch: Generator.RegionBatch) {
        units += batch.units.count
        users += batch.users.count
        items += batch.items.count
        parts += batch.parts.count
        reports += batch.reports.count
        cases += batch.cases.count
        hearings += batch.hearings.count
        suggestions += batch.suggestions.count
        enforcementCases += batch.enforcementCases.count
        disputes += batch.disputes.count
        bankruptcyCases += batch.bankruptcyCases.count
        bankruptcyMatters += batch.bankruptcyMatters.count
    }
}
