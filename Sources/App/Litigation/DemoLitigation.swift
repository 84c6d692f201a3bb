import Fluent
import FuyuanCore
import Vapor

/// Demo cases arranged so that the figures are the seeds' own: 鲁山县 from 2023-01-01 to 2023-07-24 received 59,
/// concluded 43, 16 pending, 6 lost (4 自然资源局, 2 人社局), head appearance above 90 % (seed 000); 安阳市 266
/// first-instance cases and 41 lost in H1 2024 (seed 001); and a year before each, higher, so the 双下降 shows.
/// The individual cases are made up; only their totals come from the seeds.
enum DemoLitigation {
    struct Spec {
        let number: String
        let court: String
        let defendant: String
        let region: String
        let action: ActionType
        let filed: CalendarDay
        let concluded: CalendarDay?
        let outcome: Outcome?
        let hearing: (day: CalendarDay, appeared: Bool, principal: Bool, spoke: Bool)?
    }

    static func load(_ context: DemoLoader.Context) async throws {
        var specs = try lushan()
        specs += recent(today: CalendarDay(containing: context.now))
        // Judged in 2024 with its hearing not entered: the clerk's home asks for it.
        specs.append(
            Spec(
                number: "（2024）豫0423行初8101号", court: "鲁山县人民法院", defendant: "鲁山县市场监督管理局", region: "410423",
                action: .licensing, filed: try DemoLoader.day("2024-03-04"),
                concluded: try DemoLoader.day("2024-05-20"),
                outcome: .dismissed, hearing: nil))
        specs += anyang(year: 2024, new: 266, concluded: 230, lost: 41)
        specs += anyang(year: 2023, new: 290, concluded: 250, lost: 52)
        var cases: [AdminCase] = []
        var hearings: [Hearing] = []
        for (index, spec) in specs.enumerated() {
            let model = AdminCase()
            let caseID = UUID()
            model.id = caseID
            model.caseNumber = try CaseNumber(parsing: spec.number).description
            model.court = spec.court
            model.procedure = .firstInstance
            model.actionType = spec.action
            model.plaintiffKind = index % 5 == 0 ? .enterprise : .individual
            model.filedOn = spec.filed.description
            model.concludedOn = spec.concluded?.description
            model.outcome = spec.outcome
            model.lossCause = spec.outcome?.isLoss == true ? LossCause.allCases[index % 3] : nil
            model.$defendant.id = try context.unit(spec.defendant).requireID()
            model.$region.id = try context.region(spec.region).requireID()
            cases.append(model)
            if let held = spec.hearing {
                let hearing = Hearing()
                hearing.$adminCase.id = caseID
                hearing.heldOn = held.day.description
                hearing.headAppeared = held.appeared
                hearing.headRank = held.appeared ? (held.principal ? "局长" : "副局长") : ""
                hearing.principal = held.principal
                hearing.spoke = held.spoke
                hearings.append(hearing)
            }
        }
        try await cases.create(on: context.db)
        try await hearings.create(on: context.db)
    }

