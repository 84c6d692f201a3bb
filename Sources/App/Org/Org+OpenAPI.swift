import FuyuanCore

extension APIDescription {
    static let org = APIDescription(
        operations: [
            .init(
                method: .GET, path: OrgPath.API.regions, id: "listRegions", summary: "可见范围内的区划",
                parameters: [.query("parent", APISchemas.regionCode, "只列出该区划的直接下级")],
                responses: [.json(200, "区划列表", [OrgDTO.Region].self)], errors: [401, 403, 404, 422]),
            .init(
                method: .POST, path: OrgPath.API.regions, id: "createRegion", summary: "新增区划（系统管理员）",
                body: .json(RegionInput.self), responses: [.json(201, "已创建", OrgDTO.Region.self)],
                errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .GET, path: OrgPath.API.region, id: "getRegion", summary: "区划",
                responses: [.json(200, "区划", OrgDTO.Region.self)], errors: [401, 403, 404]),
            .init(
                method: .GET, path: OrgPath.API.units, id: "listUnits", summary: "区划内的单位",
                responses: [.json(200, "单位列表", [OrgDTO.Unit].self)], errors: [401, 403, 404]),
            .init(
                method: .POST, path: OrgPath.API.units, id: "createUnit", summary: "新增单位（联席办、系统管理员）",
                body: .json(UnitInput.self), responses: [.json(201, "已创建", OrgDTO.Unit.self)],
                errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .GET, path: OrgPath.API.unit, id: "getUnit", summary: "单位",
                responses: [.json(200, "单位", OrgDTO.Unit.self)], errors: [401, 403, 404]),
            .init(
                method: .PATCH, path: OrgPath.API.unit, id: "updateUnit", summary: "修改单位（带 If-Match 时，他人已改则 412）",
                parameters: [.ifMatch(#"GET 答复中的 ETag，如 "3""#)], body: .json(OrgDTO.UnitPatch.self),
                responses: [.json(200, "已修改", OrgDTO.Unit.self)], errors: [400, 401, 403, 404, 409, 412, 422]),
            .init(
                method: .GET, path: OrgPath.API.meeting, id: "getJointMeeting", summary: "联席会议组成、成员单位及调整记录",
                responses: [.json(200, "联席会议", OrgDTO.Meeting.self)], errors: [401, 403, 404]),
            .init(
                method: .PUT, path: OrgPath.API.meeting, id: "saveJointMeeting", summary: "调整联席会议组成（联席办，须注明批准人）",
                parameters: [.ifMatch(#"GET 答复中的 version，如 "3"；他人已改则 412"#)], body: .json(RosterStore.Input.self),
                responses: [.json(200, "已保存", OrgDTO.Meeting.self)], errors: [400, 401, 403, 404, 412, 422]),
            .init(
                method: .GET, path: OrgPath.API.users, id: "listUsers",
                summary: "可见范围内的用户（系统管理员、安全管理员），按用户名每页 100 个",
                parameters: [.query("page", APISchemas.page, "页码，从 1 起")],
                responses: [
                    .json(200, "用户列表的一页", [OrgDTO.User].self).headers([
                        ("X-Total-Count", "可见范围内的用户总数", Int.apiSchema),
                        ("Link", #"下一页：</api/v1/users?page=2>; rel="next""#, String.apiSchema),
                    ])
                ], errors: [400, 401, 403, 422]),
            .init(
                method: .POST, path: OrgPath.API.users, id: "createUser", summary: "新建用户并生成一次性密码（系统管理员）",
                body: .json(UserInput.self), responses: [.json(201, "已创建", OrgDTO.CreatedUser.self)],
                errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .GET, path: OrgPath.API.user, id: "getUser", summary: "用户",
                responses: [.json(200, "用户", OrgDTO.User.self)], errors: [401, 403, 404]),
        ],
        schemas: [
            .answer("Region", OrgDTO.Region.self), .input("RegionInput", RegionInput.self),
            .answer("Unit", OrgDTO.Unit.self), .input("UnitInput", UnitInput.self),
            .input("UnitPatch", OrgDTO.UnitPatch.self), .answer("JointMeeting", OrgDTO.Meeting.self),
            .input("JointMeetingInput", RosterStore.Input.self), .answer("User", OrgDTO.User.self),
            .input("UserInput", UserInput.self), .answer("CreatedUser", OrgDTO.CreatedUser.self),
        ])
}

extension RegionLevel: APIChoices {}
extension UnitKind: APIChoices {}
extension Role: APIChoices {}
extension MeetingRole: APIChoices {}

extension RegionInput: APIFieldNotes {
    static var apiFields: [String: APIField] { ["parentCode": .init(nullable: true)] }
}

extension OrgDTO.Unit: APIFieldNotes {
    static var apiFields: [String: APIField] { ["version": .init(description: "亦为 ETag；修改时以 If-Match 回传")] }
}

extension OrgDTO.Meeting: APIFieldNotes {
    static var apiFields: [String: APIField] { ["version": .init(description: "修改时以 If-Match 回传")] }
}

extension OrgDTO.Meeting.Member: APIFieldNotes {
    static var apiFields: [String: APIField] {
        ["liaisonPhone": .init(description: "脱敏显示，如 138****5678；库中以 SM4 加密、HMAC-SM3 校验保存")]
    }
}

extension RosterStore.Input: APIFieldNotes {
    static var apiFields: [String: APIField] { ["officeUnitID": .init(nullable: true)] }
}
