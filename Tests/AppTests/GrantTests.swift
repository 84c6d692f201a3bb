import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// MP-03: a user's role and unit are authenticated by a tag under the data key; changed in the database behind the
/// product they are refused, with one alert for the security administrator; changed by the product they hold.
@Suite struct GrantTests {
    func sql(_ app: Application) throws -> SQLDoor { try app.db.sql() }

    @Test func aRoleRaisedInTheDatabaseIsRefusedAndAlertedOnce() async throws {
        try await withTestApp { app in
            let liaison = try await app.signIn("lushan.zrzy")
            #expect(try await app.send(.GET, "/regions/410423/ledger", as: liaison).status == .ok)
            try await sql(app).raw("UPDATE users SET role = 'office' WHERE username = 'lushan.zrzy'").run()

            let page = try await app.send(.GET, "/regions/410423/ledger", as: liaison)
            #expect(page.status == .forbidden)
            #expect(page.text.contains("账户的授权数据校验未通过，已拒绝并报告安全管理员"))
            let api = try await app.send(.GET, "/api/v1/me", as: liaison)
            #expect(api.status == .forbidden)
            #expect(api.text.contains(#""code":"grant_tampered""#))
            // Signing in again does not help.
            let again = try await app.signIn("lushan.zrzy")
            let fresh = try await app.send(.GET, "/api/v1/me", as: again)
            #expect(fresh.status == .forbidden)

            let alerts = try await app.auditEntries(.grantTampered)
            #expect(alerts.map(\.summary) == ["账户 lushan.zrzy 的授权数据（角色、所属单位）与校验码不符，疑似在数据库中被改动（现为联席办工作人员）；已拒绝其全部请求"])
            #expect(alerts.map(\.regionPath) == ["410000/410400/410423"])
            let security = try await app.signIn("secadmin")
            #expect(try await app.send(.GET, "/admin/alerts", as: security).text.contains("授权数据篡改告警"))
            // Put back as it was, the grant holds again.
            try await sql(app).raw("UPDATE users SET role = 'liaison' WHERE username = 'lushan.zrzy'").run()
            #expect(try await app.send(.GET, "/api/v1/me", as: liaison).status == .ok)
        }
    }

    @Test func aUnitMovedOrATagCopiedFromAnotherAccountIsRefused() async throws {
        try await withTestApp { app in
            let liaison = try await app.signIn("lushan.zrzy")
            let court = try await app.unit(named: "鲁山县人民法院")
            try await sql(app).raw(
                "UPDATE users SET unit_id = \(bind: court.id!) WHERE username = 'lushan.zrzy'"
            ).run()
            #expect(try await app.send(.GET, "/api/v1/me", as: liaison).status == .forbidden)

            // The office's tag, copied with its role and unit, is not the liaison's: it names the office's id.
            let office = try await app.user(named: "lushan.office")
            try await sql(app).raw(
                """
                UPDATE users SET role = 'office', unit_id = \(bind: office.$unit.id), grant_mac = \(bind: office.grantMAC)
                WHERE username = 'lushan.zrzy'
                """
            ).run()
            #expect(try await app.send(.GET, "/api/v1/me", as: liaison).status == .forbidden)
        }
    }

    @Test func aRoleChangedByTheSecurityAdministratorHolds() async throws {
        try await withTestApp { app in
            let security = try await app.signIn("secadmin")
            let user = try await app.user(named: "lushan.zrzy")
            let changed = try await app.send(
                .POST, "/admin/users/\(user.id!.uuidString)/role", as: security, form: [("role", "leader")])
            #expect(changed.status == .seeOther)
            let leader = try await app.signIn("lushan.zrzy")
            let me = try await app.send(.GET, "/api/v1/me", as: leader)
            #expect(me.status == .ok)
            #expect(me.text.contains(#""role":"leader""#))
            #expect(try await app.auditEntries(.grantTampered).isEmpty)
        }
    }

    @Test func theMigrationTagsTheAccountsAlreadyThere() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            try await sql(app).raw("UPDATE users SET grant_mac = ''").run()
            #expect(try await app.send(.GET, "/api/v1/me", as: office).status == .forbidden)
            try await AddGrantTags.tagAll(on: app.db, seal: app.fieldSeal)
            #expect(try await app.send(.GET, "/api/v1/me", as: office).status == .ok)
            let users = try await User.query(on: app.db).all()
            #expect(users.count == 20)
            #expect(
                users.allSatisfy {
                    Grant.holds($0.grantMAC, user: $0.id!, role: $0.role, unit: $0.$unit.id, seal: app.fieldSeal)
                })
        }
    }

    @Test func theTagNamesItsPurposeAndEveryPart() {
        let seal = FieldSeal(masterKey: [UInt8](repeating: 1, count: 32))
        let tag = seal.tag("p", ["a", "bc"])
        #expect(tag.count == 64)
        #expect(seal.verifies(tag, "p", ["a", "bc"]))
        // Length prefixes keep "a|bc" apart from "ab|c"; the purpose and the key count too.
        #expect(!seal.verifies(tag, "p", ["ab", "c"]))
        #expect(!seal.verifies(tag, "q", ["a", "bc"]))
        #expect(!FieldSeal(masterKey: [UInt8](repeating: 2, count: 32)).verifies(tag, "p", ["a", "bc"]))
        #expect(!seal.verifies("", "p", ["a", "bc"]))
    }
}
