extension APIDescription {
    /// The document itself and the error shape every operation answers with.
    static let platform = APIDescription(
        operations: [
            .init(
                method: .GET, path: PlatformPath.openAPI, id: "openapi", summary: "本接口说明（OpenAPI 3.0）",
                responses: [.plain(200, "OpenAPI 文档", schema: ["type": "object"])], errors: [], open: true)
        ],
        schemas: [.answer("Error", ErrorResponder.Body.self)])
}
