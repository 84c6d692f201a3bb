import Fluent
import FuyuanCore
import Vapor

/// Changing the data key: every sealed field (liaisons' phone numbers, second-factor keys, people's mail addresses,
/// robots' addresses and secrets, the mail server's settings) is opened with the
/// current key and sealed again with the new one, and every user's grant tagged again, in one transaction with one
/// audit entry. Backups made before keep
/// needing the key they were made with.
public enum DataKeyRotation {
    /// Reseals every sealed field under `newKey` and makes it the app's key; returns how many fields were resealed.
    public static func rotate(_ app: Application, to newKey: [UInt8]) async throws -> Int {
        let new = FieldSeal(masterKey: newKey)
        let count = try await reseal(app, from: app.fieldSeal, to: new, action: .dataKeyRotated) { count, grants in
            "更换数据密钥：重新加密 \(count) 个字段，重新生成 \(grants) 个授权校验码"
        }
        app.fieldSeal = new
        return count
    }

    /// Opens every sealed field with `old` and seals it with `new`, and tags every grant again, in one transaction
    /// with one audit entry of `action` (`summary` from the counts of fields and grants); returns the fields' count.
    static func reseal(
        _ app: Application, from old: FieldSeal, to new: FieldSeal, action: AuditAction,
        summary: @escaping @Sendable (Int, Int) -> String
    ) async throws -> Int {
        try await app.db.write { db in
            var count = 0
            for member in try await MemberUnit.query(on: db).filter(\.$sealedPhone != "").all() {
                member.sealedPhone = new.seal(try old.open(member.sealedPhone))
                try await member.update(on: db)
                count += 1
            }
            for user in try await User.query(on: db).filter(\.$sealedTOTPKey != nil).all() {
                user.sealedTOTPKey = new.seal(try old.open(user.sealedTOTPKey ?? ""))
                try await user.update(on: db)
                count += 1
            }
            count += try await NoticeChannels.reseal(from: old, to: new, on: db)
            let grants = try await retag(on: db, from: old, to: new)
            try await Audit.record(
                action, by: .system, object: ("system", "data_key"), summary: summary(count, grants),
                at: app.clock.now(), on: db)
            return count
        }
    }

    /// Tags each user's grant under `new`; a grant that does not hold under `old` (changed behind the product) gets
    /// no tag and stays refused. Returns how many were tagged.
    private static func retag(on db: any Database, from old: FieldSeal, to new: FieldSeal) async throws -> Int {
        var count = 0
        try await TagGrantsWithRegions.retag(on: db) { subject, tag in
            guard Grant.holds(tag, subject, seal: old) else { return "" }
            count += 1
            return Grant.tag(subject, seal: new)
        }
        return count
    }

    /// With the key in `data.key`: the new key is written beside it first (`data.key.next`), the fields are
    /// resealed, the old key is added to the retired keys (`data.key.retired`, which keeps every one for the older
    /// backups) and the new file takes its place. A crash in between leaves both keys on disk, never data sealed
    /// under a key that is nowhere.
    public static func rotateKeyFile(_ app: Application) async throws -> Int {
        let directory = app.config.dataDirectory
        let (current, next) = (directory + "/" + DataKey.fileName, directory + "/" + DataKey.fileName + ".next")
        try await finishInterrupted(app, current: current, next: next)
        let old = try DataKey.load(app.config, creating: false)
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard
            FileManager.default.createFile(
                atPath: next, contents: Data((key.hex + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw AppConfig.Problem(description: "无法写入 \(next)") }
        let count = try await rotate(app, to: key)
        try swap(old: old, current: current, next: next, app.config)
        return count
    }

    /// The old key joins the retired ones and `next` replaces `current`; rename(2) replaces the file whole, so at
    /// every moment one of the two files holds the key in use.
    private static func swap(old: [UInt8], current: String, next: String, _ config: AppConfig) throws {
        try DataKey.retire(old, config)
        guard Foundation.rename(next, current) == 0 else {
            throw AppConfig.Problem(description: "无法以 \(next) 替换 \(current)")
        }
    }

    /// A `data.key.next` left by a rotation that stopped half-way: when the database was already resealed under it
    /// (the grants hold under it), the files are swapped now, as the rotation would have; otherwise nothing was
    /// sealed with it and it is removed. A key that data is sealed under is never removed.
    private static func finishInterrupted(_ app: Application, current: String, next: String) async throws {
        guard let text = try? String(contentsOfFile: next, encoding: .utf8) else { return }
        guard let key = [UInt8](hex: text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count == 32 else {
            throw AppConfig.Problem(description: "\(next) 不是有效的数据密钥：请核对后删除它再更换")
        }
        let pending = FieldSeal(masterKey: key)
        let granted = try await User.query(on: app.db).filter(\.$grantMAC != "").with(\.$unit).first()
        let resealed = try granted.map {
            Grant.holds(
                $0.grantMAC,
                .init(user: try $0.requireID(), role: $0.role, unit: $0.$unit.id, region: $0.unit.$region.id),
                seal: pending)
        }
        guard resealed == true else {
            try FileManager.default.removeItem(atPath: next)
            return
        }
        try swap(old: try DataKey.load(app.config, creating: false), current: current, next: next, app.config)
        app.fieldSeal = pending
        app.logger.notice("finished the data key rotation that stopped before its files were swapped")
    }
}
