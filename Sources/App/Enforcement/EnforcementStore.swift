import Fluent
import FuyuanCore
import Vapor

/// Entering and correcting enforcement cases, recording payments and endings, and the clean-up campaigns: each write
/// one audited transaction.
enum EnforcementStore {
    /// A case as the court enters it, money in fen (the form reads 元 into it).
    struct Input: Content, Equatable {
        var caseNumber: String
        var court: String?
        var organID: UUID
        var basis: String?
        var obligation: Obligation
        /// What the organ owes, in fen; left out for an act.
        var owedFen: Int64?
        var act: String?
        var filedOn: String
        var campaignID: UUID?
    }

    /// A payment, or for an act the act done, in fen.
    struct Payment: Content, Equatable {
        var paidOn: String
        var amountFen: Int64?
        var method: PaymentMethod
        var note: String?
    }

    /// The court ends the case for now (终结本次执行) or records a settlement (和解).
    struct Ending: Content, Equatable {
        var state: EnforcementState
        var note: String
    }

    struct CampaignInput: Content, Equatable {
        var name: String
        var targetOn: String
    }

    /// Enters a case; `problems` are those found before (an amount the form could not read), listed with the rest.
    static func create(_ input: Input, region: Region, as acting: Acting, problems: FieldProblems = FieldProblems())
        async throws -> EnforcementCase
    {
        let caller = try acting.caller(for: .maintainEnforcement)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        let checked = try await check(
            input, region: region, existing: nil, on: acting.db, today: acting.today, problems: problems)
        return try await acting.db.write { db in
            let item = EnforcementCase()
            item.$region.id = try region.requireID()
            item.paidFen = 0
            item.state = .unperformed
            item.note = ""
            fill(item, checked)
            try await item.create(on: db)
            try await acting.audit(
                .enforcementCaseSaved, object: ("enforcement_case", item.caseNumber),
                summary: "录入涉党政机关执行案件 \(item.caseNumber)（\(checked.organName)，\(owed(item))）", after: Snapshot(item),
                on: db)
            return item
        }
    }

    /// The court corrects a case; what it owes may not drop below what is paid.
    static func update(
        _ item: EnforcementCase, region: Region, with input: Input, as acting: Acting,
        problems: FieldProblems = FieldProblems()
    ) async throws {
        let caller = try acting.caller(for: .maintainEnforcement)
        guard caller.regionID == item.$region.id else { throw AppError.forbidden }
        let checked = try await check(
            input, region: region, existing: item, on: acting.db, today: acting.today, problems: problems)
        let before = Snapshot(item)
        try await acting.db.write { db in
            fill(item, checked)
            if item.obligation == .money, item.state != .terminated, item.state != .settled {
                item.state = EnforcementCaseState.state(owedFen: item.owedFen, paidFen: item.paidFen)
            }
            let after = Snapshot(item)
            guard after != before else { return }
            try await item.save(on: db)
            try await acting.audit(
                .enforcementCaseSaved, object: ("enforcement_case", item.caseNumber),
                summary: "修改涉党政机关执行案件 \(item.caseNumber)", before: before, after: after, on: db)
        }
    }

    /// Records a payment (or the act done); the case's state follows what is paid.
    static func pay(_ item: EnforcementCase, _ payment: Payment, as acting: Acting) async throws {
        let caller = try acting.caller(for: .maintainEnforcement)
        guard caller.regionID == item.$region.id else { throw AppError.forbidden }
        guard let paidOn = CalendarDay(parsing: payment.paidOn) else { throw AppError.invalid("履行日期：请填写有效日期") }
        guard paidOn <= acting.today else { throw AppError.invalid("履行日期：不能晚于今天") }
        let amount = payment.amountFen ?? 0
        let state: EnforcementState
        do { state = try item.rules.paying(amount, method: payment.method) } catch { throw refusal(error) }
        try await acting.db.write { db in
            let record = EnforcementPayment()
            record.$enforcementCase.id = try item.requireID()
            record.paidOn = paidOn.description
            record.amountFen = amount
            record.method = payment.method
            record.note = (payment.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            record.recordedBy = caller.displayName
            try await record.create(on: db)
            item.paidFen += amount
            item.state = state
            try await item.save(on: db)
            let what = item.obligation == .act ? "已履行行为" : "履行 \(Money.yuan(amount)) 元（\(payment.method.label)）"
            try await acting.audit(
                .enforcementPaid, object: ("enforcement_case", item.caseNumber),
                summary: "\(item.caseNumber) \(what)，\(state.label)", after: payment, on: db)
        }
    }

    static func end(_ item: EnforcementCase, _ ending: Ending, as acting: Acting) async throws {
        let caller = try acting.caller(for: .maintainEnforcement)
        guard caller.regionID == item.$region.id else { throw AppError.forbidden }
        let note = ending.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let state: EnforcementState
        do { state = try item.rules.ending(as: ending.state) } catch { throw refusal(error) }
        guard !note.isEmpty else { throw AppError.invalid("说明：请写明终结或和解的情况") }
        try await acting.db.write { db in
            item.state = state
            item.note = note
            try await item.save(on: db)
            try await acting.audit(
                .enforcementEnded, object: ("enforcement_case", item.caseNumber),
                summary: "\(item.caseNumber) \(state.label)：\(note)", on: db)
        }
    }

    static func createCampaign(_ input: CampaignInput, region: Region, as acting: Acting) async throws
        -> EnforcementCampaign
    {
        let caller = try acting.caller(for: .manageLedger)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        var problems = FieldProblems()
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.add("专项清理名称", "不能为空") }
        let target = CalendarDay(parsing: input.targetOn)
        if target == nil { problems.add("清零时限", "请填写有效日期") }
        if !name.isEmpty,
            try await EnforcementCampaign.query(on: acting.db).filter(\.$region.$id == region.requireID())
                .filter(\.$name == name).count() > 0
        {
            problems.add("专项清理名称", "本区划已有同名专项清理")
        }
        guard let target, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        return try await acting.db.write { db in
            let campaign = EnforcementCampaign()
            campaign.$region.id = try region.requireID()
            campaign.name = name
            campaign.targetOn = target.description
            try await campaign.create(on: db)
            try await acting.audit(
                .enforcementCampaignCreated, object: ("enforcement_campaign", try campaign.requireID().uuidString),
                summary: "开展专项清理“\(name)”，\(target.chinese)前清零", on: db)
            return campaign
        }
    }

