import FuyuanCore
import Testing

struct RosterTests {
    let weidong = Roster(
        name: "卫东区府院联动联席会议", officeHost: "卫东区司法局",
        people: [
            .init(role: .convener, name: "宋建立", post: "区长"),
            .init(role: .deputy, name: "武中立", post: "区人民法院院长"),
        ],
        memberUnits: [.init(unit: "卫东区司法局", liaison: ""), .init(unit: "卫东区人民法院", liaison: "王某 0375-1234567")])

    @Test func noChangeMeansNoLines() {
        #expect(weidong.changes(from: weidong).isEmpty)
    }

    @Test func describesEveryKindOfChange() {
        var after = weidong
        after.officeHost = "卫东区政府办公室"
        after.people[1] = .init(role: .deputy, name: "李海强", post: "副区长、卫东公安分局局长")
        after.memberUnits.removeFirst()
        after.memberUnits[0].liaison = "张某"
        after.memberUnits.append(.init(unit: "卫东区信访局", liaison: ""))
        #expect(
            after.changes(from: weidong) == [
                "办公室设在：卫东区司法局 → 卫东区政府办公室",
                "移出副召集人：武中立（区人民法院院长）",
                "增加副召集人：李海强（副区长、卫东公安分局局长）",
                "移出成员单位：卫东区司法局",
                "卫东区人民法院联络员：王某 0375-1234567 → 张某",
                "增加成员单位：卫东区信访局",
            ])
    }

    @Test func aNewMeetingListsWhatItStartsWith() {
        let empty = Roster(name: "", officeHost: "", people: [], memberUnits: [])
        #expect(
            weidong.changes(from: empty) == [
                "名称：（空） → 卫东区府院联动联席会议",
                "办公室设在：（空） → 卫东区司法局",
                "增加召集人：宋建立（区长）",
                "增加副召集人：武中立（区人民法院院长）",
                "增加成员单位：卫东区司法局",
                "增加成员单位：卫东区人民法院",
            ])
    }
}

struct PermissionTests {
    @Test func administratorsHoldNoneOfEachOthersPowers() {
        let powers = Dictionary(
            uniqueKeysWithValues: [Role.systemAdmin, .securityAdmin, .auditAdmin].map { role in
                (role, Set(Action.allCases.filter { role.may($0) }))
            })
        #expect(powers[.systemAdmin] == [.readOrganisation, .editUnits, .manageRegions, .manageAccounts, .issueTokens])
        #expect(powers[.securityAdmin] == [.assignRoles, .readSecurityAlerts])
        #expect(powers[.auditAdmin] == [.readAudit])
    }

    @Test func businessRoles() {
        #expect(
            Action.allCases.filter { Role.office.may($0) } == [
                .readOrganisation, .editUnits, .editRoster, .readLedger, .manageLedger, .readLitigation,
                .resolveDisputes,
            ])
        #expect(
            Action.allCases.filter { Role.liaison.may($0) } == [
                .readOrganisation, .readLedger, .handleParts, .readLitigation,
            ])
        #expect(
            Action.allCases.filter { Role.court.may($0) } == [
                .readOrganisation, .readLedger, .handleParts, .readLitigation, .maintainLitigation, .issueSuggestions,
                .maintainEnforcement, .resolveDisputes, .coordinateBankruptcy,
            ])
        #expect(Action.allCases.filter { Role.leader.may($0) } == [.readOrganisation, .readLedger, .readLitigation])
    }

    @Test func onlyOfficeLeadersAndAdministratorsReadLowerRegions() {
        #expect(
            Role.allCases.filter(\.readsLowerRegions) == [.systemAdmin, .securityAdmin, .auditAdmin, .office, .leader])
    }
}
