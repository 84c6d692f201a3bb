import Fluent
import FuyuanCore
import Vapor

/// Issuing judicial suggestions, correcting them, signing for them and replying, and the automatic urges: each
/// write one audited transaction, with its notices (`Outbox`) in it.
enum SuggestionStore {
    /// A suggestion as the court writes it (the form and the API alike).
    struct Input: Content, Equatable {
        var agencyID: UUID
        var reference: String?
        var caseNumber: String?
        var problem: String
        var suggestion: String
        /// The day it was issued, `YYYY-MM-DD`; today when left out.
        var issuedOn: String?
        /// The day the reply is due; `SuggestionRules.replyDays` after issue when left out.
        var replyDue: String?
    }

    /// The agency's reply.
    struct Reply: Content, Equatable {
        var measures: String
        var adoption: Adoption
        var reasons: String?
    }

    /// What an input says once checked: the agency and the days it names.
    private struct Checked {
        let agency: Unit
        let agencyID: UUID
        let reference: String
        let caseNumber: String
        let problem: String
        let suggestion: String
        let issuedOn: CalendarDay
        let replyDue: CalendarDay
    }

    static func issue(_ input: Input, region: Region, as acting: Acting) async throws -> JudicialSuggestion {
        let caller = try acting.caller(for: .issueSuggestions)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        let checked = try await check(input, region: region, as: acting)
        return try await acting.db.write { db in
            let suggestion = JudicialSuggestion()
            suggestion.$region.id = try region.requireID()
            suggestion.$court.id = caller.unitID
            suggestion.state = .issued
            suggestion.issuedBy = caller.displayName
            suggestion.reminded = 0
            fill(suggestion, checked)
            try await suggestion.create(on: db)
            let id = try suggestion.requireID()
            try await SuggestionEvent(
                suggestionID: id, at: acting.now, actor: caller.displayName, what: "发出司法建议，送\(checked.agency.name)"
            ).create(on: db)
            try await Outbox.post(
                .suggestion, event: "\(id):issued",
                .init(
                    title: "【司法建议】\(caller.unitName)：\(suggestion.title)",
                    lines: [checked.problem, "请签收，并于 \(checked.replyDue.chinese) 前书面回复"], link: .suggestion(id)),
                to: .units([checked.agencyID]), at: acting.now, on: db)
            try await acting.audit(
                .suggestionIssued, object: ("judicial_suggestion", id.uuidString),
                summary: "向\(checked.agency.name)发出司法建议\(suggestion.title)", after: Snapshot(suggestion), on: db)
            return suggestion
        }
    }

    /// The court corrects what it wrote, until the agency has replied; optional fields left out keep their values.
    static func update(_ detail: SuggestionQueries.Detail, with input: Input, as acting: Acting) async throws {
        let caller = try acting.caller(for: .issueSuggestions)
        let suggestion = detail.suggestion
        guard caller.regionID == suggestion.$region.id else { throw AppError.forbidden }
        guard suggestion.state.mayEdit else { throw AppError.conflict("该司法建议已回复，不能再修改") }
        // What the input leaves out stays as it is.
        var input = input
        input.reference = input.reference ?? suggestion.reference
        input.caseNumber = input.caseNumber ?? suggestion.caseNumber
        input.issuedOn = input.issuedOn ?? suggestion.issuedOn
        input.replyDue = input.replyDue ?? suggestion.replyDue
        let checked = try await check(input, region: detail.region, as: acting)
        let before = Snapshot(suggestion)
        try await acting.db.write { db in
            fill(suggestion, checked)
            let after = Snapshot(suggestion)
            guard after != before else { return }
            try await suggestion.save(on: db)
            try await SuggestionEvent(
                suggestionID: try suggestion.requireID(), at: acting.now, actor: caller.displayName,
                what: "修改司法建议（\(after.changes(from: before).joined(separator: "、"))）"
            ).create(on: db)
            try await acting.audit(
                .suggestionEdited, object: ("judicial_suggestion", try suggestion.requireID().uuidString),
                summary: "修改司法建议\(suggestion.title)：\(after.changes(from: before).joined(separator: "、"))",
                before: before, after: after, on: db)
        }
    }

    /// The agency signs for it (签收).
    static func sign(_ suggestion: JudicialSuggestion, as acting: Acting) async throws {
        let caller = try agencyCaller(of: suggestion, acting)
        let state = try step { () throws(SuggestionRefusal) in try suggestion.state.signing() }
        try await acting.db.write { db in
            suggestion.state = state
            suggestion.signedBy = caller.displayName
            suggestion.signedAt = acting.now
            try await suggestion.save(on: db)
            try await SuggestionEvent(
                suggestionID: try suggestion.requireID(), at: acting.now, actor: caller.displayName, what: "签收"
            ).create(on: db)
            try await acting.audit(
                .suggestionSigned, object: ("judicial_suggestion", try suggestion.requireID().uuidString),
                summary: "\(caller.unitName)签收司法建议\(suggestion.title)", on: db)
        }
    }

