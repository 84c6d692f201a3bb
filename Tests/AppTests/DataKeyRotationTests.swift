import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

@Suite struct DataKeyRotationTests {
    /// Every sealed field is resealed under the new key with one audit entry; the pages show the same masked values;
    /// the old key opens none of them any more.
    @Test func rotationResealsEveryFieldUnderTheNewKey() async throws {
        try await withTestApp { app in
            let old = app.fieldSeal
            let auditor = try await app.user(named: "auditor")
            auditor.sealedTOTPKey = old.seal(Base32.encode(Array("12345678901234567890".utf8)))
            try await auditor.update(on: app.db)
            let phones = try await MemberUnit.query(on: app.db).filter(\.$sealedPhone != "").all()
            let plain = try phones.map { try old.open($0.sealedPhone) }
            #expect(phones.count == 9)

            // A role changed behind the product is not blessed by the rotation.
            try await (app.db as! any SQLDatabase).raw(
                "UPDATE users SET role = 'office' WHERE username = 'weidong.rsj'"
            )
            .run()

            let newKey = [UInt8](repeating: 7, count: 32)
            #expect(try await DataKeyRotation.rotate(app, to: newKey) == 10)

            let new = FieldSeal(masterKey: newKey)
            let resealed = try await MemberUnit.query(on: app.db).filter(\.$sealedPhone != "").all()
            #expect(try resealed.map { try new.open($0.sealedPhone) }.sorted() == plain.sorted())
            #expect(throws: FieldSeal.Problem.self) { try old.open(resealed[0].sealedPhone) }
            let totp = try #require(try await app.user(named: "auditor").sealedTOTPKey)
            #expect(try new.open(totp) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
            #expect(try await app.auditEntries(.dataKeyRotated).map(\.summary) == ["更换数据密钥：重新加密 10 个字段，重新生成 19 个授权校验码"])
            #expect(try await AuditChain.verify(on: app.db).intact)

            let office = try await app.signIn("lushan.office")
            let meeting = try await app.send(.GET, "/api/v1/regions/410423/joint-meeting", as: office)
            #expect(meeting.status == .ok)
            #expect(meeting.text.contains(#""liaisonPhone":"#))
            #expect(!meeting.text.contains("加密字段校验失败"))
            #expect(try await app.user(named: "weidong.rsj").grantMAC == "")
        }
    }

    /// With `data.key`, the new key replaces the file and the old one is kept beside it for older backups.
    @Test func theKeyFileIsSwappedAndTheOldKeyKept() async throws {
        try await withTestApp { app in
            let directory = app.config.dataDirectory
            let before = try String(contentsOfFile: directory + "/data.key", encoding: .utf8)
            #expect(try await DataKeyRotation.rotateKeyFile(app) == 9)
            let after = try String(contentsOfFile: directory + "/data.key", encoding: .utf8)
            #expect(after != before)
            #expect(try String(contentsOfFile: directory + "/data.key.previous", encoding: .utf8) == before)
            #expect(!FileManager.default.fileExists(atPath: directory + "/data.key.next"))
            let key = try #require([UInt8](hex: after.trimmingCharacters(in: .whitespacesAndNewlines)))
            let member = try #require(try await MemberUnit.query(on: app.db).filter(\.$sealedPhone != "").first())
            #expect(try FieldSeal(masterKey: key).open(member.sealedPhone).isEmpty == false)
            let permissions = try FileManager.default.attributesOfItem(atPath: directory + "/data.key")[
                .posixPermissions]
            #expect(permissions as? Int == 0o600)
        }
    }

    /// A backup made before a rotation names the old key, which `data.key.previous` holds: the restore finds it.
    @Test func aBackupFromBeforeTheRotationRestoresWithThePreviousKey() async throws {
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backup) }
        try await withTestApp { app in
            let oldID = app.fieldSeal.keyID
            try await Backup.create(app, to: backup)
            #expect(try await DataKeyRotation.rotateKeyFile(app) == 9)
            #expect(app.fieldSeal.keyID != oldID)
            #expect(try SealedFile.keyID(of: backup) == oldID)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-restored-\(UUID())")
            defer { try? FileManager.default.removeItem(at: directory) }
            // The restored SQLite file goes elsewhere; the keys are the app's (data.key and data.key.previous).
            let target = AppConfig(
                database: .sqlite(path: directory.path + "/fuyuan.sqlite"), dataDirectory: app.config.dataDirectory)
            guard !app.isPostgres else {
                // A PostgreSQL backup opens under the previous key, then is refused only for its kind.
                await #expect(throws: Backup.Problem.self) { try await Backup.restore(target, from: backup) }
                return
            }
            try await Backup.restore(target, from: backup)
            #expect(FileManager.default.fileExists(atPath: directory.path + "/fuyuan.sqlite"))
        }
    }
}