    private static func lushan() throws -> [Spec] {
        let court = "鲁山县人民法院"
        let others = ["鲁山县市场监督管理局", "鲁山县公安局", "鲁山县住房和城乡建设局", "鲁山县人民政府办公室", "张官营镇人民政府", "鲁山县自然资源局", "鲁山县人力资源和社会保障局"]
        let actions = ActionType.allCases
        var specs: [Spec] = []
        func add(
            _ number: String, _ defendant: String, _ filed: CalendarDay, _ concluded: CalendarDay?, _ outcome: Outcome?,
            appeared: Bool, k: Int
        ) {
            // Cases concluded other than by withdrawal or mediation were heard, five days before.
            let heardOn = outcome?.isMediatedOrWithdrawn == false ? concluded?.adding(days: -5) : nil
            specs.append(
                Spec(
                    number: number, court: court, defendant: defendant, region: "410423",
                    action: actions[k % actions.count],
                    filed: filed, concluded: concluded, outcome: outcome,
                    hearing: heardOn.map { ($0, appeared, appeared && k % 3 == 0, appeared && k % 7 != 6) })
            )
        }
        // 2022: 55 new first-instance cases in the comparison period, 48 concluded in it with 11 lost.
        let lost2022 = [
            "鲁山县自然资源局", "鲁山县自然资源局", "鲁山县自然资源局", "鲁山县自然资源局", "鲁山县自然资源局", "鲁山县自然资源局",
            "鲁山县人力资源和社会保障局", "鲁山县人力资源和社会保障局", "鲁山县人力资源和社会保障局", "鲁山县市场监督管理局", "鲁山县市场监督管理局",
        ]
        for k in 0..<55 {
            let filed = try DemoLoader.day("2022-01-04").adding(days: 3 * k)
            let concluded = try k < 48 ? filed.adding(days: 30) : DemoLoader.day("2022-08-20").adding(days: k)
            let outcome: Outcome = k < 11 ? .revoked : (k % 6 == 0 ? .withdrawn : .dismissed)
            add(
                "（2022）豫0423行初\(k + 1)号", k < 11 ? lost2022[k] : others[k % others.count], filed, concluded, outcome,
                appeared: k % 5 != 4, k: k)
        }
        // Filed in 2022's second half and still pending on 1 January 2023: carried over, all concluded by July.
        let lost2023: [Int: (String, Outcome)] = [
            0: ("鲁山县自然资源局", .revoked), 1: ("鲁山县自然资源局", .confirmedIllegal),
            12: ("鲁山县自然资源局", .orderedPerformance), 13: ("鲁山县自然资源局", .revoked),
            14: ("鲁山县人力资源和社会保障局", .revoked), 15: ("鲁山县人力资源和社会保障局", .changed),
        ]
        for k in 0..<12 {
            let filed = try DemoLoader.day("2022-09-05").adding(days: 8 * k)
            let concluded = try DemoLoader.day("2023-01-10").adding(days: 10 * k)
            let (defendant, outcome) = lost2023[k] ?? (others[k % 5], .dismissed)
            add("（2022）豫0423行初\(56 + k)号", defendant, filed, concluded, outcome, appeared: k != 5, k: k)
        }
        // 2023: 47 new cases to 24 July; 31 concluded, 16 pending; nine withdrawn or mediated.
        for k in 0..<47 {
            let filed = try DemoLoader.day("2023-01-05").adding(days: 4 * k)
            let concluded = k < 31 ? filed.adding(days: 40) : nil
            var (defendant, outcome): (String, Outcome?) =
                lost2023[k + 12] ?? (others[k % 5], concluded == nil ? nil : .dismissed)
            if (4...12).contains(k) { outcome = k % 2 == 0 ? .withdrawn : .mediated }
            if let lost = lost2023[k + 12] { (defendant, outcome) = (lost.0, lost.1) }
            add("（2023）豫0423行初\(k + 1)号", defendant, filed, concluded, outcome, appeared: k != 20 && k != 27, k: k)
        }
        return specs
    }

