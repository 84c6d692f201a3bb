import Fluent
import Foundation
import FuyuanCore

/// Issuing and revoking API tokens for other systems (网对网), by the system administrator.
enum TokenStore {
    /// Issues a token named `name` (the system that will use it) acting as the business user `userID`; answers the
    /// secret, shown once. Only its SHA-256 digest is stored.
    static func issue(name rawName: String, userID: UUID, as acting: Acting) async throws -> String {
        let caller = try acting.caller(for: .issueTokens)
        let name = rawName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw AppError.invalid("名称：请写明使用该令牌的系统") }
        guard let user = try await caller.scope.users(on: acting.db).filter(\.$id == userID).first() else {
            throw AppError.notFound("用户")
        }
        guard !user.role.isAdministrator else { throw AppError.invalid("用户：不能为管理员账户签发令牌") }
        let secret = "fy_" + Secret.make()
        let token = APIToken(
            name: name, tokenHash: Secret.digest(secret), userID: try user.requireID(), createdBy: caller.username)
        try await acting.db.write { db in
            try await token.create(on: db)
            try await acting.audit(
                .tokenIssued, object: ("api_token", token.requireID().uuidString),
                summary: "为 \(user.username) 签发接口令牌“\(name)”", on: db)
        }
        return secret
    }

    /// Revokes a token of the caller's scope; revoking it again changes nothing.
    static func revoke(id: UUID, as acting: Acting) async throws {
        let caller = try acting.caller(for: .issueTokens)
        guard let token = try await scoped(caller, on: acting.db).filter(\.$id == id).first() else {
            throw AppError.notFound("令牌")
        }
        guard token.revokedAt == nil else { return }
        token.revokedAt = acting.now
        try await acting.db.write { db in
            try await token.update(on: db)
            try await acting.audit(
                .tokenRevoked, object: ("api_token", token.requireID().uuidString), summary: "吊销接口令牌“\(token.name)”",
                on: db)
        }
    }

    /// The tokens of users within the caller's scope.
    static func scoped(_ caller: Caller, on db: any Database) -> QueryBuilder<APIToken> {
        caller.scope.restrict(
            APIToken.query(on: db)
                .join(User.self, on: \APIToken.$user.$id == \User.$id)
                .join(Unit.self, on: \User.$unit.$id == \Unit.$id)
                .join(Region.self, on: \Unit.$region.$id == \Region.$id))
    }
}
