import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// The resolution centre's writes: registering a dispute, correcting it, each step of its workflow, the "N" of a
/// 2+N mediation and the region's targets. Each write is one audited transaction with its notices (`Outbox`) in it.
enum DisputeStore {
    /// A dispute as the centre registers it (the form and the API alike).
    struct Input: Content, Equatable {
        var source: DisputeSource
        var applicant: String
        var agencyID: UUID
        var actionType: ActionType
        var claim: String
        /// The day it was registered, `YYYY-MM-DD`; today when left out.
        var registeredOn: String?
        /// The litigation case it arose in (诉中), if any.
        var caseNumber: String?
    }

    struct Transfer: Content, Equatable {
        /// The agency or mediation body of the region that takes it on.
        var unitID: UUID
    }

    struct Assignment: Content, Equatable {
        var handler: String
        /// The day the handler answers by; the region's handling days (`DisputeTargets.handlingDays`) when left out.
        var deadline: String?
    }

    struct Answer: Content, Equatable {
        var feedback: String
    }

    struct Closing: Content, Equatable {
        var outcome: DisputeOutcome
        var result: String
        /// The litigation case withdrawn or filed; found in the register by its number when it is there.
        var caseNumber: String?
    }

    struct Participant: Content, Equatable {
        var role: ParticipantRole
        var name: String
        var affiliation: String?
    }

    /// What an input says once checked.
    struct Checked: Equatable {
        let source: DisputeSource
        let applicant: String
        let agencyID: UUID
        let agencyName: String
        let actionType: ActionType
        let claim: String
        let registeredOn: CalendarDay
        let caseNumber: String
    }

    static func register(_ input: Input, region: Region, as acting: Acting) async throws -> Dispute {
        let caller = try centre(of: region.requireID(), acting)
        let checked = try await check(input, region: region, as: acting)
        return try await acting.db.write { db in
            let dispute = Dispute()
            dispute.$region.id = try region.requireID()
            dispute.number = try await nextNumber(in: region, year: checked.registeredOn.year, on: db)
            dispute.registeredBy = caller.displayName
            dispute.state = .registered
            dispute.urges = 0
            fill(dispute, checked)
            dispute.stepDue = stepDue(.registered, on: checked.registeredOn, deadline: nil)
            dispute.$adminCase.id = try await caseID(checked.caseNumber, region: region, on: db)
            try await dispute.create(on: db)
            let id = try dispute.requireID()
            try await event(
                id, acting, caller, "登记（\(checked.source.label)，\(checked.applicant)与\(checked.agencyName)）", db)
            try await acting.audit(
                .disputeRegistered, object: ("dispute", id.uuidString),
                summary: "登记行政争议\(dispute.number)：\(checked.applicant)与\(checked.agencyName)", after: Snapshot(dispute),
                on: db)
            return dispute
        }
    }

    /// The centre corrects the registration while the dispute is open; optional fields left out keep their values.
    static func update(_ detail: DisputeQueries.Detail, with input: Input, as acting: Acting) async throws {
        let dispute = detail.dispute
        let caller = try centre(of: dispute.$region.id, acting)
        guard dispute.state.isOpen else { throw AppError.conflict("该争议已办结，不能再修改") }
        var input = input
        input.registeredOn = input.registeredOn ?? dispute.registeredOn
        input.caseNumber = input.caseNumber ?? dispute.caseNumber
        let checked = try await check(input, region: detail.region, as: acting)
        let before = Snapshot(dispute)
        try await acting.db.write { db in
            fill(dispute, checked)
            let after = Snapshot(dispute)
            guard after != before else { return }
            if dispute.state == .registered {
                dispute.stepDue = stepDue(.registered, on: checked.registeredOn, deadline: nil)
            }
            dispute.$adminCase.id = try await caseID(checked.caseNumber, region: detail.region, on: db)
            try await dispute.save(on: db)
            let changes = after.changes(from: before).joined(separator: "、")
            try await event(dispute.requireID(), acting, caller, "修改登记（\(changes)）", db)
            try await acting.audit(
                .disputeEdited, object: ("dispute", try dispute.requireID().uuidString),
                summary: "修改行政争议\(dispute.number)：\(changes)", before: before, after: after, on: db)
        }
    }

