import Foundation

/// What an official document says, read for the ledger: its particulars, every numbered item that carries units or a
/// deadline (a 实施方案 or 工作方案) with its units as the region's full unit names, and the roster a notice
/// establishing a joint meeting sets up.
public struct PlanDraft: Equatable, Sendable {
    public struct Header: Equatable, Sendable {
        /// 文号, such as 方政办〔2021〕29号; empty when the document has none.
        public var number: String
        public var date: CalendarDay?
        public var issuers: [String]
        public var title: String

        public init(number: String, date: CalendarDay?, issuers: [String], title: String) {
            (self.number, self.date, self.issuers, self.title) = (number, date, issuers, title)
        }
    }

    public struct Item: Equatable, Sendable {
        /// As the document numbers it: 一、 （三） 12. （2） ①, or a table's 序号.
        public var number: String
        /// The numbered heading the item stands under (二、工作措施); empty at the top level.
        public var heading: String
        /// The item's first sentence, short enough for a ledger line.
        public var title: String
        public var text: String
        public var lead: [String]
        public var responsible: [String]
        public var cooperating: [String]
        /// The 完成时限 as written; empty when the document gives none.
        public var deadlineText: String
        public var deadline: Deadline?
        /// The lines of the document the item came from.
        public var lines: ClosedRange<Int>
    }

    /// A name that matches no unit of the region, with the item it came from (counted from 1) and the role it was
    /// named in; both nil for a name of the roster.
    public struct Unmatched: Equatable, Sendable {
        public var name: String
        public var item: Int?
        public var role: PartRole?
        public var candidates: [String]

        public init(name: String, item: Int?, role: PartRole?, candidates: [String]) {
            (self.name, self.item, self.role, self.candidates) = (name, item, role, candidates)
        }
    }

    public var header: Header
    public var items: [Item]
    /// The joint meeting's roster, when the document sets one up (召集人, 成员, 办公室设在…).
    public var roster: RosterDraft
    public var unmatched: [Unmatched]
}

extension PlanDraft.Item {
    /// The first clause of the item's first sentence that asks for something, the units taken off (由县法院牵头，联合
    /// 司法局，出台… → 出台…), for a ledger item's title.
    static func title(of text: String) -> String {
        let limit = 40
        let sentence = text.prefix { $0 != "。" && $0 != "；" }
        var clauses = sentence.split(separator: "，").map(String.init)
        while let first = clauses.first, let rest = actionOf(first) {
            if rest.isEmpty && clauses.count > 1 {
                clauses.removeFirst()
            } else {
                if !rest.isEmpty { clauses[0] = rest }
                break
            }
        }
        if let clause = clauses.first, (6...limit).contains(clause.count) { return clause }
        let cut = clauses.joined(separator: "，")
        return cut.count <= limit ? cut : String(cut.prefix(limit)) + "…"
    }

    /// What a clause asks for once the units are taken off: 由县法院负责建立… → 建立…, 与法院联合出台… → 出台…;
    /// empty when the clause only names units (由县政府办牵头 / 联合法院、检察院 / 法院配合); nil when it names none.
    private static func actionOf(_ clause: String) -> String? {
        for word in ["牵头", "联合", "负责"] where clause.hasPrefix("由") || clause.hasPrefix("与") || word == "牵头" {
            if let found = clause.range(of: word, options: .backwards) { return String(clause[found.upperBound...]) }
        }
        if clause.hasPrefix("联合") || clause.hasPrefix("与") || clause.hasSuffix("配合") { return "" }
        return nil
    }
}
