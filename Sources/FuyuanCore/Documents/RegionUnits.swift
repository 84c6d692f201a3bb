import Foundation

/// A region's units as a document names them: full names, the usual short forms (县法院, 政府办, 人社局), short forms
/// that keep only some of the characters (文广旅局, 人行), and the groups 各乡（镇）人民政府, 各街道办事处 and 政府各部门.
public struct RegionUnits: Sendable {
    public struct Unit: Equatable, Sendable {
        public let name: String
        public let kind: UnitKind
        public init(name: String, kind: UnitKind) {
            self.name = name
            self.kind = kind
        }
    }

    public enum Found: Equatable, Sendable {
        case units([String])
        /// No unit, or more than one, answers to the name: the closest, best first (none for a vague group such as
        /// 各有关部门).
        case unmatched(candidates: [String])
    }

    let units: [Unit]
    let regionName: String
    private let matcher: UnitNameMatcher

    public init(_ units: [Unit], regionName: String) {
        self.units = units
        self.regionName = regionName
        matcher = UnitNameMatcher(units: units.map(\.name), regionName: regionName)
    }

    /// The units a name in a 责任单位 line or a table column stands for.
    public func find(_ written: String) -> Found {
        let name = written.filter { !$0.isWhitespace }
        if let kinds = Self.group(name, regionName: regionName) {
            let members = units.filter { kinds.contains($0.kind) }.map(\.name)
            return members.isEmpty ? .unmatched(candidates: []) : .units(members)
        }
        if Self.isVague(name) { return .unmatched(candidates: []) }
        switch matcher.match(name) {
        case .unit(let unit): return .units([unit])
        case .ambiguous(let names): return .unmatched(candidates: names)
        case .none(let closest):
            let abbreviated = abbreviation(name)
            return abbreviated.count == 1 ? .units(abbreviated) : .unmatched(candidates: closest)
        }
    }

    /// The unit a name in a sentence (由县法院牵头，联合司法局) stands for, trying the words before a trailing verb
    /// (信访局完善…): nil when none, as a sentence's words are not all names.
    func findInSentence(_ token: String) -> String? {
        let text = token.filter { !$0.isWhitespace }
        guard text.count >= 2 else { return nil }
        if case .unit(let unit) = matcher.match(text) { return unit }
        if text.count <= 6, case let abbreviated = abbreviation(text), abbreviated.count == 1 { return abbreviated[0] }
        let characters = Array(text)
        for length in stride(from: characters.count - 1, through: 2, by: -1)
        where "局院办委会组行".contains(characters[length - 1]) {
            if case .unit(let unit) = matcher.match(String(characters[..<length])) { return unit }
        }
        return nil
    }

    /// Units whose name holds every character of `name` in order, the region's name left out (人行 in 中国人民银行方城县支行).
    private func abbreviation(_ name: String) -> [String] {
        var short = name
        for prefix in [regionName, String(regionName.dropLast()), "县", "市", "区"]
        where !prefix.isEmpty && short.hasPrefix(prefix) && short.count > prefix.count + 1 {
            short.removeFirst(prefix.count)
            break
        }
        guard short.count >= 2 else { return [] }
        return units.map(\.name).filter { candidate in
            var wanted = short.makeIterator()
            var next = wanted.next()
            for character in candidate where character == next { next = wanted.next() }
            return next == nil
        }
    }

    /// The kinds a group name stands for: 各乡（镇）人民政府, 15个乡（镇）人民政府, 各街道办事处, 各乡镇（街道）, 市政府各部门.
    static func group(_ name: String, regionName: String) -> Set<UnitKind>? {
        var text = name
        if text.hasPrefix("各") { text.removeFirst() }
        if let count = text.firstIndex(of: "个"), text[..<count].allSatisfy(\.isNumber), text.startIndex != count {
            text = String(text[text.index(after: count)...])
        }
        // Only the group's own words (乡镇, 乡（镇）, 街道, 人民政府, 办事处), not 乡村振兴局.
        var rest = text
        for word in ["人民政府", "政府", "办事处", "办", "（", "）", "(", ")", "、"] {
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        let townships = ["乡镇", "乡", "镇"].contains { rest.hasPrefix($0) } || rest.hasSuffix("乡镇")
        if ["乡镇", "乡", "镇", "街道", "乡镇街道", "街道乡镇"].contains(rest) {
            var kinds: Set<UnitKind> = []
            if townships { kinds.insert(.township) }
            if rest.contains("街道") { kinds.insert(.streetOffice) }
            return kinds
        }
        if text.hasSuffix("各部门"), text.count <= 8 { return [.department] }
        return nil
    }

    /// 各有关部门, 县直各有关部门, 县政府各相关部门: which units is for the reviewer to say.
    static func isVague(_ name: String) -> Bool {
        name.contains("各") && (name.contains("有关") || name.contains("相关"))
    }
}
