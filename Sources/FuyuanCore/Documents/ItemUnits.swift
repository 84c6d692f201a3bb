import Foundation

/// The units of one item by role, from its fields and from its sentences (由县法院牵头，联合司法局): a unit a field
/// names responsible but a sentence names lead or cooperating takes the sentence's role.
struct ItemUnits {
    private(set) var lead: [String] = []
    private(set) var responsible: [String] = []
    private(set) var cooperating: [String] = []
    private var statedLead = false
    private var statedCooperating = false

    mutating func add(_ names: [String], as role: PartRole, fromField: Bool) {
        for name in names {
            switch role {
            case .lead:
                if fromField { statedLead = true }
                responsible.removeAll { $0 == name }
                cooperating.removeAll { $0 == name }
                if !lead.contains(name) { lead.append(name) }
            case .cooperating:
                if fromField { statedCooperating = true }
                guard !lead.contains(name) else { continue }
                responsible.removeAll { $0 == name }
                if !cooperating.contains(name) { cooperating.append(name) }
            case .responsible:
                guard !lead.contains(name), !cooperating.contains(name), !responsible.contains(name) else { continue }
                responsible.append(name)
            }
        }
    }

    /// Roles the item's sentences give, where no field gave them.
    mutating func addSentences(of text: String, finding unit: (String) -> String?) {
        let (leads, cooperating) = Self.sentenceRoles(in: text)
        if !statedLead { add(leads.compactMap(unit), as: .lead, fromField: false) }
        if !statedCooperating { add(cooperating.compactMap(unit), as: .cooperating, fromField: false) }
    }

    /// The names before 牵头 (由县民政局、法院牵头) and the ones it brings in (牵头，联合司法局 / 牵头，与法院联合 /
    /// 牵头，法院、市场监管局配合), as written.
    static func sentenceRoles(in text: String) -> (lead: [String], cooperating: [String]) {
        var leads: [String] = []
        var cooperating: [String] = []
        let clauseEnds: Set<Character> = ["，", "。", "；", ",", ";"]
        var searchFrom = text.startIndex
        while let found = text.range(of: "牵头", range: searchFrom..<text.endIndex) {
            searchFrom = found.upperBound
            // 建立由政法委牵头的协调机制 describes a mechanism; it makes no lead of the item.
            if found.upperBound < text.endIndex, text[found.upperBound] == "的" { continue }
            var start = found.lowerBound
            while start > text.startIndex, !clauseEnds.contains(text[text.index(before: start)]) {
                start = text.index(before: start)
            }
            var clause = text[start..<found.lowerBound]
            if let by = clause.lastIndex(of: "由") { clause = clause[clause.index(after: by)...] }
            leads += names(in: String(clause))
            guard found.upperBound < text.endIndex, "，,".contains(text[found.upperBound]) else { continue }
            var rest = text[text.index(after: found.upperBound)...]
            var joined = false
            for word in ["联合", "与"] where rest.hasPrefix(word) {
                rest = rest.dropFirst(word.count)
                joined = true
            }
            var end = rest.startIndex
            var signalled = joined
            while end < rest.endIndex, !clauseEnds.contains(rest[end]) {
                if rest[end...].hasPrefix("配合") { signalled = true }
                if rest[end...].hasPrefix("等") || rest[end...].hasPrefix("联合") || rest[end...].hasPrefix("配合")
                    || rest[end...].hasPrefix("对接")
                {
                    break
                }
                end = rest.index(after: end)
            }
            if signalled { cooperating += names(in: String(rest[..<end])) }
        }
        return (leads, cooperating)
    }

    /// The names of a field's value (法院、政府办、司法局 / 县法院；县司法局 / 县法院 县司法局), or of a sentence's list.
    static func names(in value: String) -> [String] {
        let separators: Set<Character> = ["、", "，", ",", "；", ";", "/", "／", " ", "\u{3000}"]
        return value.split { separators.contains($0) }.map { name in
            // 县法院等单位, 县司法局等相关部门: the names before 等.
            for ending in ["等相关单位", "等相关部门", "等有关单位", "等有关部门", "等单位", "等部门"] where name.hasSuffix(ending) {
                return String(name.dropLast(ending.count))
            }
            return String(name)
        }.map {
            $0.hasSuffix("等") && $0.count > 2 ? String($0.dropLast()) : $0
        }.filter { !$0.isEmpty }
    }

    /// 县法院（牵头） names the lead in a list of responsible units.
    static func statedLead(_ written: String) -> (String, PartRole?) {
        for mark in ["（牵头）", "(牵头)"] where written.hasSuffix(mark) {
            return (String(written.dropLast(mark.count)), .lead)
        }
        return (written, nil)
    }
}
