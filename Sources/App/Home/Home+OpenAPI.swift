extension APIDescription {
    static let home = APIDescription(
        operations: [
            .init(
                method: .GET, path: HomePath.API.home, id: "getHome", summary: "首页卡片：本人今日待办与区划概况，按紧急程度排列（与首页相同）",
                parameters: [.query("region", APISchemas.regionCode, "区划代码，默认本人所在区划")],
                responses: [.json(200, "首页卡片", HomeDTO.Home.self)], errors: [401, 403, 404, 422])
        ],
        schemas: [.answer("Home", HomeDTO.Home.self)])
}
