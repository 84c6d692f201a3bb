extension APIDescription {
    static let supervision = APIDescription(
        operations: [
            .init(
                method: .GET, path: SupervisionPath.API.list, id: "listSupervision", summary: "区划的督办（催办、提醒函、通报）及各单位回复",
                responses: [.json(200, "督办", [SupervisionDTO.Supervision].self)], errors: [401, 403, 404]),
            .init(
                method: .POST, path: SupervisionPath.API.list, id: "issueSupervision", summary: "发出督办（本区划联席办；提醒函按年编号）",
                body: .json(SupervisionStore.Input.self),
                responses: [.json(201, "已发出", SupervisionDTO.Supervision.self)],
                errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: SupervisionPath.API.respond, id: "respondSupervision", summary: "回复督办（被督办单位）",
                pathNotes: ["id": "督办对象 id"], body: .json(SupervisionDTO.Response.self),
                responses: [.plain(204, "已回复")], errors: [400, 401, 403, 404, 409, 422]),
        ],
        schemas: [
            .answer("Supervision", SupervisionDTO.Supervision.self),
            .input("SupervisionInput", SupervisionStore.Input.self),
            .input("SupervisionResponse", SupervisionDTO.Response.self),
        ])
}

extension Supervision.Kind: APIChoices {}
extension Supervision.Tone: APIChoices {}

extension SupervisionStore.Input: APIFieldNotes {
    static var apiFields: [String: APIField] { ["itemID": .init(nullable: true), "respondBy": .init(format: "date")] }
}
