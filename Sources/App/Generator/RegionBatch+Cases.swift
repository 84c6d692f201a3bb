import FuyuanCore
import Vapor

extension Generator.RegionBatch {
    static let casesPerYear = 343

    /// How a defendant fares: its loss rate and how often its head appears, drifting by year, so that figures
    /// differ by unit and year and some units reach the 双下降 while others do not.
    private struct Propensity {
        let loss: Double
        let lossDrift: Double
        let appearance: Double
    }

    /// About 343 cases a year against the region's units (the usual defendants more often), first instance in
    /// counties, more appeals higher up; outcomes, hearings and appearances by each unit's propensity.
    mutating func fillCases(random: inout SeededRandom) throws {
        let defendants = units.filter { $0.kind != .court && $0.kind != .procuratorate }
        let propensities = defendants.map { _ in
            Propensity(
                loss: Double.random(in: 0.03...0.3, using: &random),
                lossDrift: Double.random(in: -0.03...0.02, using: &random),
                appearance: Double.random(in: 0.5...1, using: &random))
        }
        let weights = try zip(defendants, propensities).map { unit, propensity in
            let key = try unitKeys[unit.requireID()] ?? ""
            return ((unit, propensity), GeneratedOrg.suedWeight[key] ?? (unit.kind == .township ? 0.4 : 0.8))
        }
        guard let court = units.first(where: { $0.kind == .court })?.name else {
            throw DemoLoader.Mistake(description: "生成数据有误：\(region.name)没有法院")
        }
        let digits =
            switch region.level {
            case .province: ""
            case .city: String(region.code.dropFirst(2).prefix(2))
            default: String(region.code.dropFirst(2))
            }
        let appealShare: Double =
            switch region.level {
            case .province: 0.6
            case .city: 0.3
            default: 0
            }
        let until = options.until
        for year in years {
            var sequence: [String: Int] = [:]
            let newYear = CalendarDay(year: year, month: 1, clampingDay: 1)
            let daysInYear = newYear.days(until: CalendarDay(year: year, month: 12, clampingDay: 31))
            for _ in 0..<Self.casesPerYear {
                let filed = newYear.adding(days: Int.random(in: 0...daysInYear, using: &random))
                guard filed <= until else { continue }
                let (defendant, propensity) = random.weighted(weights)
                let appeal = random.chance(appealShare)
                let type = appeal ? "行终" : "行初"
                let number = sequence[type, default: 0] + 1
                sequence[type] = number
                let item = AdminCase()
                let caseID = random.uuid()
                item.id = caseID
                item.caseNumber = "（\(year)）豫\(digits)\(type)\(number)号"
                item.court = court
                item.procedure = appeal ? .secondInstance : .firstInstance
                item.actionType = random.weighted(ActionType.allCases.enumerated().map { ($1, Double(10 - $0)) })
                item.plaintiffKind = random.weighted([(.individual, 80), (.enterprise, 15), (.other, 5)])
                item.filedOn = filed.description
                item.$defendant.id = try defendant.requireID()
                item.$region.id = regionID
                let concluded = filed.adding(days: Int.random(in: 20...240, using: &random))
                if concluded <= until {
                    item.concludedOn = concluded.description
                    let lossRate = max(0.01, propensity.loss + propensity.lossDrift * Double(year - years.lowerBound))
                    let outcome: Outcome =
                        random.chance(0.2)
                        ? (random.chance(0.75) ? .withdrawn : .mediated)
                        : random.chance(lossRate)
                            ? random.weighted([
                                (.revoked, 5), (.confirmedIllegal, 3), (.orderedPerformance, 2), (.changed, 1),
                            ])
                            : .dismissed
                    item.outcome = outcome
                    item.lossCause = outcome.isLoss ? LossCause.allCases.randomElement(using: &random) : nil
                    if !outcome.isMediatedOrWithdrawn {
                        addHearing(
                            caseID, on: filed.adding(days: filed.days(until: concluded) * 3 / 5), propensity, &random)
                        if random.chance(0.15) {
                            addHearing(caseID, on: concluded.adding(days: -3), propensity, &random)
                        }
                    }
                } else if filed.days(until: until) > 60, random.chance(0.5) {
                    addHearing(caseID, on: filed.adding(days: 45), propensity, &random)
                }
                cases.append(item)
            }
        }
    }

    private mutating func addHearing(
        _ caseID: UUID, on day: CalendarDay, _ propensity: Propensity, _ random: inout SeededRandom
    ) {
        let hearing = Hearing()
        hearing.id = random.uuid()
        hearing.$adminCase.id = caseID
        hearing.heldOn = day.description
        hearing.headAppeared = random.chance(propensity.appearance)
        hearing.principal = hearing.headAppeared && random.chance(0.35)
        hearing.headRank = hearing.headAppeared ? (hearing.principal ? "正职" : "副职") : ""
        hearing.spoke = hearing.headAppeared && random.chance(0.85)
        hearings.append(hearing)
    }
}
