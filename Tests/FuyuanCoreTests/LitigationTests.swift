import FuyuanCore
import Testing

struct CaseNumberTests {
    @Test(arguments: [
        ("（2022）豫04民终729号", 2022, "04", "民终", 729, "410400", nil as Procedure?),
        ("(2023)豫0423行初15号", 2023, "0423", "行初", 15, "410423", .firstInstance),
        ("（２０２３）豫０４２３行初１５号", 2023, "0423", "行初", 15, "410423", .firstInstance),
        ("(2023) 豫04 行终 8 号", 2023, "04", "行终", 8, "410400", .secondInstance),
        ("（2024）豫行申3号", 2024, "", "行申", 3, "410000", .retrial),
        ("（2021）豫1322行审102号", 2021, "1322", "行审", 102, "411322", .nonLitigationReview),
    ])
    func reads(
        _ text: String, _ year: Int, _ court: String, _ type: String, _ sequence: Int, _ region: String,
        _ procedure: Procedure?
    ) throws {
        let number = try CaseNumber(parsing: text)
        #expect(number.year == year)
        #expect(number.courtDigits == court)
        #expect(number.typeCode == type)
        #expect(number.sequence == sequence)
        #expect(number.regionCode == region)
        #expect(number.procedure == procedure)
    }

    @Test func normalisesItsText() throws {
        #expect(try CaseNumber(parsing: "(2023)豫0423行初15号").description == "（2023）豫0423行初15号")
        #expect(try CaseNumber(parsing: "(2023)豫04行终1号").courtLevel == "中级人民法院")
    }

    @Test(arguments: [
        ("2023豫0423行初15号", "案号须以括号中的年份开头，如（2023）"),
        ("（2023豫0423行初15号", "案号的年份缺少右括号"),
        ("（23）豫0423行初15号", "案号的年份须为四位数字，现为“23”"),
        ("（2023）X0423行初15号", "案号的省份简称“X”无法识别"),
        ("（2023）豫042行初15号", "法院代码须为 2 位（中级法院）或 4 位（基层法院）数字，现为“042”"),
        ("（2023）豫04号", "案号缺少类型代字，如 行初、行终"),
        ("（2023）豫0423行初号", "案号缺少序号"),
        ("（2023）豫0423行初15", "案号须以“号”结尾"),
    ])
    func saysWhatIsWrong(_ text: String, _ message: String) {
        #expect(throws: CaseNumber.Problem(description: message)) { try CaseNumber(parsing: text) }
    }
}

struct LitigationFiguresTests {
    let period = DayRange(from: day("2023-01-01"), to: day("2023-07-24"))

    func hearing(_ on: String, appeared: Bool, principal: Bool = false, spoke: Bool = false) -> CaseFacts.Hearing {
        .init(day: day(on), headAppeared: appeared, principal: principal, spoke: spoke)
    }

    /// Seven cases, each testing one rule; the expected figures are counted by hand below.
    var cases: [CaseFacts] {
        [
            // A: carried over, concluded and lost in the period, heard with the principal appearing and speaking.
            .init(
                filed: day("2022-11-01"), concluded: day("2023-02-01"), procedure: .firstInstance, outcome: .revoked,
                hearings: [hearing("2023-01-10", appeared: true, principal: true, spoke: true)]),
            // B: concluded before the period: not carried over.
            .init(
                filed: day("2022-12-01"), concluded: day("2022-12-20"), procedure: .firstInstance, outcome: .dismissed),
            // C: new, first instance, pending; heard without the head.
            .init(
                filed: day("2023-03-01"), concluded: nil, procedure: .firstInstance, outcome: nil,
                hearings: [hearing("2023-05-01", appeared: false)]),
            // D: new second-instance case concluded in a later period.
            .init(
                filed: day("2023-04-01"), concluded: day("2023-08-01"), procedure: .secondInstance, outcome: .revoked),
            // E: new, first instance, withdrawn within the period.
            .init(
                filed: day("2023-05-01"), concluded: day("2023-06-01"), procedure: .firstInstance, outcome: .withdrawn),
            // F: filed after the period.
            .init(filed: day("2023-07-25"), concluded: nil, procedure: .firstInstance, outcome: nil),
            // G: filed long before, still pending: carried over.
            .init(filed: day("2021-06-01"), concluded: nil, procedure: .firstInstance, outcome: nil),
        ]
    }

    @Test func countsByTheCourtsAccounting() {
        let figures = LitigationFigures.of(cases, in: period)
        #expect(figures.carriedOver == 2)  // A, G
        #expect(figures.new == 3)  // C, D, E
        #expect(figures.received == 5)
        #expect(figures.caseload == 2)  // C, E
        #expect(figures.concluded == 2)  // A, E
        #expect(figures.pending == 3)
        #expect(figures.losses == 1)  // A
        #expect(Rate.text(figures.lossRate) == "50.0%")
        #expect(Rate.text(figures.mediatedWithdrawalRate) == "50.0%")  // E
        #expect(figures.heard == 2)  // A, C
        #expect(Rate.text(figures.appearanceRate) == "50.0%")
        #expect(Rate.text(figures.principalAppearanceRate) == "50.0%")
        #expect(Rate.text(figures.spokeRate) == "100.0%")
    }

