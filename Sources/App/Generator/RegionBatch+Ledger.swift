import FuyuanCore
import Vapor

extension Generator.RegionBatch {
    /// Titles and areas the seeds give, reused across regions and years.
    static let titles: [(String, TaskArea)] =
        (DemoLedger.ruzhou + DemoLedger.fangcheng).map { ($0.title, $0.area) }
        + DemoLedger.firstBatch.map { ($0, .majorRisk) }

    static let itemsPerList = 34

    /// Each year a 问题清单 and a 责任清单 of 34 items; older items mostly closed, this year's mostly in progress;
    /// reports cluster in the days before what is due.
    mutating func fillLedger(random: inout SeededRandom) throws {
        let departments = units.filter { $0.kind != .township && $0.kind != .streetOffice && $0.kind != .court }
        let until = options.until
        for year in years {
            for (kind, month) in [(ListKind.problem, 2), (.responsibility, 3)] {
                let issued = CalendarDay(year: year, month: month, clampingDay: Int.random(in: 1...28, using: &random))
                guard issued <= until else { continue }
                let list = WorkList(
                    regionID: regionID, kind: kind, title: "\(year)年度府院联动\(kind.label)",
                    source: "\(region.name)府院联动联席会议\(year)年第一次全体会议")
                list.id = random.uuid()
                lists.append(list)
                for number in 1...Self.itemsPerList {
                    try fillItem(list: list, number: number, issued: issued, units: departments, random: &random)
                }
            }
        }
    }

    private mutating func fillItem(
        list: WorkList, number: Int, issued: CalendarDay, units: [Unit], random: inout SeededRandom
    ) throws {
        guard let (title, area) = Self.titles.randomElement(using: &random) else {
            throw DemoLoader.Mistake(description: "生成数据有误：没有事项标题")
        }
        let deadline: Deadline = random.weighted([
            (.date(issued.adding(days: Int.random(in: 60...330, using: &random))), 50),
            (.periodic(.quarter, graceDays: 10), 20), (.longTerm, 15), (.continuous, 10), (.asNeeded, 5),
        ])
        let item = try WorkItem(
            list: list, number: number, title: title, content: "（生成数据）\(title)。", area: area, deadline: deadline)
        let itemID = random.uuid()
        item.id = itemID
        item.issuedOn = issued.description
        guard let lead = units.randomElement(using: &random) else {
            throw DemoLoader.Mistake(description: "生成数据有误：\(region.name)没有可承办事项的单位")
        }
        var chosen = [lead]
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            if let other = units.randomElement(using: &random), !chosen.contains(where: { $0 === other }) {
                chosen.append(other)
            }
        }
        let age = issued.days(until: options.until)
        var latest = ""
        var itemParts: [ItemPart] = []
        for (index, unit) in chosen.enumerated() {
            let unitID = try unit.requireID()
            let role: PartRole = index == 0 ? .lead : (random.chance(0.6) ? .responsible : .cooperating)
            let part = ItemPart(itemID: itemID, unitID: unitID, role: role)
            part.id = random.uuid()
            part.state = Self.state(of: deadline, age: age, random: &random)
            var reported: Set<String> = []
            if part.state != .assigned {
                for (day, period) in reportDays(deadline: deadline, issued: issued, random: &random) {
                    let report = ProgressReport(
                        itemID: itemID, unitID: unitID, reportedOn: day, periodKey: period,
                        text: "（生成数据）\(unit.name)报送\(period.map { "\($0) " } ?? "")进展：已按要求推进\(title)。",
                        figures: "", author: "\(unit.name)联络员")
                    report.id = random.uuid()
                    reports.append(report)
                    if let period { reported.insert(period) }
                    latest = report.text
                }
            }
            let due = LedgerStore.due(of: part, in: item, reportedPeriods: reported, rules: rules)
            part.nextDueOn = due?.day.description
            part.nextDueReason = due?.reason ?? ""
            itemParts.append(part)
        }
        item.state = Workflow.itemState(issued: true, units: itemParts.filter(\.counts).map(\.state))
        item.nextDueOn = itemParts.compactMap(\.nextDueOn).min()
        // Closed by its completion day, or by the day the data runs to for work without one.
        if item.state == .closed {
            item.closedOn = min(deadline.completionDay ?? options.until, options.until).description
        }
        item.latestReport = latest
        items.append(item)
        parts += itemParts
        let event = ItemEvent(
            itemID: itemID, at: issued.start, actor: "\(region.name)联席办", what: "交办",
            reason: "随\(list.title)交办")
        event.id = random.uuid()
        events.append(event)
    }

    /// A unit's state after `age` days: the older the item, the likelier it is finished.
    private static func state(of deadline: Deadline, age: Int, random: inout SeededRandom) -> UnitState {
        let done = min(0.95, Double(age) / 400)
        if age < 10, random.chance(0.5) { return .assigned }
        if random.chance(0.01) { return .suspended }
        switch deadline.kind {
        case .longTerm, .continuous:
            return random.chance(done) ? .ongoing : .inProgress
        case .periodic:
            return random.chance(done * 0.6) ? .closed : .inProgress
        case .date, .asNeeded:
            if random.chance(done) { return random.chance(0.04) ? .closureRequested : .closed }
            return random.chance(0.03) ? .notApplicableRequested : .inProgress
        }
    }

    /// Report days up to `until`: one per quarter for periodic work, else one to three, most of them in the ten
    /// days before the completion day (the rush before a deadline).
    private func reportDays(deadline: Deadline, issued: CalendarDay, random: inout SeededRandom) -> [(
        CalendarDay, String?
    )] {
        let until = options.until
        if case .periodic(let period, let grace) = deadline {
            var days: [(CalendarDay, String?)] = []
            var span = period.span(containing: issued)
            while span.end.adding(days: grace) <= until, random.chance(0.93) {
                days.append((span.end.adding(days: Int.random(in: -6...grace, using: &random)), span.key))
                span = span.next
            }
            return days
        }
        let end = min(deadline.completionDay ?? until, until)
        guard issued < end else { return [] }
        let span = issued.days(until: end)
        return (0..<Int.random(in: 1...3, using: &random)).map { _ in
            let offset =
                random.chance(0.6) && span > 10
                ? span - Int.random(in: 0...10, using: &random) : Int.random(in: 0...span, using: &random)
            return (issued.adding(days: offset), nil)
        }.sorted { $0.0 < $1.0 }
    }
}
