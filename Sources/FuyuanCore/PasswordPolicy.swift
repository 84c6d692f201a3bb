import Foundation

/// The password rules (等保 身份鉴别), configurable, by default: at least 8 characters of at least 3 of the 4 kinds
/// (upper-case letters, lower-case letters, digits, symbols — any other character, Chinese included, counts as a
/// symbol), or a passphrase of at least 20 characters of any kinds; never the user name itself or reversed; changed
/// every 90 days; none of the last 5 again.
public struct PasswordPolicy: Sendable {
    public var minimumLength: Int
    public var maximumLength: Int
    /// How many of the four kinds of character a password needs (1…4).
    public var requiredKinds: Int
    /// Days a password lasts before it must be changed; 0 for never.
    public var maximumAgeDays: Int
    /// From this length on a password is a passphrase and needs no particular kinds of character.
    public var passphraseLength = 20
    /// How many earlier passwords (besides the current one) a new one may not repeat.
    public var historyCount: Int

    public init(
        minimumLength: Int = 8, maximumLength: Int = 128, requiredKinds: Int = 3, maximumAgeDays: Int = 90,
        historyCount: Int = 5
    ) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.requiredKinds = requiredKinds
        self.maximumAgeDays = maximumAgeDays
        self.historyCount = historyCount
    }

    /// The reasons a password is refused, in Chinese; empty when it is acceptable.
    public func problems(password: String, username: String) -> [String] {
        var problems: [String] = []
        if password.trimmingCharacters(in: .whitespaces).isEmpty {
            return ["密码不能为空"]
        }
        if password.count < minimumLength { problems.append("密码至少 \(minimumLength) 个字符") }
        if password.count > maximumLength { problems.append("密码不能超过 \(maximumLength) 个字符") }
        let scalars = password.unicodeScalars
        let kinds = [
            scalars.contains { $0.isASCII && $0.properties.isUppercase },
            scalars.contains { $0.isASCII && $0.properties.isLowercase },
            scalars.contains { $0.isASCII && $0.properties.numericType != nil },
            scalars.contains { !($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) },
        ].filter { $0 }.count
        if kinds < requiredKinds && password.count < passphraseLength {
            problems.append("密码须包含大写字母、小写字母、数字、符号中的至少 \(requiredKinds) 类")
        }
        let lowered = password.lowercased()
        let name = username.lowercased()
        if !name.isEmpty && (lowered == name || lowered == String(name.reversed())) {
            problems.append("密码不能与用户名相同或为其倒序")
        }
        // Said only of a password that passes the rest, so that a refusal names one thing to fix first.
        if problems.isEmpty, CommonPasswords.isCommon(password) {
            problems.append("密码过于常见（常用词或键盘序列加常见数字，如 P@ssw0rd、Admin@123），容易被猜中，请换一个")
        }
        return problems
    }

    /// Whether a password set at `changedAt` must be changed at `now`.
    public func expired(changedAt: Date, now: Date) -> Bool {
        maximumAgeDays > 0 && now.timeIntervalSince(changedAt) >= Double(maximumAgeDays) * 86_400
    }

    /// Must the password be changed before anything else: a one-time password (`flagged`), or one older than the
    /// policy allows.
    public func mustChange(flagged: Bool, changedAt: Date, now: Date) -> Bool {
        flagged || expired(changedAt: changedAt, now: now)
    }

    /// What the forms say about the rules.
    public var hint: String {
        "至少 \(minimumLength) 位，须包含大写字母、小写字母、数字、符号中的至少 \(requiredKinds) 类；\(passphraseLength) 位以上的长口令不限类别，可粘贴"
            + (historyCount > 0 ? "；不能与最近 \(historyCount) 次用过的密码相同" : "")
    }
}