    /// 移送: to the agency concerned or a mediation body of the region, who is told.
    static func transfer(_ detail: DisputeQueries.Detail, _ transfer: Transfer, as acting: Acting) async throws {
        let dispute = detail.dispute
        let caller = try centre(of: dispute.$region.id, acting)
        let state = try step { () throws(DisputeRefusal) in try dispute.state.transferring() }
        guard
            let unit = try await Unit.query(on: acting.db).filter(\.$id == transfer.unitID)
                .filter(\.$region.$id == dispute.$region.id).first()
        else { throw AppError.invalid("承办单位：须为本区划的单位") }
        try await acting.db.write { db in
            dispute.state = state
            dispute.$handlingUnit.id = transfer.unitID
            dispute.stepDue = stepDue(state, on: acting.today, deadline: nil)
            try await dispute.save(on: db)
            let id = try dispute.requireID()
            try await event(id, acting, caller, "移送\(unit.name)", db)
            try await Outbox.post(
                .dispute, event: "\(id):transferred",
                .init(
                    title: "【行政争议移送】\(dispute.number)：\(dispute.applicant)与\(detail.agencyName)",
                    lines: [Layout.excerpt(dispute.claim), "请配合化解中心交办承办人并按期反馈"], link: .dispute(id)),
                to: .units([transfer.unitID]), at: acting.now, on: db)
            try await acting.audit(
                .disputeTransferred, object: ("dispute", id.uuidString),
                summary: "行政争议\(dispute.number)移送\(unit.name)", on: db)
        }
    }

    /// 交办: a named handler at the handling unit, with the day to answer by.
    static func assign(_ detail: DisputeQueries.Detail, _ assignment: Assignment, as acting: Acting) async throws {
        let dispute = detail.dispute
        let caller = try centre(of: dispute.$region.id, acting)
        let state = try step { () throws(DisputeRefusal) in try dispute.state.assigning() }
        var problems = FieldProblems()
        let handler = assignment.handler.trimmingCharacters(in: .whitespacesAndNewlines)
        if handler.isEmpty { problems.add("承办人", "不能为空") }
        let today = acting.today
        let standard = today.adding(
            workingDays: try await DisputeQueries.targets(of: detail.region, on: acting.db).handlingDays)
        let deadline = assignment.deadline.map { $0.isEmpty ? standard : CalendarDay(parsing: $0) } ?? standard
        if deadline == nil { problems.add("办理期限", "请填写有效日期，如 \(standard)") }
        if let deadline, deadline < today { problems.add("办理期限", "不能早于今天") }
        guard let deadline, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        try await acting.db.write { db in
            dispute.state = state
            dispute.handler = handler
            dispute.deadline = deadline.description
            dispute.stepDue = stepDue(state, on: today, deadline: deadline)
            try await dispute.save(on: db)
            let id = try dispute.requireID()
            try await event(id, acting, caller, "交办\(handler)，\(deadline.chinese)前反馈", db)
            if let unit = dispute.$handlingUnit.id {
                try await Outbox.post(
                    .dispute, event: "\(id):assigned",
                    .init(
                        title: "【行政争议交办】\(dispute.number)：承办人\(handler)",
                        lines: [Layout.excerpt(dispute.claim), "请于 \(deadline.chinese) 前反馈化解情况"], link: .dispute(id)),
                    to: .units([unit]), at: acting.now, on: db)
            }
            try await acting.audit(
                .disputeAssigned, object: ("dispute", id.uuidString),
                summary: "行政争议\(dispute.number)交办\(handler)，期限\(deadline)", on: db)
        }
    }

