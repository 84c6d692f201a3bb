import Vapor

/// One operation of `/api/v1` as the OpenAPI document describes it. Each feature lists its own in
/// `<Feature>+OpenAPI.swift`; their shapes are read from the DTOs the handlers use (`SchemaReader`), the path from
/// the feature's path type.
struct APIOperation: Sendable {
    let method: HTTPMethod
    let path: PathPattern
    let id: String
    let summary: String
    /// Query parameters and headers beyond those every operation of its kind takes (`OpenAPIDocument.operation`).
    var parameters: [APIParameter] = []
    /// Descriptions of path parameters, where the usual one (`APIParameter.path`) is not enough.
    var pathNotes: [String: String] = [:]
    var body: APIBody? = nil
    var responses: [APIResponse]
    /// The error answers, each described once in `OpenAPIDocument.errors`.
    var errors: [Int]
    /// Open to anyone (no session or token).
    var open = false
}

struct APIParameter: Sendable {
    let json: JSONValue

    static func query(
        _ name: String, _ schema: JSONValue, required: Bool = false, _ description: String? = nil
    ) -> APIParameter {
        parameter(name, in: "query", schema, required: required, description)
    }

    static func header(_ name: String, _ schema: JSONValue, _ description: String) -> APIParameter {
        parameter(name, in: "header", schema, required: false, description)
    }

    /// A path parameter: a region's code or an object's id, unless `description` says otherwise.
    static func path(_ name: String, _ description: String?) -> APIParameter {
        switch name {
        case "code":
            parameter(name, in: "path", APISchemas.regionCode, required: true, description ?? "GB/T 2260 区划代码")
        default: parameter(name, in: "path", UUID.apiSchema, required: true, description)
        }
    }

    /// The `ETag` of the object read, sent back on a change.
    static func ifMatch(_ example: String) -> APIParameter {
        header("If-Match", ["type": "string"], example)
    }

    private static func parameter(
        _ name: String, in place: String, _ schema: JSONValue, required: Bool, _ description: String?
    ) -> APIParameter {
        var json: JSONValue = [
            "name": .string(name), "in": .string(place), "required": .bool(required), "schema": schema,
        ]
        if let description { json["description"] = .string(description) }
        return APIParameter(json: json)
    }
}

/// A request body: a JSON shape, or files of the given media types.
struct APIBody: Sendable {
    let isJSON: Bool
    let content: @Sendable (SchemaReader) throws -> JSONValue

    static func json<T: Decodable>(_ type: T.Type) -> APIBody {
        APIBody(isJSON: true) { ["application/json": ["schema": try $0.schema(of: T.self)]] }
    }

    static func files(_ schemas: [String: JSONValue]) -> APIBody {
        APIBody(isJSON: false) { _ in .object(schemas.mapValues { ["schema": $0] }) }
    }

    /// A register's import: a .csv or an .xlsx file as the body.
    static let spreadsheet = files([
        "text/csv": ["type": "string"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["type": "string", "format": "binary"],
    ])
}

struct APIResponse: Sendable {
    let status: Int
    let json: @Sendable (SchemaReader) throws -> JSONValue

    /// An answer with a JSON body of `type`.
    static func json<T: Decodable>(_ status: Int, _ description: String, _ type: T.Type) -> APIResponse {
        APIResponse(status: status) {
            [
                "description": .string(description),
                "content": ["application/json": ["schema": try $0.schema(of: T.self)]],
            ]
        }
    }

    /// An answer with a JSON body described as written, or none.
    static func plain(_ status: Int, _ description: String, schema: JSONValue? = nil) -> APIResponse {
        APIResponse(status: status) { _ in
            var json: JSONValue = ["description": .string(description)]
            if let schema { json["content"] = ["application/json": ["schema": schema]] }
            return json
        }
    }

    /// A register's import refused (422): the problems of its rows, or, when the request itself is refused before
    /// the file is read (an `Idempotency-Key` already used for another request), the usual error.
    static let importRefused = APIResponse(status: 422) {
        [
            "description": "有问题的行，未写入任何数据（请求本身被拒绝时为通常的错误）",
            "content": [
                "application/json": [
                    "schema": [
                        "oneOf": [
                            try $0.schema(of: SpreadsheetImport.Refusal.self), ["$ref": "#/components/schemas/Error"],
                        ]
                    ]
                ]
            ],
        ]
    }

    /// This answer with headers (name, description, schema).
    func headers(_ headers: [(String, String, JSONValue)]) -> APIResponse {
        let described = JSONValue.object(
            Dictionary(uniqueKeysWithValues: headers.map { ($0.0, ["description": .string($0.1), "schema": $0.2]) }))
        return APIResponse(status: status) { [json] in try json($0).merging(["headers": described]) }
    }
}

/// Schemas written once and used by several features.
enum APISchemas {
    static let regionCode: JSONValue = ["type": "string", "pattern": "^[0-9]{6}([0-9]{3})?$"]
    static let page: JSONValue = ["type": "integer", "minimum": 1]
}
