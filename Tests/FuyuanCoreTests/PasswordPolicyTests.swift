import Foundation
import FuyuanCore
import Testing

struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test(arguments: [
        "Lushan#2027", "a1!bcdef", "Abcdefg1", "KMNPQR7!", "长口令也可以：correct horse battery",
        "correct horse battery staple",
    ])
    func accepts(_ password: String) {
        #expect(policy.problems(password: password, username: "lushan.office").isEmpty)
    }

    @Test func refusesShortPasswords() {
        #expect(policy.problems(password: "a1!b", username: "x") == ["密码至少 8 个字符"])
    }

    @Test(arguments: ["abc12345", "Abcdefgh", "!!!!1111", "abcdefg!", "ABCD1234", "correcthorsebattery"])
    func refusesPasswordsOfFewerThanThreeKinds(_ password: String) {
        #expect(policy.problems(password: password, username: "x") == ["密码须包含大写字母、小写字母、数字、符号中的至少 3 类"])
    }

    @Test func aStricterPolicyAsksForAllFourKinds() {
        let strict = PasswordPolicy(minimumLength: 12, requiredKinds: 4)
        #expect(strict.problems(password: "Abcdefgh1234", username: "x") == ["密码须包含大写字母、小写字母、数字、符号中的至少 4 类"])
        #expect(
            strict.problems(password: "Abc!", username: "x") == ["密码至少 12 个字符", "密码须包含大写字母、小写字母、数字、符号中的至少 4 类"])
    }

    @Test func passwordsExpireAfterTheirDays() {
        let set = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(!policy.expired(changedAt: set, now: set.addingTimeInterval(89 * 86_400)))
        #expect(policy.expired(changedAt: set, now: set.addingTimeInterval(90 * 86_400)))
        #expect(!PasswordPolicy(maximumAgeDays: 0).expired(changedAt: set, now: set.addingTimeInterval(9_999 * 86_400)))
    }

    @Test func refusesTheUserNameAndItsReverse() {
        #expect(policy.problems(password: "ab.c1234", username: "AB.C1234") == ["密码不能与用户名相同或为其倒序"])
        #expect(policy.problems(password: "4321c.ba", username: "ab.c1234") == ["密码不能与用户名相同或为其倒序"])
    }

    /// What breached-password lists are full of, with every kind of character: refused (AS-02, DJ-IA-03).
    @Test(arguments: [
        "P@ssw0rd", "Passw0rd!", "Password@123", "Admin@123", "ABCDEF1!", "Root@1234", "Test@2024", "Abc@123456",
        "Abcd@1234", "Aa123456!", "Qwer@1234", "1qaz@WSX", "!QAZ2wsx", "1QAZ2wsx!", "Woaini1314!", "Huawei@123",
        "Fuyuan@2026", "Welcome@88", "Zxcv@123",
    ])
    func refusesCommonPasswords(_ password: String) {
        #expect(
            policy.problems(password: password, username: "x") == [
                "密码过于常见（常用词或键盘序列加常见数字，如 P@ssw0rd、Admin@123），容易被猜中，请换一个"
            ])
    }

    @Test(arguments: ["Lushan#2027", "New#12345", "Admin@7391x", "Qwer!9a7Bk", "Henan#2026x", "Weidong#2027"])
    func acceptsPasswordsThatOnlyStartLikeCommonOnes(_ password: String) {
        #expect(policy.problems(password: password, username: "x").isEmpty)
    }

    @Test func refusesEmptyAndBlank() {
        #expect(policy.problems(password: "", username: "x") == ["密码不能为空"])
        #expect(policy.problems(password: "        ", username: "x") == ["密码不能为空"])
    }

    @Test func allowsLongPassphrasesUpToTheLimit() {
        let long = String(repeating: "a1!", count: 42)
        #expect(policy.problems(password: long, username: "x").isEmpty)
        #expect(policy.problems(password: long + "xyz", username: "x") == ["密码不能超过 128 个字符"])
    }
}

struct UserNameTests {
    @Test func caseAndWidthVariantsAreOneName() {
        #expect(UserName.normalised("Zhang") == "zhang")
        #expect(UserName.normalised("Ｚｈａｎｇ") == "zhang")
        #expect(UserName.normalised("  lushan.Office ") == "lushan.office")
    }

    @Test func checksCharactersAndLength() {
        #expect(UserName.problem("lushan.office") == nil)
        #expect(UserName.problem("ab") == "用户名须为 3 至 32 个字符")
        #expect(UserName.problem("张三丰") == "用户名只能包含字母、数字和 . _ -")
        #expect(UserName.problem("a b c") == "用户名只能包含字母、数字和 . _ -")
    }
}