    /// 催办: the centre urges the handling unit; counted, and the unit is told.
    static func urge(_ detail: DisputeQueries.Detail, as acting: Acting) async throws {
        let dispute = detail.dispute
        let caller = try centre(of: dispute.$region.id, acting)
        _ = try step { () throws(DisputeRefusal) in try dispute.state.urging() }
        try await acting.db.write { db in
            dispute.urges += 1
            try await dispute.save(on: db)
            let id = try dispute.requireID()
            let due = CalendarDay(parsing: dispute.deadline ?? "") ?? acting.today
            let when = due < acting.today ? "已逾期 \(due.days(until: acting.today)) 日" : "期限 \(due.chinese)"
            try await event(id, acting, caller, "第 \(dispute.urges) 次催办（\(when)）", db)
            if let unit = dispute.$handlingUnit.id {
                try await Outbox.post(
                    .dispute, event: "\(id):urged:\(dispute.urges)",
                    .init(
                        title: "【行政争议催办】\(dispute.number)",
                        lines: ["承办人\(dispute.handler ?? "")，\(when)", "请尽快反馈化解情况"],
                        link: .dispute(id)),
                    to: .units([unit]), at: acting.now, on: db)
            }
            try await acting.audit(
                .disputeUrged, object: ("dispute", id.uuidString),
                summary: "催办行政争议\(dispute.number)（第 \(dispute.urges) 次，\(when)）", on: db)
        }
    }

    /// 反馈: the handling unit (or the centre, for an answer it received) reports how the mediation went.
    static func answer(_ detail: DisputeQueries.Detail, _ answer: Answer, as acting: Acting) async throws {
        let dispute = detail.dispute
        let caller = acting.caller
        let isCentre = caller.role.may(.resolveDisputes) && caller.regionID == dispute.$region.id
        let isHandling = caller.role.may(.handleParts) && caller.unitID == dispute.$handlingUnit.id
        guard isCentre || isHandling else { throw AppError.forbidden }
        let state = try step { () throws(DisputeRefusal) in try dispute.state.answering() }
        let feedback = answer.feedback.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !feedback.isEmpty else { throw AppError.invalid("反馈情况：不能为空") }
        let today = acting.today
        try await acting.db.write { db in
            dispute.state = state
            dispute.feedback = feedback
            dispute.answeredOn = today.description
            dispute.stepDue = stepDue(state, on: today, deadline: nil)
            try await dispute.save(on: db)
            let id = try dispute.requireID()
            let due = CalendarDay(parsing: dispute.deadline ?? "") ?? today
            let lateness = today > due ? "，逾期 \(due.days(until: today)) 日" : ""
            try await event(id, acting, caller, "反馈\(lateness)", db)
            try await acting.audit(
                .disputeAnswered, object: ("dispute", id.uuidString),
                summary: "\(caller.unitName)反馈行政争议\(dispute.number)\(lateness)", after: answer, on: db)
        }
    }

