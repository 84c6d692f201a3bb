import Vapor

extension Feature {
    /// Regions, units, the joint meeting's roster, users and their grants.
    static let org = Feature(
        name: "组织",
        migrations: { seal in
            [
                CreateRegion(), CreateUnit(), CreateJointMeeting(), CreateUser(), AddVersions(),
                AddGrantTags(seal: seal), TagGrantsWithRegions(seal: seal),
            ]
        },
        routes: { routes in
            let pages = OrgPages()
            routes.pages.get(OrgPath.regionGo, use: pages.regionGo)
            routes.pages.get(OrgPath.units, use: pages.units)
            routes.pages.post(OrgPath.units, use: pages.createUnit)
            routes.pages.get(OrgPath.unitEdit, use: pages.editUnitPage)
            routes.pages.post(OrgPath.unit, use: pages.updateUnit)
            routes.pages.get(OrgPath.meeting, use: pages.meeting)
            routes.pages.get(OrgPath.meetingEdit, use: pages.editMeetingPage)
            routes.pages.post(OrgPath.meeting, use: pages.saveMeeting)

            let regionsAdmin = RegionsAdminPages()
            routes.pages.get(OrgPath.regionsAdmin, use: regionsAdmin.list)
            routes.pages.post(OrgPath.regionsAdmin, use: regionsAdmin.create)

            let users = UsersPages()
            routes.pages.get(OrgPath.users, use: users.list)
            routes.pages.get(OrgPath.userNew, use: users.newUserPage)
            routes.pages.post(OrgPath.users, use: users.create)
            routes.pages.post(OrgPath.userRole, use: users.changeRole)
            routes.pages.post(OrgPath.userUnlock, use: users.unlock)
            routes.pages.post(OrgPath.userReset, use: users.resetPassword)
            routes.pages.post(OrgPath.userActive, use: users.setActive)
            routes.pages.post(OrgPath.userSecondFactorReset, use: users.resetSecondFactor)

            let api = OrgAPI()
            routes.api.get(OrgPath.API.regions, use: api.regions)
            routes.api.post(OrgPath.API.regions, use: api.createRegion)
            routes.api.get(OrgPath.API.region, use: api.region)
            routes.api.get(OrgPath.API.units, use: api.units)
            routes.api.post(OrgPath.API.units, use: api.createUnit)
            routes.api.get(OrgPath.API.unit, use: api.unit)
            routes.api.patch(OrgPath.API.unit, use: api.updateUnit)
            routes.api.get(OrgPath.API.meeting, use: api.meeting)
            routes.api.put(OrgPath.API.meeting, use: api.saveMeeting)
            routes.api.get(OrgPath.API.users, use: api.users)
            routes.api.post(OrgPath.API.users, use: api.createUser)
            routes.api.get(OrgPath.API.user, use: api.user)
        },
        menu: [
            .init(label: "区划管理", place: 15, roles: [.systemAdmin]) { _ in .regionsAdmin },
            .init(label: "联席会议", place: 60, roles: businessRoles) { .meeting($0) },
            .init(label: "单位", place: 70, roles: businessRoles.union([.systemAdmin])) { .units($0) },
            .init(label: "用户", place: 80, roles: [.systemAdmin]) { _ in .users },
            .init(label: "用户与角色", place: 80, roles: [.securityAdmin]) { _ in .users },
        ],
        auditActions: AuditAction.ofOrg,
        homeCards: HomeCard.org,
        demo: { try await DemoOrg.load(&$0) },
        api: .org)
}
