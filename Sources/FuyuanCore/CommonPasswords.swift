/// Passwords that have the kinds of character a policy asks for and are still the first an attacker tries: a common
/// word, name or keyboard walk, with a common number after it (123, 1234, 888, 1314, a year) or none, whatever the
/// case, the symbols and the usual letter swaps (`P@ssw0rd`, `Admin@123`, `1qaz@WSX`, `Woaini1314!`). The intranet has
/// no breached-password service to ask, so the product carries the patterns that such lists are full of.
public enum CommonPasswords {
    static let words: Set<String> = [
        "password", "passwd", "pass", "admin", "administrator", "root", "test", "guest", "user", "system", "sys",
        "super", "manager", "master", "welcome", "changeme", "default", "login", "hello", "iloveyou", "woaini",
        "qwer", "qwert", "qwerty", "qwertyuiop", "asdf", "asdfgh", "zxcv", "zxcvbn", "qaz", "qazwsx", "1qaz2wsx",
        "1qazwsx", "qaz2wsx", "qwerasdf", "abc", "abcd", "abcde", "abcdef", "aa", "aaa", "qq", "huawei", "oracle",
        "mysql", "server", "gov", "zhengfu", "fuyuan", "fuyuantong", "fyt", "fyld",
    ]

    /// What people put after the word.
    static func isCommonNumber(_ digits: Substring) -> Bool {
        if digits.isEmpty { return true }
        if [
            "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "111", "000", "888", "666",
            "520", "1314", "5201314", "321", "4321", "54321", "654321", "01",
        ].contains(String(digits)) {
            return true
        }
        // A year, in full or in two digits.
        guard let value = Int(digits) else { return false }
        return (digits.count == 4 && (1950...2049).contains(value)) || digits.count == 2
    }

    public static func isCommon(_ password: String) -> Bool {
        let lowered = password.lowercased()
        let swapped = String(
            lowered.map { character -> Character in
                switch character {
                case "@": "a"
                case "0": "o"
                case "$": "s"
                default: character
                }
            })
        return [lowered, swapped].contains { candidate in
            let kept = candidate.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            let number = kept.reversed().prefix { $0.isNumber }.count
            let word = kept.dropLast(number)
            return words.contains(String(word)) && isCommonNumber(kept.suffix(number))
                || words.contains(kept)
        }
    }
}