    /// 鲁山县 this year to date and the same days a year before, so that a leader's home and the court's cards have
    /// figures: fewer cases and fewer lost this year (the 双下降), one hearing in five days, one held three days ago
    /// whose appearance is not yet recorded, one case filed three weeks ago. Days are spread over the part of the
    /// year gone by, so that the demo is whole on any day it is loaded.
    static func recent(today: CalendarDay) -> [Spec] {
        let court = "鲁山县人民法院"
        func spread(_ year: Int, _ fraction: Double) -> CalendarDay {
            let start = CalendarDay(year: year, month: 1, clampingDay: 1)
            let elapsed = CalendarDay(year: today.year, month: 1, clampingDay: 1).days(until: today)
            return start.adding(days: Int(Double(elapsed) * fraction))
        }
        /// Numbered by the year of filing; this year's cases from 211 on, so that one filed late last year keeps its own.
        func spec(
            _ n: Int, _ defendant: String, filed: CalendarDay, concluded: CalendarDay?, _ outcome: Outcome?,
            hearing: (CalendarDay, Bool)?
        ) -> Spec {
            Spec(
                number: "（\(filed.year)）豫0423行初\(8_000 + n)号", court: court, defendant: defendant, region: "410423",
                action: ActionType.allCases[n % ActionType.allCases.count], filed: filed, concluded: concluded,
                outcome: outcome, hearing: hearing.map { ($0.0, $0.1, $0.1, $0.1) })
        }
        let year = today.year
        let lastYear: [(String, Outcome)] = [
            ("鲁山县自然资源局", .revoked), ("鲁山县人力资源和社会保障局", .revoked), ("鲁山县自然资源局", .confirmedIllegal),
            ("鲁山县公安局", .dismissed), ("鲁山县市场监督管理局", .dismissed), ("鲁山县住房和城乡建设局", .dismissed),
            ("鲁山县公安局", .dismissed), ("张官营镇人民政府", .withdrawn),
        ]
        var specs = lastYear.enumerated().map { n, defendant in
            let filed = spread(year - 1, 0.1 * Double(n))
            let concluded = spread(year - 1, 0.1 * Double(n) + 0.15)
            return spec(
                n + 1, defendant.0, filed: filed, concluded: concluded, defendant.1,
                hearing: defendant.1 == .withdrawn ? nil : (concluded.adding(days: -5), n != 3))
        }
        specs += [
            spec(
                11, "鲁山县自然资源局", filed: spread(year, 0), concluded: spread(year, 0.3), .dismissed,
                hearing: (spread(year, 0.25), true)),
            spec(
                12, "鲁山县人力资源和社会保障局", filed: spread(year, 0.1), concluded: spread(year, 0.4), .revoked,
                hearing: (spread(year, 0.35), true)),
            spec(
                13, "鲁山县公安局", filed: spread(year, 0.2), concluded: spread(year, 0.5), .dismissed,
                hearing: (spread(year, 0.45), false)),
            spec(
                14, "鲁山县市场监督管理局", filed: today.adding(days: -40), concluded: nil, nil,
                hearing: (today.adding(days: 5), false)),
            spec(
                15, "鲁山县住房和城乡建设局", filed: today.adding(days: -60), concluded: nil, nil,
                hearing: (today.adding(days: -3), false)),
            spec(16, "鲁山县人民政府办公室", filed: today.adding(days: -21), concluded: nil, nil, hearing: nil),
        ]
        return specs
    }

    private static func anyang(year: Int, new: Int, concluded: Int, lost: Int) -> [Spec] {
        let defendants = ["安阳市人民政府办公室", "安阳市公安局", "安阳市市场监督管理局", "安阳市住房和城乡建设局", "安阳市税务局", "安阳市司法局"]
        let start = CalendarDay(year: year, month: 1, clampingDay: 2)
        return (0..<new).map { k in
            let filed = start.adding(days: k * 150 / new)
            let closed = k < concluded ? filed.adding(days: 25) : nil
            let outcome: Outcome? = closed == nil ? nil : (k < lost ? .revoked : (k % 9 == 0 ? .withdrawn : .dismissed))
            let heardOn = outcome?.isMediatedOrWithdrawn == false ? closed?.adding(days: -3) : nil
            return Spec(
                number: "（\(year)）豫05行初\(k + 1)号", court: "安阳市中级人民法院", defendant: defendants[k % defendants.count],
                region: "410500", action: ActionType.allCases[k % ActionType.allCases.count], filed: filed,
                concluded: closed,
                outcome: outcome,
                hearing: heardOn.map { ($0, k % 20 != 7, k % 4 == 0, k % 20 != 7) })
        }
    }
}
