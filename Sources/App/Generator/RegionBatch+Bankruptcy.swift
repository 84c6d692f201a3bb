import FuyuanCore
import Vapor

extension Generator.RegionBatch {
    /// Bankruptcy cases a year: 4 for a city's court, 2 for a county's (about 2 000 over five years for the province),
    /// each with one to four matters for the departments in the region's bankruptcy list of the ledger.
    static func bankruptcyCasesPerYear(_ level: RegionLevel) -> Int {
        switch level {
        case .city: 4
        case .county: 2
        case .province, .township: 0
        }
    }

    mutating func fillBankruptcy(random: inout SeededRandom) throws {
        let perYear = Self.bankruptcyCasesPerYear(region.level)
        guard perYear > 0, let court = units.first(where: { $0.kind == .court }) else { return }
        let departments = units.filter { [.department, .governmentOffice, .publicSecurity].contains($0.kind) }
        guard !departments.isEmpty else { return }
        let list = WorkList(
            regionID: regionID, kind: .bankruptcy, title: BankruptcyStore.listTitle, source: BankruptcyStore.listSource)
        list.id = random.uuid()
        lists.append(list)
        var number = 0
        for year in years {
            for sequence in 1...perYear {
                let accepted = CalendarDay(year: year, month: 1, clampingDay: 1).adding(
                    days: Int.random(in: 0...364, using: &random))
                guard accepted <= options.until else { continue }
                let item = BankruptcyCase()
                item.id = random.uuid()
                item.$region.id = regionID
                item.$court.id = try court.requireID()
                item.caseNumber = "（\(year)）豫\(courtDigits)破\(sequence)号"
                item.debtor = "\(region.name)某企业\(year)-\(sequence)（生成数据）"
                item.procedure = random.weighted([(.liquidation, 6), (.reorganization, 3), (.composition, 1)])
                (item.judge, item.administrator) = ("\(court.name)法官（生成数据）", "某律师事务所（生成数据）")
                item.acceptedOn = accepted.description
                let age = accepted.days(until: options.until)
                item.claimsDueOn = age >= 45 ? accepted.adding(days: 45).description : nil
                item.firstMeetingOn = age >= 60 ? accepted.adding(days: 60).description : nil
                let concluding = age > 540 && random.chance(0.8)
                var lastClosed = accepted
                var kinds = BankruptcyMatterKind.allCases.filter { $0 != .other }
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    guard let kind = kinds.randomElement(using: &random),
                        let unit = departments.randomElement(using: &random)
                    else { break }
                    kinds.removeAll { $0 == kind }
                    let issued = accepted.adding(days: Int.random(in: 5...60, using: &random))
                    guard issued <= options.until else { continue }
                    number += 1
                    let closed = try fillMatter(
                        kind, of: item, list: list, number: number, unit: unit, issued: issued, concluding: concluding,
                        random: &random)
                    lastClosed = max(lastClosed, closed ?? lastClosed)
                }
                if concluding {
                    let day = max(lastClosed, accepted.adding(days: 300)).adding(
                        days: Int.random(in: 10...60, using: &random))
                    item.concludedOn = min(day, options.until).description
                    item.stage = .concluded
                } else {
                    item.stage =
                        age < 45
                        ? .accepted
                        : age < 60
                            ? .claims
                            : age < 240
                                ? .meeting
                                : item.procedure == .liquidation ? .realisation : .plan
                }
                bankruptcyCases.append(item)
            }
        }
    }

    /// A matter of `item` for `unit`, issued on `issued`: closed when the case is concluding or, likely, when its day
    /// has passed; otherwise at work. Returns the day it closed.
    private mutating func fillMatter(
        _ kind: BankruptcyMatterKind, of item: BankruptcyCase, list: WorkList, number: Int, unit: Unit,
        issued: CalendarDay, concluding: Bool, random: inout SeededRandom
    ) throws -> CalendarDay? {
        let deadline = issued.adding(days: Int.random(in: 30...180, using: &random))
        let (title, content) = BankruptcyStore.wording(of: kind, in: item, content: "（生成数据）")
        let ledgerItem = try WorkItem(
            list: list, number: number, title: title, content: content, area: .bankruptcy, deadline: .date(deadline))
        let itemID = random.uuid()
        ledgerItem.id = itemID
        ledgerItem.issuedOn = issued.description
        let part = ItemPart(itemID: itemID, unitID: try unit.requireID(), role: .lead)
        part.id = random.uuid()
        let closes = concluding || (deadline < options.until && random.chance(0.75))
        part.state = closes ? .closed : issued.days(until: options.until) < 5 ? .assigned : .inProgress
        let due = LedgerStore.due(of: part, in: ledgerItem, reportedPeriods: [], rules: rules)
        part.nextDueOn = due?.day.description
        part.nextDueReason = due?.reason ?? ""
        ledgerItem.state = Workflow.itemState(issued: true, units: [part.state])
        ledgerItem.nextDueOn = part.nextDueOn
        var closedOn: CalendarDay?
        if closes {
            closedOn = min(deadline.adding(days: -Int.random(in: 0...20, using: &random)), options.until)
            ledgerItem.closedOn = closedOn?.description
        }
        items.append(ledgerItem)
        parts.append(part)
        let event = ItemEvent(
            itemID: itemID, at: issued.start, actor: "\(item.debtor)破产案承办法院", what: "交办", reason: "破产协调事项")
        event.id = random.uuid()
        events.append(event)
        let matter = BankruptcyMatter()
        matter.id = random.uuid()
        matter.$bankruptcyCase.id = try item.requireID()
        matter.$item.id = itemID
        matter.kind = kind
        bankruptcyMatters.append(matter)
        return closedOn
    }
}

extension BankruptcyCase: BulkInsertable {
    static let columns = [
        "id", "region_id", "court_id", "case_number", "debtor", "procedure", "stage", "judge", "administrator",
        "accepted_on", "claims_due_on", "first_meeting_on", "concluded_on", "created_at", "updated_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [
            id, $region.id, $court.id, caseNumber, debtor, procedure, stage, judge, administrator, acceptedOn,
            claimsDueOn, firstMeetingOn, concludedOn, createdAt ?? now, updatedAt ?? now,
        ]
    }
}

extension BankruptcyMatter: BulkInsertable {
    static let columns = ["id", "case_id", "item_id", "kind"]

    func row(now: Date) -> [any Encodable & Sendable] { [id, $bankruptcyCase.id, $item.id, kind] }
}
