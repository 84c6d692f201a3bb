/// A feature's part of the OpenAPI document: its operations and the shapes it names under `components/schemas`.
struct APIDescription: Sendable {
    var operations: [APIOperation] = []
    var schemas: [APIComponent] = []
}

/// A shape documented once by name and referred to wherever it appears.
struct APIComponent: Sendable {
    let name: String
    let type: ObjectIdentifier
    let definition: @Sendable (SchemaReader) throws -> JSONValue

    /// A shape the API answers with: its optional fields may be `null`.
    static func answer<T: Decodable>(_ name: String, _ type: T.Type) -> APIComponent {
        APIComponent(name: name, type: ObjectIdentifier(T.self)) { reader in
            var reader = reader
            reader.optionalsNullable = true
            return try reader.definition(of: T.self)
        }
    }

    /// A request body: its optional fields may be left out.
    static func input<T: Decodable>(_ name: String, _ type: T.Type) -> APIComponent {
        APIComponent(name: name, type: ObjectIdentifier(T.self)) { reader in
            var reader = reader
            reader.optionalsNullable = false
            return try reader.definition(of: T.self)
        }
    }
}
