import Foundation

/// Matches a unit name as people write it in a spreadsheet (县人社局, 县政府, 法院, 科工局) to one of a region's units
/// (鲁山县人力资源和社会保障局, 鲁山县人民政府, 鲁山县人民法院). Shared by every import.
public struct UnitNameMatcher: Sendable {
    public enum Match: Equatable, Sendable {
        case unit(String)
        /// No unit matches; the closest names, best first.
        case none(closest: [String])
        case ambiguous([String])
    }

    /// Short forms and their full forms, as Henan's documents write them.
    static let abbreviations: [(String, String)] = [
        ("人社局", "人力资源和社会保障局"), ("住建局", "住房和城乡建设局"), ("文广旅局", "文化广电和旅游局"),
        ("科工局", "科技和工业信息化局"), ("政数局", "政务服务和大数据管理局"), ("发改委", "发展和改革委员会"),
        ("金融办", "金融工作办公室"), ("平安办", "平安建设办公室"), ("市场监管局", "市场监督管理局"),
        ("工商联", "工商业联合会"), ("管委会", "管理委员会"), ("新闻办", "新闻办公室"), ("卫健委", "卫生健康委员会"),
        ("应急局", "应急管理局"), ("资规局", "自然资源和规划局"), ("政府办", "政府办公室"),
    ]

    private let regionName: String
    private let canonical: [(name: String, key: String)]

    public init(units: [String], regionName: String) {
        self.regionName = regionName
        self.canonical = units.map { ($0, Self.key($0, regionName: regionName)) }
    }

    public func match(_ raw: String) -> Match {
        let written = raw.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if let exact = canonical.first(where: { $0.name == written }) { return .unit(exact.name) }
        let wanted = Self.key(written, regionName: regionName)
        let hits = canonical.filter { $0.key == wanted }.map(\.name)
        if hits.count == 1 { return .unit(hits[0]) }
        if hits.count > 1 { return .ambiguous(hits) }
        return .none(closest: closest(to: wanted))
    }

    /// The comparable core of a name: no region name or level prefix, abbreviations spelt out, no 人民.
    static func key(_ name: String, regionName: String) -> String {
        var text = name.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
        let shortRegion = regionName.count > 2 ? String(regionName.dropLast()) : ""
        if !regionName.isEmpty, text.hasPrefix(regionName) {
            text.removeFirst(regionName.count)
        } else if !shortRegion.isEmpty, text.hasPrefix(shortRegion) {
            text.removeFirst(shortRegion.count)
        } else if let prefix = ["县级市", "县", "市", "区"].first(where: { text.hasPrefix($0) && text.count > $0.count + 1 })
        {
            // 县人社局, 市司法局: a bare level word stands for the region's name.
            text.removeFirst(prefix.count)
        }
        for (short, long) in abbreviations where text.hasSuffix(short) && !text.hasSuffix(long) {
            text = String(text.dropLast(short.count)) + long
        }
        return text.replacingOccurrences(of: "人民", with: "")
    }

    private func closest(to wanted: String, count: Int = 3) -> [String] {
        let wantedSet = Set(wanted)
        var scored: [(name: String, score: Double)] = []
        for candidate in canonical {
            let shared = Double(Set(candidate.key).intersection(wantedSet).count)
            let length = Double(max(candidate.key.count, wanted.count, 1))
            if shared > 0 { scored.append((candidate.name, shared / length)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.name < $1.name }
        return scored.prefix(count).map(\.name)
    }
}
