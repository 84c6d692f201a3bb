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
            try await (try app.db.sql()).raw(
                "UPDATE users SET role = 'office' WHERE username = 'weidong.rsj'"
            )
            .run()

            let newKey = [UInt8](repeating: 7, count: 32)
            #expect(try await DataKeyRotation.rotate(app, to: newKey) == 28)

            let new = FieldSeal(masterKey: newKey)
            let resealed = try await MemberUnit.query(on: app.db).filter(\.$sealedPhone != "").all()
            #expect(try resealed.map { try new.open($0.sealedPhone) }.sorted() == plain.sorted())
            #expect(throws: FieldSeal.Problem.self) { try old.open(resealed[0].sealedPhone) }
            let totp = try #require(try await app.user(named: "auditor").sealedTOTPKey)
            #expect(try new.open(totp) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
            // 9 phones, 1 second-factor key and the demo mail addresses of the 17 business accounts and the security
            // administrator (who takes alerts by mail).
            let mail = try #require(
                try await NoticeSetting.query(on: app.db).filter(
                    \.$user.$id == (try await app.user(named: "weidong.rsj").requireID())
                )
                .first())
            #expect(try new.open(mail.sealedEmail) == "weidong.rsj@fuyuan.test")
            #expect(try await app.auditEntries(.dataKeyRotated).map(\.summary) == ["更换数据密钥：重新加密 28 个字段，重新生成 19 个授权校验码"])
            #expect(try await AuditChain.verify(on: app.db).intact)

            let office = try await app.signIn("lushan.office")
            let meeting = try await app.send(.GET, "/api/v1/regions/410423/joint-meeting", as: office)
            #expect(meeting.status == .ok)
            #expect(meeting.text.contains(#""liaisonPhone":"#))
            #expect(!meeting.text.contains("加密字段校验失败"))
            #expect(try await app.user(named: "weidong.rsj").grantMAC == "")
        }
    }

    /// A phone sealed under a key the product no longer holds (a backup restored after a rotation) shows as
    /// （无法解密） on the page and in the API; masking it trapped and took the server down.
    @Test func aFieldThatCannotBeOpenedShowsAsSuchAndNeverTraps() async throws {
        try await withTestApp { app in
            let foreign = FieldSeal(masterKey: [UInt8](repeating: 9, count: 32))
            for member in try await MemberUnit.query(on: app.db).filter(\.$sealedPhone != "").all() {
                member.sealedPhone = foreign.seal("13800000000")
                try await member.update(on: app.db)
            }
            let office = try await app.signIn("lushan.office")
            let api = try await app.send(.GET, "/api/v1/regions/410423/joint-meeting", as: office)
            #expect(api.status == .ok)
            #expect(api.text.contains(#""liaisonPhone":"（无法解密）""#))
            let page = try await app.send(.GET, "/regions/410423/meeting", as: office)
            #expect(page.status == .ok)
            #expect(page.text.contains("<td>（无法解密）</td>"))
        }
    }

    /// With `data.key`, the new key replaces the file and the old one is kept beside it for older backups.
    @Test func theKeyFileIsSwappedAndTheOldKeyKept() async throws {
        try await withTestApp { app in
            let directory = app.config.dataDirectory
            let before = try String(contentsOfFile: directory + "/data.key", encoding: .utf8)
            #expect(try await DataKeyRotation.rotateKeyFile(app) == 27)
            let after = try String(contentsOfFile: directory + "/data.key", encoding: .utf8)
            #expect(after != before)
            #expect(try String(contentsOfFile: directory + "/data.key.retired", encoding: .utf8) == before)
            // A second rotation keeps the first key too: every older backup stays restorable.
            #expect(try await DataKeyRotation.rotateKeyFile(app) == 27)
            #expect(try String(contentsOfFile: directory + "/data.key.retired", encoding: .utf8) == before + after)
            #expect(!FileManager.default.fileExists(atPath: directory + "/data.key.next"))
            let current = try String(contentsOfFile: directory + "/data.key", encoding: .utf8)
            let key = try #require([UInt8](hex: current.trimmingCharacters(in: .whitespacesAndNewlines)))
            let member = try #require(try await MemberUnit.query(on: app.db).filter(\.$sealedPhone != "").first())
            #expect(try FieldSeal(masterKey: key).open(member.sealedPhone).isEmpty == false)
            let permissions = try FileManager.default.attributesOfItem(atPath: directory + "/data.key")[
                .posixPermissions]
            #expect(permissions as? Int == 0o600)
        }
    }

    /// A backup made before two rotations names the oldest key, which the ring of retired keys still holds; the
    /// restore seals what it restores again under the current key, so that the phones open and nothing traps, and
    /// the restore is in the log. On PostgreSQL the backup is restored in place; on SQLite into a new directory.
    @Test func aBackupFromBeforeTwoRotationsRestoresAndOpens() async throws {
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backup) }
        try await withTestApp { app in
            let oldID = app.fieldSeal.keyID
            let phones = try await MemberUnit.query(on: app.db).filter(\.$sealedPhone != "").all()
            let plain = try phones.map { try app.fieldSeal.open($0.sealedPhone) }.sorted()
            try await Backup.create(app, to: backup)
            #expect(try await DataKeyRotation.rotateKeyFile(app) == 27)
            #expect(try await DataKeyRotation.rotateKeyFile(app) == 27)
            #expect(try SealedFile.keyID(of: backup) == oldID)
            #expect(try DataKey.keyring(app.config).map(\.keyID).contains(oldID))

            func check(_ restored: Application) async throws {
                let count = try await Backup.settle(restored, restoredFrom: backup, sealedWith: oldID)
                #expect(count == 27)
                let members = try await MemberUnit.query(on: restored.db).filter(\.$sealedPhone != "").all()
                #expect(try members.map { try restored.fieldSeal.open($0.sealedPhone) }.sorted() == plain)
                let entry = try #require(try await restored.auditEntries(.backupRestored).last)
                #expect(entry.summary.contains("备份密钥编号 \(oldID)"))
                #expect(entry.summary.contains("已以当前密钥（编号 \(restored.fieldSeal.keyID)）重新加密 27 个字段"))
                #expect(try await AuditChain.verify(on: restored.db).intact)
            }
            if app.isPostgres {
                #expect(try await Backup.restore(app.config, from: backup) == oldID)
                try await check(app)
                let meeting = try await app.send(
                    .GET, "/api/v1/regions/410423/joint-meeting", as: try await app.signIn("lushan.office"))
                #expect(meeting.status == .ok)
                #expect(!meeting.text.contains(FieldSeal.unreadable))
                return
            }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-restored-\(UUID())")
            defer { try? FileManager.default.removeItem(at: directory) }
            // A restore into a directory without the key refuses and leaves it as it was (no new data.key).
            let keyless = AppConfig(
                database: .sqlite(path: directory.path + "/fuyuan.sqlite"), dataDirectory: directory.path)
            await #expect(throws: AppConfig.Problem.self) { try await Backup.restore(keyless, from: backup) }
            #expect(!FileManager.default.fileExists(atPath: directory.path))
            // With the app's keys (data.key and the retired ones) it restores.
            let target = AppConfig(
                database: .sqlite(path: directory.path + "/fuyuan.sqlite"), dataDirectory: app.config.dataDirectory)
            #expect(try await Backup.restore(target, from: backup) == oldID)
            let restored = try await Application.make(.testing)
            do {
                try await configure(restored, config: target)
                try await prepareDatabase(restored)
                try await check(restored)
            } catch {
                try? await restored.asyncShutdown()
                throw error
            }
            try await restored.asyncShutdown()
        }
    }

    /// A rotation while an instance serves locked everyone out until a restart; an instance holds `serving.lock`
    /// shared, and what must be alone with the data directory does not get it exclusively. Nor does a command run
    /// beside a serving instance empty its tmp/.
    @Test func nothingRotatesOrSweepsUnderAServingInstance() async throws {
        try await withTestApp(demo: false) { app in
            let serving = try #require(DataDirectory.Lock(app.config, exclusive: false))
            #expect(DataDirectory.Lock(app.config, exclusive: true) == nil)
            let upload = DataDirectory.temporary(app.config).appendingPathComponent("upload-in-flight")
            try Data("x".utf8).write(to: upload)
            try DataDirectory.prepare(app.config)
            #expect(FileManager.default.fileExists(atPath: upload.path))
            serving.release()
            let alone = try #require(DataDirectory.Lock(app.config, exclusive: true))
            #expect(DataDirectory.Lock(app.config, exclusive: false) == nil)
            alone.release()
            try DataDirectory.prepare(app.config)
            #expect(!FileManager.default.fileExists(atPath: upload.path))
        }
    }

    /// A rotation that stopped after resealing but before swapping the files left `data.key.next` holding the key
    /// the data was sealed under; the next rotation removed it, and that data could never be opened again. Now it
    /// finishes the swap first; a `data.key.next` nothing was sealed with is removed.
    @Test func anInterruptedRotationIsFinishedNotThrownAway() async throws {
        try await withTestApp { app in
            let directory = app.config.dataDirectory
            let first = try String(contentsOfFile: directory + "/data.key", encoding: .utf8)
            let firstSeal = app.fieldSeal
            let pending = [UInt8](repeating: 5, count: 32)
            try Data((pending.hex + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/data.key.next"))
            _ = try await DataKeyRotation.rotate(app, to: pending)
            app.fieldSeal = firstSeal  // restarted with data.key: the files were never swapped
            // act
            #expect(try await DataKeyRotation.rotateKeyFile(app) == 27)
            // check: the interrupted key was kept, then retired by the new rotation
            #expect(
                try String(contentsOfFile: directory + "/data.key.retired", encoding: .utf8)
                    == first + pending.hex + "\n")
            let current = try String(contentsOfFile: directory + "/data.key", encoding: .utf8)
            let seal = FieldSeal(
                masterKey: try #require([UInt8](hex: current.trimmingCharacters(in: .whitespacesAndNewlines))))
            let member = try #require(try await MemberUnit.query(on: app.db).filter(\.$sealedPhone != "").first())
            #expect(try seal.open(member.sealedPhone).isEmpty == false)

            // A data.key.next that nothing was sealed with is only removed.
            try Data((String(repeating: "ab", count: 32) + "\n").utf8).write(
                to: URL(fileURLWithPath: directory + "/data.key.next"))
            #expect(try await DataKeyRotation.rotateKeyFile(app) == 27)
            #expect(
                try String(contentsOfFile: directory + "/data.key.retired", encoding: .utf8)
                    == first + pending.hex + "\n" + current)
        }
    }
}
