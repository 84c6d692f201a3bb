import Vapor

/// The OpenAPI 3.0 description of `/api/v1`, served at `/api/v1/openapi.json`: put together at start-up from every
/// feature's `APIDescription`, with the rules every operation of a kind follows written here once. `OpenAPITests`
/// checks it names exactly the routes the app registers and holds it to `Tests/AppTests/Golden/openapi.json`.
enum OpenAPIDocument {
    /// Every error answer, referred to as `#/components/responses/E<status>`.
    static let errors: [Int: String] = [
        400: "请求格式错误", 401: "未登录或令牌无效", 403: "无权执行，或来源校验（CSRF）失败", 404: "不存在或不在可见范围内", 409: "与已有数据冲突",
        412: "对象已被他人修改（If-Match 与当前版本不符），请重新读取后再改", 413: "文件过大", 415: "须以 application/json 提交",
        429: "同一网络地址登录失败次数过多，Retry-After 秒后再试", 422: "内容校验未通过，message 指明字段",
        507: "服务器存储空间已满，本次操作未保存；清理空间后重发同一请求",
    ]

    static let csrf = APIParameter.header(
        "X-CSRF-Token", ["type": "string"], "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要")
    static let idempotencyKey = APIParameter.header(
        "Idempotency-Key", ["type": "string", "minLength": 1, "maxLength": 200], "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复")

    /// `sessionCookie`: the session cookie's name in this deployment (`Cookies.name`).
    static func document(of features: [Feature], sessionCookie: String = Cookies.session) throws -> JSONValue {
        let descriptions = features.map(\.api)
        let components = descriptions.flatMap(\.schemas)
        let reader = SchemaReader(
            names: Dictionary(components.map { ($0.type, $0.name) }) { first, _ in first }, optionalsNullable: true)
        var paths: [String: JSONValue] = [:]
        for operation in descriptions.flatMap(\.operations) {
            let path = operation.path.text.split(separator: "/").map {
                $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
            }.joined(separator: "/")
            paths["/" + path, default: [:]][operation.method.rawValue.lowercased()] = try json(operation, reader)
        }
        let schemas = try components.map { ($0.name, try $0.definition(reader)) }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "府院通 API", "version": "1.0.0",
                "description": """
                常态化府院联动工作平台的接口。以会话 Cookie（POST /api/v1/auth/login）或系统管理员签发的令牌（Authorization: Bearer …）认证；\
                所有数据按调用者的区划与角色过滤。错误统一为 {"error": {"code", "message"}}。
                """,
            ],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": []], ["cookieAuth": []]],
            "paths": .object(paths),
            "components": [
                "securitySchemes": [
                    "bearerAuth": ["type": "http", "scheme": "bearer"],
                    "cookieAuth": ["type": "apiKey", "in": "cookie", "name": .string(sessionCookie)],
                ],
                "schemas": .object(Dictionary(schemas) { first, _ in first }),
                "responses": .object(
                    Dictionary(
                        uniqueKeysWithValues: errors.map { status, message in
                            (
                                "E\(status)",
                                [
                                    "description": .string(message),
                                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                                ]
                            )
                        })),
            ],
        ]
    }

    /// One operation with what every signed-in write takes: the CSRF header, an `Idempotency-Key` on a POST, and
    /// the answers 400 and 409 (POST), 400 and 415 (a JSON body), 507 (storage full).
    private static func json(_ operation: APIOperation, _ reader: SchemaReader) throws -> JSONValue {
        let write = operation.method != .GET && !operation.open
        let pathParameters = operation.path.text.split(separator: "/").filter { $0.hasPrefix(":") }.map {
            let name = String($0.dropFirst())
            return APIParameter.path(name, operation.pathNotes[name])
        }
        var parameters = pathParameters + (write ? [csrf] : []) + operation.parameters
        if write && operation.method == .POST { parameters.append(idempotencyKey) }

        var errors = Set(operation.errors)
        if write && operation.method == .POST { errors.formUnion([400, 409]) }
        if operation.body?.isJSON == true { errors.formUnion([400, 415]) }
        if write { errors.insert(507) }
        var responses: [String: JSONValue] = Dictionary(
            uniqueKeysWithValues: errors.map { ("\($0)", ["$ref": .string("#/components/responses/E\($0)")]) })
        var answers = reader
        answers.optionalsNullable = true
        for response in operation.responses { responses["\(response.status)"] = try response.json(answers) }

        var json: JSONValue = [
            "operationId": .string(operation.id), "summary": .string(operation.summary),
            "responses": .object(responses),
        ]
        if !parameters.isEmpty { json["parameters"] = .array(parameters.map(\.json)) }
        if let body = operation.body {
            var inputs = reader
            inputs.optionalsNullable = false
            json["requestBody"] = ["required": true, "content": try body.content(inputs)]
        }
        if operation.open { json["security"] = [] }
        return json
    }
}

extension Application {
    private struct OpenAPIKey: StorageKey {
        typealias Value = ByteBuffer
    }

    /// The served document; set by `configure` from the features.
    var openAPIDocument: ByteBuffer {
        get { storage[OpenAPIKey.self] ?? ByteBuffer() }
        set { storage[OpenAPIKey.self] = newValue }
    }
}

extension OpenAPIDocument {
    static func serve(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: request.application.openAPIDocument))
    }
}
