/// JSON written straight into bytes, for the few answers too large for `JSONEncoder` to be quick (it builds a tree
/// of boxed values and sorts every object's keys). Writes what the app's `JSONEncoder` writes (`.sortedKeys`,
/// `.withoutEscapingSlashes`), byte for byte, given keys in that order; the answers' tests compare the two.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    private var first = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// An object: `body` writes its members with `key(_:)` then a value, keys sorted by their UTF-8 bytes.
    mutating func object(_ body: (inout JSONBytes) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        first = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONBytes, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        var firstElement = true
        for element in elements {
            if !firstElement { bytes.append(UInt8(ascii: ",")) }
            firstElement = false
            body(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    mutating func key(_ name: StaticString) {
        write(first ? "\"" : ",\"")
        first = false
        write(name)
        write("\":")
    }

    mutating func int(_ value: Int) {
        guard value != 0 else {
            write("0")
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { space in
            var magnitude = value.magnitude
            var start = space.count
            while magnitude > 0 {
                start -= 1
                space[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            if value < 0 {
                start -= 1
                space[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: space[start...]))
        }
    }

    mutating func bool(_ value: Bool) { write(value ? "true" : "false") }

    /// As `JSONEncoder` writes a `Double?`: `null`, or its shortest form without a trailing ".0".
    mutating func double(_ value: Double?) {
        guard let value else {
            write("null")
            return
        }
        var text = value.description
        text.withUTF8 { text in
            let whole = text.count > 2 && text[text.count - 2] == UInt8(ascii: ".") && text.last == UInt8(ascii: "0")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<(whole ? text.count - 2 : text.count)]))
        }
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            var value = value
            value.withUTF8 { bytes.append(contentsOf: $0) }
        } else {
            for byte in value.utf8 { escape(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): write("\\\"")
        case UInt8(ascii: "\\"): write("\\\\")
        case 0x08: write("\\b")
        case 0x0C: write("\\f")
        case 0x0A: write("\\n")
        case 0x0D: write("\\r")
        case 0x09: write("\\t")
        case ..<0x20:
            let hex: StaticString = "0123456789abcdef"
            write("\\u00")
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }

    /// A constant's bytes, copied whole.
    private mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
