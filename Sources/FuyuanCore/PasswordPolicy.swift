import Foundation

/// The password rules (等保 身份鉴别): length and a mix of letters, digits and symbols,
/// never the user name itself or reversed.
public struct PasswordPolicy: Sendable {
    public var minimumLength: Int
    public var maximumLength: Int

    public init(minimumLength: Int = 8, maximumLength: Int = 128) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }

    /// The reasons a password is refused, in Chinese; empty when it is acceptable.
    public func problems(password: String, username: String) -> [String] {
        var problems: [String] = []
        if password.trimmingCharacters(in: .whitespaces).isEmpty {
            return ["密码不能为空"]
        }
        if password.count < minimumLength { problems.append("密码至少 \(minimumLength) 个字符") }
        if password.count > maximumLength { problems.append("密码不能超过 \(maximumLength) 个字符") }
        let hasLetter = password.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
        let hasDigit = password.unicodeScalars.contains { $0.isASCII && $0.properties.numericType != nil }
        let hasSymbol = password.unicodeScalars.contains {
            !($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil))
        }
        if !(hasLetter && hasDigit && hasSymbol) { problems.append("密码须同时包含字母、数字和符号") }
        let lowered = password.lowercased()
        let name = username.lowercased()
        if !name.isEmpty && (lowered == name || lowered == String(name.reversed())) {
            problems.append("密码不能与用户名相同或为其倒序")
        }
        return problems
    }
}
