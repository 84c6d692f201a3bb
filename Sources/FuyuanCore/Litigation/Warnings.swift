/// How alarming a unit's figures are: marked yellow, orange or red on the dashboard.
public enum WarningLevel: Int, Comparable, Sendable {
    case none, yellow, orange, red

    public var label: String {
        switch self {
        case .none: ""
        case .yellow: "黄色预警"
        case .orange: "橙色预警"
        case .red: "红色预警"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Thresholds in whole percent: a loss rate at or above them, or an appearance rate below them, raises a warning.
public struct WarningThresholds: Equatable, Sendable {
    /// Yellow, orange, red.
    public var lossRate: [Int]
    public var appearanceRate: [Int]

    public init(lossRate: [Int] = [15, 20, 30], appearanceRate: [Int] = [100, 90, 80]) {
        self.lossRate = lossRate
        self.appearanceRate = appearanceRate
    }

    /// Reads `15,20,30`; nil when it is not three whole percentages.
    public static func levels(_ text: String) -> [Int]? {
        let values = text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return values.count == 3 && values.allSatisfy({ (0...100).contains($0) }) ? values : nil
    }

    public func level(_ figures: LitigationFigures) -> WarningLevel {
        // The first threshold raises yellow, the second orange, the third red.
        let raised: [WarningLevel] = [.yellow, .orange, .red]
        var level = WarningLevel.none
        if let rate = figures.lossRate {
            for (raise, threshold) in zip(raised, lossRate) where rate.numerator * 100 >= threshold * rate.denominator {
                level = max(level, raise)
            }
        }
        if let rate = figures.appearanceRate {
            for (raise, threshold) in zip(raised, appearanceRate)
            where rate.numerator * 100 < threshold * rate.denominator {
                level = max(level, raise)
            }
        }
        return level
    }
}
