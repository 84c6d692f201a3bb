import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// Every write leaves one audit entry naming who, from where, what, and the values before and after.
@Suite struct AuditTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String?) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(try #require(json).utf8))
    }

    /// Each feature's actions are in `AuditAction.all` once, in the order of the features, and are found again by the
    /// name the log stores; the security administrator's alerts are the alerts and the lockouts.
    @Test func everyFeatureDeclaresItsActionsOnce() {
        let names = AuditAction.all.map(\.rawValue)
        #expect(names.count == 87)
        #expect(Set(names).count == names.count)
        #expect(AuditAction.all.prefix(2) == [.userCreated, .roleChanged])
        #expect(AuditAction.all.suffix(1) == [.dataGenerated])
        #expect(AuditAction(rawValue: "ledger.item_issued") == .itemIssued)
        #expect(AuditAction(rawValue: "ledger.item_issued")?.label == "交办事项")
        #expect(AuditAction(rawValue: "nothing.like_this") == nil)
        #expect(
            Set(AuditAction.securityAlerts.map(\.rawValue)) == [
                "auth.locked", "auth.address_throttled", "security.grant_tampered", "security.intrusion_suspected",
                "audit.chain_broken", "security.attachment_damaged",
            ])
    }

    @Test func unitCreateAndUpdateRecordBeforeAndAfter() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            _ = try await app.send(
                .POST, "/regions/410423/units", as: office, form: [("name", "鲁山县信访局"), ("kind", "department")])
            let unit = try await app.unit(named: "鲁山县信访局")
            _ = try await app.send(
                .POST, "/units/\(unit.id!.uuidString)", as: office,
                form: [("name", "鲁山县信访局（县群众工作中心）"), ("kind", "other")])

            let created = try #require(try await app.auditEntries(.unitCreated).first)
            #expect(created.actorName == "lushan.office")
            #expect(created.regionPath == "410000/410400/410423")
            #expect(created.objectID == unit.id!.uuidString)
            #expect(created.before == nil)
            #expect(try decode([String: String].self, created.after)["name"] == "鲁山县信访局")

            let updated = try #require(try await app.auditEntries(.unitUpdated).first)
            #expect(updated.summary == "修改单位：鲁山县信访局 → 鲁山县信访局（县群众工作中心）")
            #expect(
                try decode([String: String].self, updated.before) == [
                    "name": "鲁山县信访局", "kind": "department", "regionID": unit.$region.id.uuidString,
                ])
            #expect(
                try decode([String: String].self, updated.after) == [
                    "name": "鲁山县信访局（县群众工作中心）", "kind": "other", "regionID": unit.$region.id.uuidString,
                ])
        }
    }

    @Test func accountAdministrationIsAudited() async throws {
        try await withTestApp { app in
            let system = try await app.signIn("sysadmin")
            let security = try await app.signIn("secadmin")
            let unit = try await app.unit(named: "鲁山县司法局")
            let created = try await app.send(
                .POST, "/admin/users", as: system,
                form: [
                    ("username", "Lushan.SFJ"), ("displayName", "司法局联络员"), ("role", "liaison"),
                    ("unitID", unit.id!.uuidString),
                ])
            #expect(created.status == .ok)
            #expect(created.text.contains("已创建用户 lushan.sfj"))
            let user = try await app.user(named: "lushan.sfj")
            #expect(user.mustChangePassword)
            let id = user.id!.uuidString
            _ = try await app.send(.POST, "/admin/users/\(id)/role", as: security, form: [("role", "court")])
            _ = try await app.send(.POST, "/admin/users/\(id)/reset-password", as: system, form: [])
            _ = try await app.send(.POST, "/admin/users/\(id)/active", as: system, form: [("active", "0")])

            let entries = try await AuditEntry.query(on: app.db).filter(\.$objectID == id).sort(\.$at).all()
            #expect(
                entries.map(\.action)
                    == [
                        AuditAction.userCreated, .roleChanged, .passwordReset, .userActivation,
                    ].map(\.rawValue))
            #expect(entries.map(\.actorName) == ["sysadmin", "secadmin", "sysadmin", "sysadmin"])
            #expect(entries[1].summary == "lushan.sfj 角色：成员单位联络员 → 法院工作人员")
            #expect(try decode(User.Snapshot.self, entries[1].before).role == .liaison)
            #expect(try decode(User.Snapshot.self, entries[1].after).role == .court)
            #expect(try decode(User.Snapshot.self, entries[3].after).isActive == false)
            // The password hash never reaches the log.
            for entry in entries { #expect(!(entry.after ?? "").contains("$2")) }
        }
    }

    @Test func administratorRolesCannotBeGrantedFromThePages() async throws {
        try await withTestApp { app in
            let system = try await app.signIn("sysadmin")
            let security = try await app.signIn("secadmin")
            let unit = try await app.unit(named: "河南省司法厅")
            let create = try await app.send(
                .POST, "/admin/users", as: system,
                form: [
                    ("username", "second.admin"), ("displayName", "x"), ("role", "securityAdmin"),
                    ("unitID", unit.id!.uuidString),
                ])
            #expect(create.status == .unprocessableEntity)
            #expect(create.text.contains("管理员角色只能在服务器上用 fuyuan user create 创建"))
            let court = try await app.user(named: "lushan.court")
            let promote = try await app.send(
                .POST, "/admin/users/\(court.id!.uuidString)/role", as: security, form: [("role", "auditAdmin")])
            #expect(promote.status == .unprocessableEntity)
            #expect(try await app.user(named: "lushan.court").role == .court)
            #expect(try await app.auditEntries(.roleChanged).isEmpty)
        }
    }

    @Test func onlyTheAuditAdministratorReadsTheLog() async throws {
        try await withTestApp { app in
            _ = try await app.signIn("lushan.office")
            let auditor = try await app.signIn("auditor")
            let page = try await app.send(.GET, "/audit?action=auth.sign_in&actor=LUSHAN.OFFICE", as: auditor)
            #expect(page.status == .ok)
            #expect(page.text.contains("鲁山县联席办（演示） 登录"))
            #expect(!page.text.contains("审计管理员（演示） 登录"))
            for name in ["sysadmin", "secadmin", "henan.office", "lushan.leader"] {
                #expect(try await app.send(.GET, "/audit", as: try await app.signIn(name)).status == .forbidden)
            }
        }
    }

    /// Reading that takes data away or looks at the log, and refusals of signed-in callers, are in the log too.
    @Test func exportsDenialsAndReadingTheLogAreRecorded() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let export = try await app.send(.GET, "/regions/411322/ledger.csv?timeliness=overdue", as: office)
            #expect(export.status == .ok)
            #expect(
                try await app.auditEntries(.dataExported).map(\.summary) == ["导出方城县工作台账（.csv，11 项；timeliness=overdue）"])
            let leader = try await app.signIn("lushan.leader")
            #expect(try await app.send(.GET, "/audit", as: leader).status == .forbidden)
            let denied = try await app.auditEntries(.accessDenied)
            #expect(denied.map(\.summary) == ["拒绝 GET /audit：当前角色无权执行此操作"])
            #expect(denied.map(\.actorName) == ["lushan.leader"])
            // Signed out, a refusal is a sign-in prompt, not an entry.
            _ = try await app.send(.GET, "/audit")
            #expect(try await app.auditEntries(.accessDenied).count == 1)
            let auditor = try await app.signIn("auditor")
            _ = try await app.send(.GET, "/audit?action=auth.sign_in&actor=&from=2026-01-01&to=&verify=1", as: auditor)
            #expect(
                try await app.auditEntries(.auditViewed).map(\.summary) == [
                    "查阅审计日志（操作 auth.sign_in，自 2026-01-01），校验完整性：通过"
                ])
        }
    }

    @Test func refusedWritesChangeNothingAndLeaveNoWriteEntry() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let before = try await AuditEntry.query(on: app.db).count()
            let duplicate = try await app.send(
                .POST, "/regions/410423/units", as: office, form: [("name", "鲁山县司法局"), ("kind", "department")])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.text.contains("单位名称：本区划已有“鲁山县司法局”"))
            let blank = try await app.send(
                .POST, "/regions/410423/units", as: office, form: [("name", " "), ("kind", "department")])
            #expect(blank.status == .unprocessableEntity)
            #expect(blank.text.contains("单位名称：须为 2 至 60 个字符"))
            #expect(try await AuditEntry.query(on: app.db).count() == before)
            #expect(try await App.Unit.query(on: app.db).filter(\.$name == "鲁山县司法局").count() == 1)
        }
    }
}

