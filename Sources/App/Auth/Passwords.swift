import FuyuanCore
import Vapor

extension Application {
    private struct DecoyKey: StorageKey { typealias Value = String }

    /// A hash of a random secret, checked when a login name is unknown so that both paths cost the same.
    var decoyPasswordHash: String {
        get { storage[DecoyKey.self] ?? "" }
        set { storage[DecoyKey.self] = newValue }
    }

    var passwordPolicy: PasswordPolicy { PasswordPolicy() }
}

extension Request {
    /// Hashes a new password after checking it against the policy; problems name the field.
    func hashNewPassword(_ password: String, username: String, field: String = "新密码") async throws -> String {
        let problems = application.passwordPolicy.problems(password: password, username: username)
        guard problems.isEmpty else { throw AppError.invalid("\(field)：" + problems.joined(separator: "；")) }
        return try await self.password.async.hash(password)
    }
}
