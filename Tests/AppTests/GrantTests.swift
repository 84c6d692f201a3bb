import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// MP-03: a user's role, unit and the unit's region are authenticated by a tag under the data key; changed in the
/// database behind the product they are refused, with one alert for the security administrator; changed by the
/// product they hold.
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

    /// Scope comes from the unit's region: a unit moved in the database under the province would let its people read
    /// every county's records. It is refused like a changed role (issue 28).
    @Test func aUnitMovedToAnotherRegionBehindTheProductIsRefused() async throws {
        try await withTestApp { app in
            let liaison = try await app.signIn("lushan.zrzy")
            #expect(try await app.send(.GET, "/api/v1/regions/410423", as: liaison).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/regions/411322", as: liaison).status == .notFound)
            let province = try #require(try await Region.query(on: app.db).filter(\.$code == "410000").first())
            let unit = try await app.unit(named: "鲁山县自然资源局")
            try await sql(app).raw(
                "UPDATE units SET region_id = \(bind: province.id!) WHERE id = \(bind: unit.id!)"
            ).run()
            let moved = try await app.send(.GET, "/api/v1/regions/411322", as: liaison)
            #expect(moved.status == .forbidden)
            #expect(moved.text.contains(#""code":"grant_tampered""#))
            #expect(try await app.auditEntries(.grantTampered).map(\.actorName) == ["lushan.zrzy"])
            try await sql(app).raw("UPDATE units SET region_id = \(bind: unit.$region.id) WHERE id = \(bind: unit.id!)")
                .run()
            #expect(try await app.send(.GET, "/api/v1/me", as: liaison).status == .ok)
        }
    }

    /// An existing database's v1 tags (user, role, unit) are tagged again with the region by the migration; a tag
    /// that did not hold stays refused.
    @Test func theMigrationCoversTheRegionInTheGrantsThere() async throws {
        try await withTestApp { app in
            let liaison = try await app.signIn("lushan.zrzy")
            let office = try await app.signIn("lushan.office")
            for user in try await User.query(on: app.db).all() {
                let v1 = app.fieldSeal.tag(
                    "fuyuan grant v1", [user.id!.uuidString, user.role.rawValue, user.$unit.id.uuidString])
                try await sql(app).raw("UPDATE users SET grant_mac = \(bind: v1) WHERE id = \(bind: user.id!)").run()
            }
            try await sql(app).raw("UPDATE users SET grant_mac = 'forged' WHERE username = 'lushan.office'").run()
            #expect(try await app.send(.GET, "/api/v1/me", as: liaison).status == .forbidden)
            try await TagGrantsWithRegions(seal: app.fieldSeal).prepare(on: app.db)
            #expect(try await app.send(.GET, "/api/v1/me", as: liaison).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/me", as: office).status == .forbidden)
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
            let users = try await User.query(on: app.db).with(\.$unit).all()
            #expect(users.count == 20)
            #expect(
                users.allSatisfy {
                    Grant.holds(
                        $0.grantMAC, .init(user: $0.id!, role: $0.role, unit: $0.$unit.id, region: $0.unit.$region.id),
                        seal: app.fieldSeal)
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