    /// The agency replies (书面回复): the measures it took and how far it adopted the suggestion, dated today.
    static func reply(_ suggestion: JudicialSuggestion, _ reply: Reply, as acting: Acting) async throws {
        let caller = try agencyCaller(of: suggestion, acting)
        let state = try step { () throws(SuggestionRefusal) in try suggestion.state.replying() }
        var problems = FieldProblems()
        let measures = reply.measures.trimmingCharacters(in: .whitespacesAndNewlines)
        let reasons = (reply.reasons ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if measures.isEmpty { problems.add("采取的措施", "不能为空") }
        if reply.adoption.needsReasons && reasons.isEmpty { problems.add("理由", "\(reply.adoption.label)的，须说明理由") }
        try problems.throwIfAny()
        let today = acting.today
        let due = CalendarDay(parsing: suggestion.replyDue) ?? today
        let late = SuggestionRules().isLate(repliedOn: today, due: due)
        try await acting.db.write { db in
            suggestion.state = state
            suggestion.repliedOn = today.description
            suggestion.repliedBy = caller.displayName
            suggestion.measures = measures
            suggestion.adoption = reply.adoption
            suggestion.reasons = reasons.isEmpty ? nil : reasons
            try await suggestion.save(on: db)
            let id = try suggestion.requireID()
            let lateness = late ? "，逾期 \(due.days(until: today)) 日" : ""
            try await SuggestionEvent(
                suggestionID: id, at: acting.now, actor: caller.displayName,
                what: "回复（\(reply.adoption.label)\(lateness)）"
            ).create(on: db)
            try await Outbox.post(
                .suggestion, event: "\(id):replied",
                .init(
                    title: "【司法建议回复】\(caller.unitName)：\(suggestion.title)",
                    lines: ["\(reply.adoption.label)\(lateness)", measures], link: .suggestion(id)),
                to: .units([suggestion.$court.id]), at: acting.now, on: db)
            try await acting.audit(
                .suggestionReplied, object: ("judicial_suggestion", id.uuidString),
                summary: "\(caller.unitName)回复司法建议\(suggestion.title)：\(reply.adoption.label)\(lateness)",
                after: reply, on: db)
        }
    }

    /// Urges every agency whose reply is missing a week before its day and on it (`SuggestionRules.reminder`), once
    /// a stage, in one audited transaction; returns how many were urged.
    @discardableResult
    static func remind(on db: any Database, now: Date) async throws -> Int {
        let today = CalendarDay(containing: now)
        let horizon = today.adding(days: SuggestionRules.reminderDays).description
        return try await db.write { db in
            let open = try await JudicialSuggestion.query(on: db)
                .filter(\.$state != .replied).filter(\.$reminded < SuggestionRules.Reminder.dueDay.rawValue)
                .filter(\.$replyDue <= horizon).all()
            var urged: [String] = []
            for suggestion in open {
                guard let due = CalendarDay(parsing: suggestion.replyDue),
                    let reminder = SuggestionRules().reminder(
                        due: due, today: today, sent: SuggestionRules.Reminder(rawValue: suggestion.reminded))
                else { continue }
                let id = try suggestion.requireID()
                suggestion.reminded = reminder.rawValue
                try await suggestion.save(on: db)
                try await SuggestionEvent(
                    suggestionID: id, at: now, actor: "系统", what: "自动催办（\(reminder.label)）"
                ).create(on: db)
                try await Outbox.post(
                    .suggestion, event: "\(id):reminder:\(reminder.rawValue)",
                    .init(
                        title: "【司法建议催办】\(suggestion.title)",
                        lines: ["\(reminder.label)，尚未回复", "请于 \(due.chinese) 前书面回复"], link: .suggestion(id)),
                    to: .units([suggestion.$agency.id]), at: now, on: db)
                urged.append(suggestion.title)
            }
            guard !urged.isEmpty else { return 0 }
            try await Audit.record(
                .suggestionReminded, by: .system, object: ("system", "suggestion-reminders"),
                summary: "自动催办未回复的司法建议 \(urged.count) 件：\(urged.joined(separator: "、"))", at: now, on: db)
            return urged.count
        }
    }

    // MARK: helpers

    /// A suggestion in the caller's scope, or 404.
    static func suggestion(_ id: UUID, scope: Scope, within: Region? = nil, on db: any Database) async throws
        -> JudicialSuggestion
    {
        try await SuggestionQueries.detail(id: id, scope: scope, within: within, on: db).suggestion
    }

    /// Only the people of the agency it is addressed to sign and reply.
    private static func agencyCaller(of suggestion: JudicialSuggestion, _ acting: Acting) throws -> Caller {
        let caller = try acting.caller(for: .handleParts)
        guard caller.unitID == suggestion.$agency.id else { throw AppError.forbidden }
        return caller
    }

    /// A workflow step, its refusal as a 409 with the workflow's words.
    private static func step(_ next: () throws(SuggestionRefusal) -> SuggestionState) throws -> SuggestionState {
        do { return try next() } catch { throw AppError.conflict(error.message) }
    }

    private static func check(_ input: Input, region: Region, as acting: Acting) async throws -> Checked {
        var problems = FieldProblems()
        let agency = try await Unit.query(on: acting.db).filter(\.$id == input.agencyID)
            .filter(\.$region.$id == region.requireID()).first()
        if agency == nil { problems.add("被建议单位", "须为本区划的单位") }
        let problem = input.problem.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = input.suggestion.trimmingCharacters(in: .whitespacesAndNewlines)
        if problem.isEmpty { problems.add("发现的问题", "不能为空") }
        if text.isEmpty { problems.add("建议内容", "不能为空") }
        var caseNumber = ""
        if let raw = input.caseNumber?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { caseNumber = try CaseNumber(parsing: raw).description } catch { problems.add("案号", error.description) }
        }
        let today = acting.today
        let issuedOn = input.issuedOn.map { $0.isEmpty ? today : CalendarDay(parsing: $0) } ?? today
        if issuedOn == nil { problems.add("发出日期", "请填写有效日期，如 \(today)") }
        if let issuedOn, issuedOn > today { problems.add("发出日期", "不能晚于今天") }
        let start = issuedOn ?? today
        let replyDue =
            input.replyDue.map { $0.isEmpty ? start.adding(days: SuggestionRules.replyDays) : CalendarDay(parsing: $0) }
            ?? start.adding(days: SuggestionRules.replyDays)
        if replyDue == nil { problems.add("回复期限", "请填写有效日期，如 \(start.adding(days: SuggestionRules.replyDays))") }
        if let replyDue, replyDue < start { problems.add("回复期限", "不能早于发出日期") }
        guard let agency, let issuedOn, let replyDue, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        return Checked(
            agency: agency, agencyID: try agency.requireID(),
            reference: (input.reference ?? "").trimmingCharacters(in: .whitespaces),
            caseNumber: caseNumber, problem: problem, suggestion: text, issuedOn: issuedOn, replyDue: replyDue)
    }