@Suite struct MoreAuditTests {
    @Test func regionsTokensAndPasswordsAreAudited() async throws {
        try await withTestApp { app in
            let system = try await app.signIn("sysadmin")
            _ = try await app.send(
                .POST, "/admin/regions", as: system,
                form: [("code", "410402"), ("name", "新华区"), ("parentCode", "410400")])
            let court = try await app.user(named: "lushan.court")
            _ = try await app.send(
                .POST, "/admin/tokens", as: system, form: [("name", "鲁山县法院审判系统"), ("userID", court.id!.uuidString)])
            let token = try #require(try await APIToken.query(on: app.db).first())
            _ = try await app.send(.POST, "/admin/tokens/\(token.id!.uuidString)/revoke", as: system, form: [])
            let office = try await app.signIn("lushan.office")
            _ = try await app.send(
                .POST, "/account/password", as: office,
                form: [("current", DemoData.password), ("new", "Lushan#2027"), ("confirm", "Lushan#2027")])

            #expect(try await app.auditEntries(.regionCreated).map(\.summary) == ["新建区划 410402 新华区"])
            #expect(
                try await Region.query(on: app.db).filter(\.$code == "410402").first()?.path == "410000/410400/410402")
            #expect(try await app.auditEntries(.tokenIssued).map(\.summary) == ["为 lushan.court 签发接口令牌“鲁山县法院审判系统”"])
            #expect(try await app.auditEntries(.tokenRevoked).map(\.summary) == ["吊销接口令牌“鲁山县法院审判系统”"])
            let changed = try await app.auditEntries(.passwordChanged)
            #expect(changed.map(\.actorName) == ["lushan.office"])
            #expect(changed.map(\.summary) == ["鲁山县联席办（演示） 修改了密码"])
        }
    }

    @Test func regionCodesAreChecked() async throws {
        try await withTestApp { app in
            let system = try await app.signIn("sysadmin")
            let bad = try await app.send(
                .POST, "/admin/regions", as: system, form: [("code", "41040"), ("name", "x"), ("parentCode", "410400")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("区划代码：区划代码须为 6 位（省、市、县）或 9 位（乡镇、街道）数字：41040"))
            let upside = try await app.send(
                .POST, "/admin/regions", as: system,
                form: [("code", "410700"), ("name", "新乡市"), ("parentCode", "410423")])
            #expect(upside.text.contains("上级区划：鲁山县的层级不高于新乡市"))
            let taken = try await app.send(
                .POST, "/admin/regions", as: system,
                form: [("code", "410423"), ("name", "鲁山县"), ("parentCode", "410400")])
            #expect(taken.status == .conflict)
            #expect(try await app.auditEntries(.regionCreated).isEmpty)
        }
    }
}