    @Test func disjointCasesAddUp() {
        for split in 0...cases.count {
            let (left, right) = (Array(cases[..<split]), Array(cases[split...]))
            #expect(
                LitigationFigures.of(left, in: period) + LitigationFigures.of(right, in: period)
                    == .of(cases, in: period))
        }
        var one = LitigationFigures()
        (one.carriedOver, one.new, one.caseload, one.concluded, one.losses) = (1, 2, 3, 4, 5)
        (one.mediatedOrWithdrawn, one.heard, one.appeared, one.principalAppeared, one.spoke) = (6, 7, 8, 9, 10)
        let two = one + one
        #expect([two.carriedOver, two.new, two.caseload, two.concluded, two.losses] == [2, 4, 6, 8, 10])
        #expect(
            [two.mediatedOrWithdrawn, two.heard, two.appeared, two.principalAppeared, two.spoke] == [
                12, 14, 16, 18, 20,
            ])
    }

    @Test func aCaseMovesBetweenPeriods() {
        // D is new in 2023 H1 and concluded in the next period, where it was carried over.
        let next = LitigationFigures.of(cases, in: DayRange(from: day("2023-07-25"), to: day("2023-12-31")))
        #expect(next.carriedOver == 3)  // C, D, G
        #expect(next.new == 1)  // F
        #expect(next.concluded == 1)  // D
        #expect(next.losses == 1)
        #expect(next.pending == 3)
    }

    @Test func anEmptyPeriodShowsDashesNotZeroPercent() {
        let empty = LitigationFigures.of(cases, in: DayRange(from: day("2019-01-01"), to: day("2019-12-31")))
        #expect(empty == LitigationFigures())
        #expect(
            [empty.lossRate, empty.appearanceRate, empty.spokeRate, empty.mediatedWithdrawalRate].map(Rate.text) == [
                "—", "—", "—", "—",
            ])
    }

    @Test func theSeedsLossRate() throws {
        // Seed 000: 6 lost of 43 concluded is 13.95 %, shown with one decimal.
        #expect(try #require(Rate.of(6, over: 43)).percent == "14.0%")
        #expect(Rate.of(41, over: 0) == nil)
    }

    @Test func doubleDeclineNeedsBothLower() {
        var now = LitigationFigures()
        now.new = 10
        now.caseload = 10
        now.concluded = 10
        now.losses = 1
        var before = now
        before.caseload = 12
        before.losses = 2
        #expect(LitigationFigures.doubleDecline(current: now, previous: before))
        before.caseload = 10
        #expect(!LitigationFigures.doubleDecline(current: now, previous: before))
        before.caseload = 12
        before.losses = 1
        #expect(!LitigationFigures.doubleDecline(current: now, previous: before))
        #expect(!LitigationFigures.doubleDecline(current: now, previous: LitigationFigures()))
    }

    @Test func yearBefore() {
        #expect(period.yearBefore == DayRange(from: day("2022-01-01"), to: day("2022-07-24")))
        #expect(DayRange(from: day("2024-02-29"), to: day("2024-02-29")).yearBefore.from == day("2023-02-28"))
    }
}

struct WarningTests {
    func figures(concluded: Int, losses: Int, heard: Int, appeared: Int) -> LitigationFigures {
        var figures = LitigationFigures()
        figures.concluded = concluded
        figures.losses = losses
        figures.heard = heard
        figures.appeared = appeared
        return figures
    }

    @Test func levelsFromLossAndAppearanceRates() {
        let thresholds = WarningThresholds()
        #expect(thresholds.level(figures(concluded: 10, losses: 1, heard: 4, appeared: 4)) == WarningLevel.none)
        #expect(thresholds.level(figures(concluded: 20, losses: 3, heard: 4, appeared: 4)) == .yellow)  // exactly 15 %
        #expect(thresholds.level(figures(concluded: 10, losses: 2, heard: 4, appeared: 4)) == .orange)
        #expect(thresholds.level(figures(concluded: 4, losses: 4, heard: 4, appeared: 4)) == .red)  // 鲁山县自然资源局
        #expect(thresholds.level(figures(concluded: 10, losses: 0, heard: 10, appeared: 9)) == .yellow)  // 90 %
        #expect(thresholds.level(figures(concluded: 10, losses: 0, heard: 3, appeared: 2)) == .red)  // 66.7 %
        #expect(thresholds.level(LitigationFigures()) == WarningLevel.none)  // no cases, no warning
    }

    @Test func configurableThresholds() {
        #expect(WarningThresholds.levels("10, 25,40") == [10, 25, 40])
        #expect(WarningThresholds.levels("10,25") == nil)
        #expect(WarningThresholds.levels("10,25,140") == nil)
        let strict = WarningThresholds(lossRate: [5, 10, 20], appearanceRate: [100, 95, 90])
        #expect(strict.level(figures(concluded: 14, losses: 1, heard: 0, appeared: 0)) == .yellow)  // 7.1 %
    }
}
