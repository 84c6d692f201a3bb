import Foundation
import FuyuanCore

/// A value the API sends as one JSON scalar, with its schema and a stand-in value for `SchemaReader`.
protocol APIScalar: Decodable {
    static var apiSchema: JSONValue { get }
    static var standIn: Self { get }
}

/// A choice among named values, sent as its raw string: the schema lists every choice.
protocol APIChoices: RawRepresentable<String> {
    static var apiChoices: [Self] { get }
    /// Said of the value wherever it is used.
    static var apiNote: String? { get }
}

extension APIChoices where Self: CaseIterable {
    static var apiChoices: [Self] { Array(allCases) }
}

extension APIChoices {
    static var apiNote: String? { nil }

    /// Every choice's raw value, with the note.
    static var apiSchema: JSONValue {
        var schema: JSONValue = ["type": "string", "enum": .array(apiChoices.map { .string($0.rawValue) })]
        if let apiNote { schema["description"] = .string(apiNote) }
        return schema
    }
}

/// What a JSON shape says of its fields beyond their Swift types: a description, a format, a nullability other than
/// the default.
protocol APIFieldNotes {
    static var apiFields: [String: APIField] { get }
}

struct APIField: Sendable {
    var description: String? = nil
    var format: String? = nil
    /// Overrides the default: an optional field of an answer may be null, of a request body it is left out.
    var nullable: Bool? = nil
    /// An optional field written as `null` rather than left out.
    var alwaysSent = false
    /// Further keywords of the field's schema (`minimum`, `pattern`, …).
    var more: JSONValue = [:]
}

extension String: APIScalar {
    static var apiSchema: JSONValue { ["type": "string"] }
    static var standIn: String { "" }
}

extension Int: APIScalar {
    static var apiSchema: JSONValue { ["type": "integer"] }
    static var standIn: Int { 0 }
}

/// Money in fen.
extension Int64: APIScalar {
    static var apiSchema: JSONValue { ["type": "integer", "format": "int64"] }
    static var standIn: Int64 { 0 }
}

extension Bool: APIScalar {
    static var apiSchema: JSONValue { ["type": "boolean"] }
    static var standIn: Bool { false }
}

extension Double: APIScalar {
    static var apiSchema: JSONValue { ["type": "number"] }
    static var standIn: Double { 0 }
}

extension UUID: APIScalar {
    static var apiSchema: JSONValue { ["type": "string", "format": "uuid"] }
    static var standIn: UUID { UUID() }
}

extension Date: APIScalar {
    static var apiSchema: JSONValue { ["type": "string", "format": "date-time"] }
    static var standIn: Date { Date(timeIntervalSince1970: 0) }
}

extension CalendarDay: APIScalar {
    static var apiSchema: JSONValue {
        ["type": "string", "format": "date", "description": "YYYY-MM-DD（亦接受 2023/7/24、2023年7月24日）"]
    }
    static var standIn: CalendarDay { CalendarDay(year: 2000, month: 1, clampingDay: 1) }
}

/// The containers `SchemaReader` looks through: optionals, arrays and dictionaries keyed by strings.
protocol APIOptional {
    static var wrapped: any Decodable.Type { get }
    static var absent: Self { get }
}

extension Optional: APIOptional where Wrapped: Decodable {
    static var wrapped: any Decodable.Type { Wrapped.self }
    static var absent: Self { nil }
}

protocol APIArray {
    static var element: any Decodable.Type { get }
    static var empty: Self { get }
}

extension Array: APIArray where Element: Decodable {
    static var element: any Decodable.Type { Element.self }
    static var empty: Self { [] }
}

protocol APIDictionary {
    static var value: any Decodable.Type { get }
    static var empty: Self { get }
}

extension Dictionary: APIDictionary where Key == String, Value: Decodable {
    static var value: any Decodable.Type { Value.self }
    static var empty: Self { [:] }
}
