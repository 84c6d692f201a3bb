import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// The restore drill: a sealed backup taken while the app serves, restored into an empty database, holds every
/// row and an intact audit chain; a backup altered by one byte, or opened with another key, is refused.
@Suite struct BackupTests {
    @Test func aSealedBackupRestoresEverything() async throws {
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backup) }
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let created = try await app.send(
                .POST, "/api/v1/regions/410423/units", as: office, json: ["name": "鲁山县信访局", "kind": "department"])
            #expect(created.status == .created)
            let units = try await App.Unit.query(on: app.db).count()
            let cases = try await AdminCase.query(on: app.db).count()
            let entries = try await AuditEntry.query(on: app.db).count()
            try await Backup.create(app, to: backup)

            let sealed = try Data(contentsOf: backup)
            let kind = app.isPostgres ? "postgresql" : "sqlite"
            #expect(sealed.starts(with: Data("FUYUAN-SEALED-2 \(kind) key=\(app.fieldSeal.keyID)\n".utf8)))
            #expect(sealed.range(of: Data("鲁山县信访局".utf8)) == nil, "nothing readable without the key")

            var altered = sealed
            altered[altered.count / 2] ^= 0x01
            let tampered = backup.appendingPathExtension("altered")
            defer { try? FileManager.default.removeItem(at: tampered) }
            try altered.write(to: tampered)
            await #expect(throws: SealedFile.Problem(description: "备份文件校验失败：文件已损坏、被改动，或不是用本系统的数据密钥加密的")) {
                try await Backup.restore(app.config, from: tampered)
            }
            let key = try String(contentsOfFile: app.config.dataDirectory + "/data.key", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)

            // Restore where the backup is meant to go: an empty SQLite directory with the same key, or the same
            // PostgreSQL schema (the test's own, or its own database's `public`) after it is dropped.
            var target = app.config
            switch app.config.database {
            case .sqlite:
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "fuyuan-restored-\(UUID())")
                target = AppConfig(
                    database: .sqlite(path: directory.path + "/fuyuan.sqlite"), dataDirectory: directory.path)
                target.dataKey = key
                var wrongKey = target
                wrongKey.dataKey = String(repeating: "ab", count: 32)
                let wrongID = FieldSeal(masterKey: [UInt8](repeating: 0xab, count: 32)).keyID
                await #expect(
                    throws: SealedFile.Problem(
                        description: "备份用编号 \(app.fieldSeal.keyID) 的数据密钥加密，当前密钥编号 \(wrongID)：请以 FUYUAN_DATA_KEY 给出当时的密钥"
                    )
                ) { try await Backup.restore(wrongKey, from: backup) }
            case .postgres(_, let schema):
                let sql = try app.db.sql()
                try await sql.raw("DROP SCHEMA \(ident: schema ?? "public") CASCADE").run()
                if schema == nil { try await sql.raw("CREATE SCHEMA public").run() }
            }
            try await Backup.restore(target, from: backup)
            let restored = try await Application.make(.testing)
            do {
                try await configure(restored, config: target)
                try await prepareDatabase(restored)
                #expect(try await App.Unit.query(on: restored.db).count() == units)
                #expect(try await App.Unit.query(on: restored.db).filter(\.$name == "鲁山县信访局").count() == 1)
                #expect(try await AdminCase.query(on: restored.db).count() == cases)
                // Every entry, and the backup's own.
                #expect(try await AuditChain.verify(on: restored.db) == .init(checked: entries + 1, problems: []))
                #expect(
                    try await AuditEntry.query(on: restored.db).filter(\.$action == AuditAction.backupCreated.rawValue)
                        .count() == 1)
            } catch {
                try? await restored.asyncShutdown()
                throw error
            }
            try await restored.asyncShutdown()
            if case .sqlite = target.database { try? FileManager.default.removeItem(atPath: target.dataDirectory) }
        }
    }
}