    // MARK: helpers

    /// A refused step: 422 for what was typed, 409 for what the case's state does not allow.
    private static func refusal(_ refusal: EnforcementRefusal) -> AppError {
        refusal.isInput ? AppError.invalid(refusal.message) : AppError.conflict(refusal.message)
    }

    private struct Checked {
        let caseNumber: String
        let court: String
        let organID: UUID
        let organName: String
        let basis: String
        let obligation: Obligation
        let owedFen: Int64
        let act: String
        let filedOn: CalendarDay
        let campaignID: UUID?
    }

    private static func check(
        _ input: Input, region: Region, existing: EnforcementCase?, on db: any Database, today: CalendarDay,
        problems: FieldProblems
    ) async throws -> Checked {
        var problems = problems
        var number = ""
        do { number = try CaseNumber(parsing: input.caseNumber).description } catch {
            problems.add("案号", error.description)
        }
        if !number.isEmpty, number != existing?.caseNumber,
            try await EnforcementCase.query(on: db).filter(\.$caseNumber == number).count() > 0
        {
            problems.add("案号", "\(number) 已经登记")
        }
        let organ = try await EnforcementQueries.organChoices(of: region, on: db).first { $0.id == input.organID }
        if organ == nil { problems.add("被执行单位", "须为本区划或上级区划的单位") }
        let owed = input.obligation == .money ? input.owedFen ?? 0 : 0
        let act = (input.act ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        switch input.obligation {
        case .money:
            if owed <= 0 { problems.add("标的金额", "须大于零") }
            if owed > Money.maximumFen { problems.add("标的金额", "超出可登记的金额") }
            if let existing, owed < existing.paidFen {
                problems.add("标的金额", "不能少于已履行的 \(Money.yuan(existing.paidFen)) 元")
            }
        case .act:
            if act.isEmpty { problems.add("履行行为", "须履行行为的，请写明行为") }
        }
        let filed = CalendarDay(parsing: input.filedOn)
        if filed == nil { problems.add("立案日期", "请填写有效日期") }
        if let filed, filed > today { problems.add("立案日期", "不能晚于今天") }
        if let campaignID = input.campaignID,
            try await EnforcementQueries.campaignChoices(of: region, on: db).contains(where: { $0.id == campaignID })
                == false
        {
            problems.add("专项清理", "须为本区划或上级区划的专项清理")
        }
        guard let organ, let filed, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        let court = (input.court ?? "").trimmingCharacters(in: .whitespaces)
        return Checked(
            caseNumber: number, court: court.isEmpty ? "\(region.name)人民法院" : court, organID: organ.id,
            organName: organ.name, basis: (input.basis ?? "").trimmingCharacters(in: .whitespaces),
            obligation: input.obligation, owedFen: owed, act: act, filedOn: filed, campaignID: input.campaignID)
    }

    private static func fill(_ item: EnforcementCase, _ checked: Checked) {
        item.caseNumber = checked.caseNumber
        item.court = checked.court
        item.$organ.id = checked.organID
        item.basis = checked.basis
        item.obligation = checked.obligation
        item.owedFen = checked.owedFen
        item.act = checked.act
        item.filedOn = checked.filedOn.description
        item.$campaign.id = checked.campaignID
    }

    /// What a case owes, in words.
    static func owed(_ item: EnforcementCase) -> String {
        item.obligation == .money ? "\(Money.yuan(item.owedFen)) 元" : item.act
    }

    /// What the audit log keeps of a case before and after a change.
    struct Snapshot: Encodable, Equatable {
        let caseNumber: String
        let court: String
        let organID: UUID
        let basis: String
        let obligation: Obligation
        let owedFen: Int64
        let act: String
        let filedOn: String
        let campaignID: UUID?
        let state: EnforcementState

        init(
            caseNumber: String, court: String, organID: UUID, basis: String, obligation: Obligation, owedFen: Int64,
            act: String, filedOn: String, campaignID: UUID?, state: EnforcementState
        ) {
            (self.caseNumber, self.court, self.organID, self.basis) = (caseNumber, court, organID, basis)
            (self.obligation, self.owedFen, self.act, self.filedOn) = (obligation, owedFen, act, filedOn)
            (self.campaignID, self.state) = (campaignID, state)
        }

        init(_ item: EnforcementCase) {
            (caseNumber, court, organID, basis) = (item.caseNumber, item.court, item.$organ.id, item.basis)
            (obligation, owedFen, act, filedOn) = (item.obligation, item.owedFen, item.act, item.filedOn)
            (campaignID, state) = (item.$campaign.id, item.state)
        }
    }
}
