import Foundation

/// Reads the JSON schema of a `Decodable` shape from the shape itself: the type decodes a stand-in of itself from a
/// decoder that notes each field it asks for, with the field's Swift type and whether it may be absent. So the
/// OpenAPI document is derived from the DTOs the handlers send and read, never written a second time.
struct SchemaReader {
    /// The shapes documented under `components/schemas`, referred to by name wherever they appear.
    let names: [ObjectIdentifier: String]
    /// Whether an optional field may be `null` (an answer's) or is only left out (a request body's).
    var optionalsNullable: Bool

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    /// The schema of `type` where it appears: a reference when it is a named component.
    func schema<T: Decodable>(of type: T.Type) throws -> JSONValue {
        try read(type).schema
    }

    /// The schema of `type` itself, as written under `components/schemas`.
    func definition<T: Decodable>(of type: T.Type) throws -> JSONValue {
        try read(type, referring: false).schema
    }

    func read<T: Decodable>(_ type: T.Type, referring: Bool = true) throws -> (schema: JSONValue, standIn: T) {
        if let scalar = T.self as? any APIScalar.Type {
            return (scalar.apiSchema, try cast(scalar.standIn))
        }
        if let choices = T.self as? any APIChoices.Type {
            return try read(choices: choices)
        }
        if let optional = T.self as? any APIOptional.Type {
            let wrapped = try schema(ofAny: optional.wrapped)
            return (wrapped.merging(["nullable": true]), try cast(optional.absent))
        }
        if let array = T.self as? any APIArray.Type {
            return (["type": "array", "items": try schema(ofAny: array.element)], try cast(array.empty))
        }
        if let dictionary = T.self as? any APIDictionary.Type {
            let value = try schema(ofAny: dictionary.value)
            return (["type": "object", "additionalProperties": value], try cast(dictionary.empty))
        }
        let fields = FieldRecorder(reader: self)
        let standIn = try T(from: fields)
        if referring, let name = names[ObjectIdentifier(T.self)] {
            return (["$ref": .string("#/components/schemas/" + name)], standIn)
        }
        let notes = (T.self as? any APIFieldNotes.Type)?.apiFields ?? [:]
        return (try fields.schema(notes: notes, of: T.self), standIn)
    }

    private func schema(ofAny type: any Decodable.Type) throws -> JSONValue {
        try read(type).schema
    }

    private func read<C: APIChoices, T>(choices: C.Type) throws -> (schema: JSONValue, standIn: T) {
        guard let first = C.apiChoices.first else { throw Unreadable(description: "\(C.self) has no choices") }
        return (C.apiSchema, try cast(first))
    }

    private func cast<T>(_ value: Any) throws -> T {
        guard let value = value as? T else { throw Unreadable(description: "\(type(of: value)) is not \(T.self)") }
        return value
    }
}

/// The decoder a shape decodes its stand-in from: it answers every field with a stand-in and notes the field.
private final class FieldRecorder: Decoder {
    let reader: SchemaReader
    var properties: [String: JSONValue] = [:]
    /// The fields in the order the shape declares them.
    var order: [String] = []
    var required: Set<String> = []
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(reader: SchemaReader) { self.reader = reader }

    func note<T: Decodable>(_ type: T.Type, _ key: some CodingKey, optional: Bool) throws -> T {
        let read = try reader.read(type)
        properties[key.stringValue] =
            optional && reader.optionalsNullable ? read.schema.merging(["nullable": true]) : read.schema
        order.append(key.stringValue)
        if !optional { required.insert(key.stringValue) }
        return read.standIn
    }

    func schema(notes: [String: APIField], of type: Any.Type) throws -> JSONValue {
        for (key, note) in notes {
            guard var property = properties[key] else {
                throw SchemaReader.Unreadable(description: "\(type) has no field \(key)")
            }
            property = property.merging(note.more)
            if let description = note.description { property["description"] = .string(description) }
            if let format = note.format { property["format"] = .string(format) }
            if let nullable = note.nullable { property["nullable"] = nullable ? true : nil }
            if note.alwaysSent {
                property["nullable"] = true
                required.insert(key)
            }
            properties[key] = property
        }
        var schema: JSONValue = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .array(order.filter(required.contains).map { .string($0) }) }
        return schema
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Fields(recorder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw SchemaReader.Unreadable(description: "a list read by hand at \(codingPath)")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw SchemaReader.Unreadable(description: "a value read by hand at \(codingPath)")
    }
}

private struct Fields<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: FieldRecorder
    var codingPath: [any CodingKey] { recorder.codingPath }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try recorder.note(type, key, optional: false)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        _ = try recorder.note(type, key, optional: true)
        return nil
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try recorder.note(type, key, optional: false) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try recorder.note(type, key, optional: false) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try recorder.note(type, key, optional: false) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try recorder.note(type, key, optional: false) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        _ = try recorder.note(type, key, optional: true)
        return nil
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        _ = try recorder.note(type, key, optional: true)
        return nil
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        _ = try recorder.note(type, key, optional: true)
        return nil
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        _ = try recorder.note(type, key, optional: true)
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw SchemaReader.Unreadable(description: "a nested container at \(key.stringValue)")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw SchemaReader.Unreadable(description: "a nested list at \(key.stringValue)")
    }

    func superDecoder() throws -> any Decoder { recorder }
    func superDecoder(forKey key: Key) throws -> any Decoder { recorder }
}
