import Foundation

/// What a notice establishing a joint meeting (like seed 003) says of its roster: the convener, deputies, member
/// units, the unit hosting its office, and liaisons where a table names them.
public struct RosterDraft: Equatable, Sendable {
    public var people: [Roster.Person] = []
    public var memberUnits: [Roster.MemberUnit] = []
    /// The unit the office is at (办公室设在区司法局), as the region's unit name; empty when not said or not matched.
    public var officeHost = ""

    public init() {}

    /// A plan that says where an office sits (办公室设在…) sets up no roster: people or member units do.
    public var isEmpty: Bool { people.isEmpty && memberUnits.isEmpty }
}

/// Reads the roster out of a document's paragraphs.
struct RosterReading {
    let units: RegionUnits
    var draft = RosterDraft()
    var unmatched: [PlanDraft.Unmatched] = []
    private var role: MeetingRole?
    private var liaisonTable: (table: Int, unit: Int, liaison: Int)?

    init(units: RegionUnits) {
        self.units = units
    }

    private static let roleLabels: [(String, MeetingRole)] = [
        ("常务副召集人", .executiveDeputy), ("副召集人", .deputy), ("召集人", .convener),
    ]

    /// Member units are named with who attends for them: 区财政局主要负责同志.
    private static let attendance = ["主要负责同志", "负责常务工作的同志", "分管负责同志", "负责同志", "主要负责人", "分管负责人"]

    mutating func take(_ paragraph: Paragraph) {
        if let cells = paragraph.cells, let table = paragraph.table {
            takeRow(cells, table: table)
            return
        }
        let text = paragraph.text.filter { !$0.isWhitespace }
        if let (label, found) = Self.roleLabels.first(where: {
            text.hasPrefix($0.0 + "：") || text.hasPrefix($0.0 + ":")
        }) {
            role = found
            addPeople(String(text.dropFirst(label.count + 1)))
        } else if role != nil, let first = text.first, first != "（", first != "(",
            text.contains("（") || text.contains("("),
            Self.people(in: text).count > 0, !text.contains("：")
        {
            addPeople(text)
        } else {
            role = nil
        }
        for label in ["成员单位：", "成员：", "成员单位:", "成员:"] where text.hasPrefix(label) {
            addMembers(String(text.dropFirst(label.count)))
        }
        if text.contains("办公室设在"), let host = text.firstMatch(of: /办公室设在([^，。,；;]+)/) {
            let name = String(host.output.1).replacingOccurrences(of: "，", with: "")
            switch units.find(name) {
            case .units(let names) where names.count == 1: draft.officeHost = names[0]
            case .units(let names): note(name, candidates: names)
            case .unmatched(let candidates): note(name, candidates: candidates)
            }
        }
    }

    private mutating func addPeople(_ text: String) {
        guard let role else { return }
        for (name, post) in Self.people(in: text) {
            draft.people.append(Roster.Person(role: role, name: name, post: post))
        }
    }

    /// 宋建立（区长）, 李海强（副区长、卫东公安分局局长）: names with their posts.
    static func people(in text: String) -> [(String, String)] {
        text.matches(of: /([^，、；;（(）)]{2,5})[（(]([^）)]+)[）)]/).map { (String($0.output.1), String($0.output.2)) }
    }

    private mutating func addMembers(_ list: String) {
        var names = list
        for ending in ["。", "；", ";"] where names.hasSuffix(ending) { names.removeLast() }
        for written in names.split(whereSeparator: { "、，,；;".contains($0) }) {
            var name = String(written)
            for suffix in Self.attendance where name.hasSuffix(suffix) {
                name.removeLast(suffix.count)
                break
            }
            addMember(name, liaison: "")
        }
    }

    private mutating func addMember(_ name: String, liaison: String) {
        guard !name.isEmpty else { return }
        switch units.find(name) {
        case .units(let names):
            for unit in names where !draft.memberUnits.contains(where: { $0.unit == unit }) {
                draft.memberUnits.append(Roster.MemberUnit(unit: unit, liaison: liaison))
            }
        case .unmatched(let candidates): note(name, candidates: candidates)
        }
    }

    private mutating func note(_ name: String, candidates: [String]) {
        let entry = PlanDraft.Unmatched(name: name, item: nil, role: nil, candidates: candidates)
        if !unmatched.contains(entry) { unmatched.append(entry) }
    }

    /// A table of member units and their liaisons (成员单位 | 联络员 | 职务 | 电话).
    private mutating func takeRow(_ cells: [String], table: Int) {
        let names = cells.map { $0.filter { !$0.isWhitespace } }
        if let unit = names.firstIndex(where: { $0.hasSuffix("单位") }),
            let liaison = names.firstIndex(where: { $0.contains("联络员") || $0 == "姓名" })
        {
            liaisonTable = (table, unit, liaison)
            return
        }
        guard let columns = liaisonTable, columns.table == table, names.indices.contains(columns.unit) else { return }
        addMember(names[columns.unit], liaison: names.indices.contains(columns.liaison) ? names[columns.liaison] : "")
    }
}