    private static func fill(_ suggestion: JudicialSuggestion, _ checked: Checked) {
        suggestion.$agency.id = checked.agencyID
        suggestion.reference = checked.reference
        suggestion.caseNumber = checked.caseNumber
        suggestion.problem = checked.problem
        suggestion.suggestion = checked.suggestion
        suggestion.issuedOn = checked.issuedOn.description
        suggestion.replyDue = checked.replyDue.description
    }

    /// What the audit log keeps of a suggestion before and after a change.
    struct Snapshot: Encodable, Equatable {
        let agencyID: UUID
        let reference: String
        let caseNumber: String
        let problem: String
        let suggestion: String
        let issuedOn: String
        let replyDue: String

        init(_ suggestion: JudicialSuggestion) {
            (agencyID, reference, caseNumber) = (suggestion.$agency.id, suggestion.reference, suggestion.caseNumber)
            (problem, self.suggestion) = (suggestion.problem, suggestion.suggestion)
            (issuedOn, replyDue) = (suggestion.issuedOn, suggestion.replyDue)
        }

        /// The fields that differ from `other`, by their names on the form.
        func changes(from other: Snapshot) -> [String] {
            [
                ("被建议单位", agencyID != other.agencyID), ("文号", reference != other.reference),
                ("案号", caseNumber != other.caseNumber), ("发现的问题", problem != other.problem),
                ("建议内容", suggestion != other.suggestion), ("发出日期", issuedOn != other.issuedOn),
                ("回复期限", replyDue != other.replyDue),
            ].filter(\.1).map(\.0)
        }
    }
}

extension JudicialSuggestion {
    /// How people name it: its reference, else the day it was issued.
    var title: String {
        reference.isEmpty ? "（\(CalendarDay(parsing: issuedOn)?.chinese ?? issuedOn)发出）" : reference
    }
}
