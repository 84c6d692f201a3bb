import Foundation

/// A pull tokenizer for the XML of office files (SpreadsheetML, WordprocessingML), fed bytes in pieces as they are
/// unpacked, so that a part of any size is read in bounded memory and no temporary file.
///
/// It reads UTF-8 only and refuses what office files never hold: a DTD (so no entity is ever declared, expanded or
/// fetched), another encoding, a tag or a run of text longer than `maximumTokenLength`, unbalanced tags. Element and
/// attribute names are given without their namespace prefix (`x:row` is `row`), as writers differ in prefixes.
public struct XMLScanner {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public struct Element {
        public let name: String
        public let attributes: [String: String]
        public subscript(_ attribute: String) -> String? { attributes[attribute] }
    }

    public enum Token {
        case start(Element)
        case end(String)
        /// Character data, entities resolved; only when `wantsText` was set before it was read.
        case text(String)
    }

    /// Whether the next runs of text are decoded and handed over; when false they are skipped unread.
    public var wantsText = false
    public let maximumTokenLength: Int

    private var buffer: [UInt8] = []
    private var position = 0
    /// The names of the open elements, copied out of the buffer (a slice would keep the buffer from being reused).
    private var open: [[UInt8]] = []
    private var pendingEnd: String?
    private var started = false
    private var sawRoot = false
    private var finished = false

    public init(maximumTokenLength: Int = 1 << 20) {
        self.maximumTokenLength = maximumTokenLength
    }

    /// Adds the next piece of the document.
    public mutating func feed(_ bytes: some Collection<UInt8>) {
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next token; nil when the bytes fed so far hold no complete one (or, once `final`, at the end).
    public mutating func next(final: Bool = false) throws -> Token? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        if !started {
            guard try start(final: final) else { return nil }
        }
        while true {
            guard position < buffer.count else {
                if final { try finish() }
                return nil
            }
            if buffer[position] != UInt8(ascii: "<") {
                guard let token = try text(final: final) else { return nil }
                if let token { return token }
                continue
            }
            guard let end = tagEnd() else {
                if final { throw Problem(description: "内容不是有效的 XML（标签没有结束）") }
                if buffer.count - position > maximumTokenLength { throw Problem(description: "内容不是有效的 XML（标签过长）") }
                return nil
            }
            let tag = buffer[(position + 1)..<end]
            position = end + 1
            if let token = try markup(tag) { return token }
        }
    }

    // MARK: the prolog

    /// Checks the encoding before anything is read: a byte-order mark of UTF-16 or UTF-32, or anything that does
    /// not begin with `<` (EBCDIC, for one) is not UTF-8.
    private mutating func start(final: Bool) throws -> Bool {
        guard buffer.count >= 8 || final else { return false }
        started = true
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        while position < buffer.count, Self.isSpace(buffer[position]) { position += 1 }
        guard position < buffer.count else { return true }
        guard buffer[position] == UInt8(ascii: "<"), position + 1 < buffer.count, buffer[position + 1] != 0 else {
            throw Problem(description: "内容不是 UTF-8 编码的 XML")
        }
        return true
    }

    private func finish() throws {
        guard sawRoot else { throw Problem(description: "内容不是有效的 XML（没有任何元素）") }
        guard open.isEmpty else { throw Problem(description: "内容不是有效的 XML（文件不完整）") }
    }

    // MARK: markup