    /// 办结: the centre closes it with its outcome; a withdrawn or filed case is linked by its number.
    static func close(_ detail: DisputeQueries.Detail, _ closing: Closing, as acting: Acting) async throws {
        let dispute = detail.dispute
        let caller = try centre(of: dispute.$region.id, acting)
        let state = try step { () throws(DisputeRefusal) in try dispute.state.closing() }
        var problems = FieldProblems()
        let result = closing.result.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.isEmpty { problems.add("化解情况", "不能为空") }
        var caseNumber = dispute.caseNumber
        if let raw = closing.caseNumber?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { caseNumber = try CaseNumber(parsing: raw).description } catch { problems.add("案号", error.description) }
        }
        if closing.outcome == .mediatedWithdrawal && caseNumber.isEmpty {
            problems.add("案号", "调解后撤诉的，须填写撤回的行政诉讼案号")
        }
        try problems.throwIfAny()
        let linkedNumber = caseNumber
        let today = acting.today
        let registered = CalendarDay(parsing: dispute.registeredOn) ?? today
        try await acting.db.write { db in
            dispute.state = state
            dispute.outcome = closing.outcome
            dispute.result = result
            dispute.closedOn = today.description
            dispute.closeDays = registered.days(until: today)
            dispute.stepDue = ""
            dispute.caseNumber = linkedNumber
            dispute.$adminCase.id = try await caseID(linkedNumber, region: detail.region, on: db)
            try await dispute.save(on: db)
            let id = try dispute.requireID()
            let linked = linkedNumber.isEmpty ? "" : "，案号\(linkedNumber)"
            try await event(id, acting, caller, "办结：\(closing.outcome.label)\(linked)", db)
            if let unit = dispute.$handlingUnit.id {
                try await Outbox.post(
                    .dispute, event: "\(id):closed",
                    .init(
                        title: "【行政争议办结】\(dispute.number)：\(closing.outcome.label)", lines: [result],
                        link: .dispute(id)),
                    to: .units([unit]), at: acting.now, on: db)
            }
            try await acting.audit(
                .disputeClosed, object: ("dispute", id.uuidString),
                summary: "办结行政争议\(dispute.number)：\(closing.outcome.label)\(linked)", after: closing, on: db)
        }
    }

    /// One of the "N" of a 2+N mediation, added while the dispute is open.
    static func addParticipant(_ detail: DisputeQueries.Detail, _ input: Participant, as acting: Acting) async throws {
        let dispute = detail.dispute
        let caller = try centre(of: dispute.$region.id, acting)
        guard dispute.state.isOpen else { throw AppError.conflict("该争议已办结，不能再增加参与方") }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw AppError.invalid("参与方姓名或名称：不能为空") }
        let affiliation = (input.affiliation ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        try await acting.db.write { db in
            let participant = DisputeParticipant()
            participant.$dispute.id = try dispute.requireID()
            (participant.role, participant.name, participant.affiliation) = (input.role, name, affiliation)
            try await participant.create(on: db)
            let who = "\(input.role.label)\(name)" + (affiliation.isEmpty ? "" : "（\(affiliation)）")
            try await event(dispute.requireID(), acting, caller, "增加参与方：\(who)", db)
            try await acting.audit(
                .disputeParticipantAdded, object: ("dispute", try dispute.requireID().uuidString),
                summary: "行政争议\(dispute.number)增加参与方：\(who)", after: input, on: db)
        }
    }

    /// The office (or centre) of the region sets its own targets.
    static func setTargets(_ targets: DisputeTargets, region: Region, as acting: Acting) async throws {
        let caller = try centre(of: region.requireID(), acting)
        guard caller.role == .office else { throw AppError.forbidden }
        let problems = targets.problems
        guard problems.isEmpty else {
            throw AppError.invalid(problems.map { "\($0.field)：\($0.reason)" }.joined(separator: "；"))
        }
        let before = try await DisputeQueries.targets(of: region, on: acting.db)
        try await acting.db.write { db in
            let row =
                try await DisputeTargetRow.query(on: db).filter(\.$region.$id == region.requireID()).first()
                ?? DisputeTargetRow()
            row.$region.id = try region.requireID()
            row.newCasesChange = targets.newCasesChange
            row.mediatedWithdrawalRate = targets.mediatedWithdrawalRate
            row.resolutionRate = targets.resolutionRate
            row.handlingDays = targets.handlingDays
            try await row.save(on: db)
            try await acting.audit(
                .disputeTargetsSet, object: ("region", region.code),
                summary:
                    "设定\(region.name)行政争议化解目标：新收案件同比 \(targets.newCasesChange)%，调解撤诉率 ≥\(targets.mediatedWithdrawalRate)%，化解率 ≥\(targets.resolutionRate)%，承办期限 \(targets.handlingDays) 个工作日",
                before: before, after: targets, on: db)
        }
    }

    // MARK: helpers

    /// The centre's people: court staff or the office of the dispute's own region.
    private static func centre(of regionID: UUID, _ acting: Acting) throws -> Caller {
        let caller = try acting.caller(for: .resolveDisputes)
        guard caller.regionID == regionID else { throw AppError.forbidden }
        return caller
    }

    /// A workflow step, its refusal as a 409 with the workflow's words.
    private static func step(_ next: () throws(DisputeRefusal) -> DisputeState) throws -> DisputeState {
        do { return try next() } catch { throw AppError.conflict(error.message) }
    }

    static func stepDue(_ state: DisputeState, on day: CalendarDay, deadline: CalendarDay?) -> String {
        DisputeRules().stepDue(after: state, on: day, handlerDeadline: deadline)?.description ?? ""
    }

    private static func event(_ id: UUID, _ acting: Acting, _ caller: Caller, _ what: String, _ db: any Database)
        async throws
    {
        try await DisputeEvent(disputeID: id, at: acting.now, actor: caller.displayName, what: what).create(on: db)
    }

    /// The region's next free number of `year`: 鲁山县争〔2026〕12号.
    static func nextNumber(in region: Region, year: Int, on db: any Database) async throws -> String {
        let prefix = "\(region.name)争〔\(year)〕"
        var next =
            try await Dispute.query(on: db).filter(\.$region.$id == region.requireID())
            .filter(\.$number =~ prefix).count() + 1
        while try await Dispute.query(on: db).filter(\.$region.$id == region.requireID())
            .filter(\.$number == "\(prefix)\(next)号").first() != nil
        {
            next += 1
        }
        return "\(prefix)\(next)号"
    }

    /// The litigation case of `number` in `region` or below, when the register holds it.
    static func caseID(_ number: String, region: Region, on db: any Database) async throws -> UUID? {
        guard !number.isEmpty else { return nil }
        return try await db.sql().raw(
            """
            SELECT c.id FROM admin_cases c WHERE c.case_number = \(bind: number) AND c.region_id IN \
            (SELECT id FROM regions WHERE \(Scope.paths(under: region.path))) LIMIT 1
            """
        ).first()?.decode(column: "id", as: UUID.self)
    }

    static func check(_ input: Input, region: Region, as acting: Acting) async throws -> Checked {
        var problems = FieldProblems()
        let agency = try await Unit.query(on: acting.db).filter(\.$id == input.agencyID)
            .filter(\.$region.$id == region.requireID()).first()
        if agency == nil { problems.add("被申请行政机关", "须为本区划的单位") }
        let applicant = input.applicant.trimmingCharacters(in: .whitespacesAndNewlines)
        let claim = input.claim.trimmingCharacters(in: .whitespacesAndNewlines)
        if applicant.isEmpty { problems.add("申请人", "不能为空") }
        if claim.isEmpty { problems.add("争议事项", "不能为空") }
        var caseNumber = ""
        if let raw = input.caseNumber?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { caseNumber = try CaseNumber(parsing: raw).description } catch { problems.add("案号", error.description) }
        }
        let today = acting.today
        let registeredOn = input.registeredOn.map { $0.isEmpty ? today : CalendarDay(parsing: $0) } ?? today
        if registeredOn == nil { problems.add("登记日期", "请填写有效日期，如 \(today)") }
        if let registeredOn, registeredOn > today { problems.add("登记日期", "不能晚于今天") }
        guard let agency, let registeredOn, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        return Checked(
            source: input.source, applicant: applicant, agencyID: try agency.requireID(), agencyName: agency.name,
            actionType: input.actionType, claim: claim, registeredOn: registeredOn, caseNumber: caseNumber)
    }

    static func fill(_ dispute: Dispute, _ checked: Checked) {
        (dispute.source, dispute.applicant, dispute.$agency.id) = (checked.source, checked.applicant, checked.agencyID)
        (dispute.actionType, dispute.claim) = (checked.actionType, checked.claim)
        (dispute.registeredOn, dispute.caseNumber) = (checked.registeredOn.description, checked.caseNumber)
    }

    /// What the audit log keeps of a registration before and after a change.
    struct Snapshot: Encodable, Equatable {
        let source: DisputeSource
        let applicant: String
        let agencyID: UUID
        let actionType: ActionType
        let claim: String
        let registeredOn: String
        let caseNumber: String

        init(_ dispute: Dispute) {
            (source, applicant, agencyID) = (dispute.source, dispute.applicant, dispute.$agency.id)
            (actionType, claim) = (dispute.actionType, dispute.claim)
            (registeredOn, caseNumber) = (dispute.registeredOn, dispute.caseNumber)
        }

        /// The fields that differ from `other`, by their names on the form.
        func changes(from other: Snapshot) -> [String] {
            let fields: [(String, Bool)] = [
                ("来源", source != other.source), ("申请人", applicant != other.applicant),
                ("被申请行政机关", agencyID != other.agencyID), ("行政行为类别", actionType != other.actionType),
                ("争议事项", claim != other.claim), ("登记日期", registeredOn != other.registeredOn),
                ("案号", caseNumber != other.caseNumber),
            ]
            return fields.filter(\.1).map(\.0)
        }
    }
}
