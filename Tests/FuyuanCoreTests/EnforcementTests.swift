import FuyuanCore
import Testing

@Suite struct EnforcementTests {
    @Test func moneyIsReadAndWrittenInFenExactly() throws {
        #expect(try Money.fen(parsing: "125072.39") == 12_507_239)
        #expect(try Money.fen(parsing: "125,072.39 元") == 12_507_239)
        #expect(try Money.fen(parsing: "￥125072.3") == 12_507_230)
        #expect(try Money.fen(parsing: "９９１５.０２万元") == 9_915_020_000)
        #expect(try Money.fen(parsing: "0.000001万") == 1)
        #expect(Money.yuan(12_507_239) == "125072.39")
        #expect(Money.yuan(5) == "0.05")
        #expect(Money.wan(9_915_020_000) == "9915.02万")
        #expect(try Money.fen(parsing: Money.yuan(12_507_239)) == 12_507_239)
        #expect(throws: Money.Problem("“125072.391”的小数位过多：金额精确到分")) { try Money.fen(parsing: "125072.391") }
        #expect(throws: Money.Problem("“-5”不是金额：请写数字，如 125072.39 或 9915.02万元")) { try Money.fen(parsing: "-5") }
        #expect(throws: Money.Problem("请填写金额，如 125072.39")) { try Money.fen(parsing: " 元") }
        #expect(throws: Money.Problem("“99999999999999999”超出可登记的金额")) {
            try Money.fen(parsing: "99999999999999999")
        }
    }

    @Test func paymentsMoveTheStateAndNeverPayTooMuch() throws {
        let open = EnforcementCaseState(obligation: .money, owedFen: 38_600_000, paidFen: 15_000_000, state: .partial)
        #expect(open.outstandingFen == 23_600_000)
        #expect(try open.paying(1_000_000, method: .budgeted) == .partial)
        #expect(try open.paying(23_600_000, method: .transferred) == .performed)
        #expect(throws: EnforcementRefusal("金额：超过未履行金额 236000.00 元", isInput: true)) {
            try open.paying(23_600_001, method: .transferred)
        }
        #expect(throws: EnforcementRefusal("金额：须大于零", isInput: true)) { try open.paying(0, method: .transferred) }
        let done = EnforcementCaseState(obligation: .money, owedFen: 100, paidFen: 100, state: .performed)
        #expect(done.outstandingFen == 0)
        #expect(throws: EnforcementRefusal("该案件已“已履行到位”，不能再登记履行")) { try done.paying(1, method: .budgeted) }
        #expect(throws: EnforcementRefusal("该案件已“已履行到位”，不能再结案")) { try done.ending(as: .settled) }
        let act = EnforcementCaseState(obligation: .act, owedFen: 0, paidFen: 0, state: .unperformed)
        #expect(try act.paying(0, method: .act) == .performed)
        #expect(try act.ending(as: .terminated) == .terminated)
        #expect(
            EnforcementCaseState(obligation: .money, owedFen: 100, paidFen: 40, state: .settled).outstandingFen == 0)
        #expect(EnforcementState.allCases.filter(\.isCleared) == [.performed, .terminated, .settled])
    }
}