    /// Where the markup that starts at `position` ends (the index of its `>`), honouring quotes, comments and
    /// CDATA sections; nil when it is not complete yet.
    private func tagEnd() -> Int? {
        let rest = buffer[position...]
        if rest.starts(with: Self.commentOpen) { return Self.find(Self.commentClose, in: buffer, from: position + 4) }
        if rest.starts(with: Self.cdataOpen) { return Self.find(Self.cdataClose, in: buffer, from: position + 9) }
        var quote: UInt8 = 0
        var index = position + 1
        while index < buffer.count {
            let byte = buffer[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    private mutating func markup(_ tag: ArraySlice<UInt8>) throws -> Token? {
        guard let first = tag.first else { throw Problem(description: "内容不是有效的 XML（空标签）") }
        switch first {
        case UInt8(ascii: "?"):
            try checkDeclaration(tag)
            return nil
        case UInt8(ascii: "!"):
            if tag.starts(with: Self.commentOpen.dropFirst()) { return nil }
            if tag.starts(with: Self.cdataOpen.dropFirst()) {
                guard !open.isEmpty else { throw Problem(description: "内容不是有效的 XML（根元素之外有文字）") }
                let content = tag.dropFirst(8).dropLast(2)
                guard wantsText else { return nil }
                return .text(try Self.string(content))
            }
            throw Problem(description: "内容含有 DTD 或实体声明，不予读取")
        case UInt8(ascii: "/"):
            let name = Self.trimmed(tag.dropFirst())
            guard let last = open.popLast(), last.elementsEqual(name) else {
                throw Problem(description: "内容不是有效的 XML（结束标签不配对）")
            }
            return .end(try Self.localName(name))
        default:
            guard open.isEmpty ? !sawRoot : true else {
                throw Problem(description: "内容不是有效的 XML（有多个根元素）")
            }
            sawRoot = true
            let selfClosing = tag.last == UInt8(ascii: "/")
            let element = try Self.element(selfClosing ? tag.dropLast() : tag)
            if selfClosing {
                pendingEnd = element.name
            } else {
                open.append(Array(Self.nameBytes(tag)))
            }
            return .start(element)
        }
    }

    /// `<?xml version="1.0" encoding="…"?>`: any encoding other than UTF-8 is refused.
    private func checkDeclaration(_ tag: ArraySlice<UInt8>) throws {
        guard tag.starts(with: Array("?xml".utf8)), tag.count > 4, Self.isSpace(tag[tag.startIndex + 4]) else {
            return
        }
        let element = try Self.element(tag.dropFirst().dropLast())
        if let encoding = element["encoding"], encoding.lowercased() != "utf-8" && encoding.lowercased() != "utf8" {
            throw Problem(description: "内容不是 UTF-8 编码（声明为 \(encoding)）")
        }
    }

    // MARK: text

    /// A run of text up to the next `<`: `.some(nil)` when it was skipped, nil when it is not complete yet.
    private mutating func text(final: Bool) throws -> Token?? {
        guard let end = buffer[position...].firstIndex(of: UInt8(ascii: "<")) else {
            if final {
                guard buffer[position...].allSatisfy(Self.isSpace) else {
                    throw Problem(description: "内容不是有效的 XML（文件不完整）")
                }
                position = buffer.count
                return .some(nil)
            }
            if buffer.count - position > maximumTokenLength { throw Problem(description: "内容不是有效的 XML（文字过长）") }
            return nil
        }
        let run = buffer[position..<end]
        position = end
        if open.isEmpty {
            guard run.allSatisfy(Self.isSpace) else { throw Problem(description: "内容不是有效的 XML（根元素之外有文字）") }
            return .some(nil)
        }
        guard wantsText else { return .some(nil) }
        return .some(.text(try Self.decoded(run)))
    }

    // MARK: pieces

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func isNameByte(_ byte: UInt8) -> Bool { !isSpace(byte) && byte != UInt8(ascii: "=") && byte != 0x2F }

    /// The index of the last byte of the first `needle` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index + needle.count - 1
            }
            index += 1
        }
        return nil
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }

    private static func nameBytes(_ tag: ArraySlice<UInt8>) -> ArraySlice<UInt8> { tag.prefix(while: isNameByte) }

    private static func localName(_ name: ArraySlice<UInt8>) throws -> String {
        guard !name.isEmpty else { throw Problem(description: "内容不是有效的 XML（元素没有名称）") }
        let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
        return try string(local)
    }

    private static func string(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Problem(description: "内容不是有效的 UTF-8 文字")
        }
        return text
    }

    /// A start tag's name and attributes (`tag` without `<`, `>` and a closing `/`).
    private static func element(_ tag: ArraySlice<UInt8>) throws -> Element {
        let name = nameBytes(tag)
        var attributes: [String: String] = [:]
        var index = name.endIndex
        while true {
            while index < tag.endIndex, isSpace(tag[index]) { index += 1 }
            guard index < tag.endIndex else { break }
            let start = index
            while index < tag.endIndex, isNameByte(tag[index]) { index += 1 }
            let attribute = tag[start..<index]
            while index < tag.endIndex, isSpace(tag[index]) { index += 1 }
            guard !attribute.isEmpty, index < tag.endIndex, tag[index] == UInt8(ascii: "=") else {
                throw Problem(description: "内容不是有效的 XML（属性写法有误）")
            }
            index += 1
            while index < tag.endIndex, isSpace(tag[index]) { index += 1 }
            guard index < tag.endIndex, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") else {
                throw Problem(description: "内容不是有效的 XML（属性值缺少引号）")
            }
            let quote = tag[index]
            guard let close = tag[(index + 1)...].firstIndex(of: quote) else {
                throw Problem(description: "内容不是有效的 XML（属性值缺少引号）")
            }
            let value = try decoded(tag[(index + 1)..<close])
            index = close + 1
            if attribute.starts(with: Array("xmlns".utf8)) { continue }
            attributes[try localName(attribute)] = value
        }
        return Element(name: try localName(name), attributes: attributes)
    }

    /// Text with its entity and character references resolved.
    static func decoded(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return try string(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                index += 1
                continue
            }
            guard let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw Problem(description: "内容不是有效的 XML（“&”后没有实体名）")
            }
            let name = bytes[(index + 1)..<semicolon]
            out.append(contentsOf: try reference(name))
            index = semicolon + 1
        }
        return try string(out[...])
    }

    private static func reference(_ name: ArraySlice<UInt8>) throws -> [UInt8] {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        case let number where number.hasPrefix("#"):
            let digits = number.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else {
                throw Problem(description: "内容不是有效的 XML（字符引用 &\(number); 无效）")
            }
            return Array(String(Character(scalar)).utf8)
        case let other:
            throw Problem(description: "内容不是有效的 XML（未定义的实体 &\(other);）")
        }
    }
}
