import Foundation

/// Login names are compared in one normal form so that `Zhang`, `zhang` and full-width `Ｚｈａｎｇ`
/// are the same account (等保: 身份标识具有唯一性).
public enum UserName {
    public static func normalised(_ raw: String) -> String {
        raw.precomposedStringWithCompatibilityMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .lowercased()
    }

    /// Why a login name is not acceptable, or nil.
    public static func problem(_ raw: String) -> String? {
        let name = normalised(raw)
        guard (3...32).contains(name.count) else { return "用户名须为 3 至 32 个字符" }
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil))
                || "._-".unicodeScalars.contains($0)
        }
        return allowed ? nil : "用户名只能包含字母、数字和 . _ -"
    }
}
