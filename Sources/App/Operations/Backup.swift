import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Backups of either database, sealed with the data key (SM4 + HMAC-SM3, `SealedFile`), and their restore.
/// SQLite is copied online with `VACUUM INTO` (a consistent snapshot while the app keeps serving); PostgreSQL with
/// `pg_dump --format=custom` (and `pg_restore` back). Attachments are files under the data directory and are
/// backed up with it (see docs/operations.md).
public enum Backup {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes a sealed backup of the running app's database to `target`; returns its size in bytes.
    @discardableResult
    public static func create(_ app: Application, to target: URL) async throws -> Int {
        let plain = temporary("backup")
        defer { try? FileManager.default.removeItem(at: plain) }
        // Recorded first, so that the backup holds the entry of its own making.
        try await Audit.record(
            .backupCreated, by: .system, object: ("system", "backup"), summary: "备份数据库到 \(target.path)",
            at: app.clock.now(), on: app.db)
        let kind: String
        switch app.config.database {
        case .sqlite:
            try await app.db.sql().raw("VACUUM INTO \(bind: plain.path)").run()
            kind = "sqlite"
        case let .postgres(url, searchPath):
            var arguments = ["--format=custom", "--no-owner", "--file=\(plain.path)", "--dbname=\(url)"]
            if let searchPath { arguments.append("--schema=\(searchPath)") }
            try run("pg_dump", arguments)
            kind = "postgresql"
        }
        try SealedFile.seal(plain, to: target, kind: kind, with: app.fieldSeal)
        return (try FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
    }

    /// Restores a sealed backup into the database `config` names, under the key the file names (the current key or
    /// one a rotation retired); returns that key's id, for `settle`. The key and the file's tag are checked before
    /// anything is touched, and no key is ever made here. SQLite: the app must be stopped; the database file is
    /// replaced whole. PostgreSQL: `pg_restore --clean` replaces the objects the backup holds.
    @discardableResult
    public static func restore(_ config: AppConfig, from source: URL) async throws -> String {
        // The key the file names, when the keyring has it; else the current key, whose refusal names both keys.
        let keyring = try DataKey.keyring(config, creating: false)
        let wanted = try SealedFile.keyID(of: source)
        let seal = keyring.first { $0.keyID == wanted } ?? keyring[0]
        let plain = temporary("restore")
        defer { try? FileManager.default.removeItem(at: plain) }
        let kind = try SealedFile.open(source, to: plain, with: seal)
        switch (config.database, kind) {
        case (.sqlite(let path), "sqlite"):
            let file = try FileHandle(forReadingFrom: plain)
            let header = try file.read(upToCount: 16) ?? Data()
            try file.close()
            guard header == Data("SQLite format 3\u{0}".utf8) else { throw Problem(description: "备份内容不是 SQLite 数据库") }
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let staged = path + ".restoring"
            try? FileManager.default.removeItem(atPath: staged)
            try FileManager.default.copyItem(at: plain, to: URL(fileURLWithPath: staged))
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            // rename(2): the database file is swapped whole, never half-written.
            guard Foundation.rename(staged, path) == 0 else { throw Problem(description: "无法替换 \(path)") }
        case let (.postgres(url, _), "postgresql"):
            try run(
                "pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--exit-on-error", "--dbname=\(url)", plain.path])
        default:
            throw Problem(description: "备份来自 \(kind)，与当前配置的数据库类型不同")
        }
        return seal.keyID
    }

    /// After a restore, on the restored database: what the backup sealed under an older key (phones, second-factor
    /// keys, grants) is sealed again under the current key, so that it opens; and the restore is in the log, with
    /// the backup and both keys. Returns how many fields were sealed again.
    @discardableResult
    public static func settle(_ app: Application, restoredFrom source: URL, sealedWith keyID: String) async throws
        -> Int
    {
        let current = app.fieldSeal
        let said = "从备份 \(source.path) 恢复数据库（备份密钥编号 \(keyID)"
        guard keyID != current.keyID else {
            try await Audit.record(
                .backupRestored, by: .system, object: ("system", "backup"), summary: said + "，即当前密钥）",
                at: app.clock.now(), on: app.db)
            return 0
        }
        guard let old = try DataKey.keyring(app.config).first(where: { $0.keyID == keyID }) else {
            throw Problem(description: "找不到编号 \(keyID) 的数据密钥：请把它加入 \(DataKey.retiredFileName) 后再次恢复")
        }
        return try await DataKeyRotation.reseal(app, from: old, to: current, action: .backupRestored) { count, grants in
            said + "；已以当前密钥（编号 \(current.keyID)）重新加密 \(count) 个字段、重新生成 \(grants) 个授权校验码）"
        }
    }

    private static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-\(name)-\(UUID().uuidString)")
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Problem(description: "无法运行 \(tool)：请安装 PostgreSQL 客户端（Debian：apt install postgresql-client）")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Problem(description: "\(tool) 失败：\(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
