/// A small typed HTML builder. Text and attribute values are always escaped; only the page shell's
/// own constant markup is written raw.
struct Node: Sendable {
    fileprivate enum Kind: Sendable {
        case element(String, [Attr], [Node], void: Bool)
        case text(String)
        case doctype
    }

    fileprivate let kind: Kind

    static func text(_ value: String) -> Node { Node(kind: .text(value)) }
    static let doctype = Node(kind: .doctype)

    func render(into out: inout String) {
        switch kind {
        case .doctype:
            out += "<!DOCTYPE html>"
        case .text(let value):
            HTMLEscape.text(value, into: &out)
        case let .element(name, attrs, children, void):
            out += "<"
            out += name
            for attr in attrs where !attr.name.isEmpty {
                out += " "
                out += attr.name
                if let value = attr.value {
                    out += "=\""
                    HTMLEscape.attribute(value, into: &out)
                    out += "\""
                }
            }
            out += ">"
            if void { return }
            for child in children { child.render(into: &out) }
            out += "</"
            out += name
            out += ">"
        }
    }

    var rendered: String {
        var out = ""
        render(into: &out)
        return out
    }
}

struct Attr: Sendable {
    let name: String
    let value: String?

    static func attr(_ name: String, _ value: String) -> Attr { Attr(name: name, value: value) }
    static func flag(_ name: String) -> Attr { Attr(name: name, value: nil) }
    /// `attr` when `condition` holds, otherwise nothing.
    static func when(_ condition: Bool, _ attr: Attr) -> Attr { condition ? attr : Attr(name: "", value: nil) }
    static func `class`(_ value: String) -> Attr { .attr("class", value) }
    static func id(_ value: String) -> Attr { .attr("id", value) }
    static func href(_ path: SitePath) -> Attr { .attr("href", path.url) }
    static func action(_ path: SitePath) -> Attr { .attr("action", path.url) }
    static func name(_ value: String) -> Attr { .attr("name", value) }
    static func value(_ value: String) -> Attr { .attr("value", value) }
    static func type(_ value: String) -> Attr { .attr("type", value) }
    static func `for`(_ value: String) -> Attr { .attr("for", value) }
    static let post = Attr.attr("method", "post")
    static let get = Attr.attr("method", "get")
    static let required = Attr.flag("required")
    static let selected = Attr.flag("selected")
    static let checked = Attr.flag("checked")
}

/// Escapes text and attribute values into the page being rendered. Works on UTF-8 bytes: the characters it
/// replaces are ASCII, which never occur inside a multi-byte sequence, and a run without them is copied at once.
enum HTMLEscape {
    static func text(_ value: String, into out: inout String) { escape(value, quotes: false, into: &out) }

    static func attribute(_ value: String, into out: inout String) { escape(value, quotes: true, into: &out) }

    private static func escape(_ value: String, quotes: Bool, into out: inout String) {
        let bytes = value.utf8
        var copied = bytes.startIndex
        var index = copied
        while index != bytes.endIndex {
            let replacement: String? =
                switch bytes[index] {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): quotes ? "&quot;" : nil
                case UInt8(ascii: "'"): quotes ? "&#39;" : nil
                default: nil
                }
            let next = bytes.index(after: index)
            if let replacement {
                out += value[copied..<index]
                out += replacement
                copied = next
            }
            index = next
        }
        out += value[copied...]
    }
}

@resultBuilder
enum NodeBuilder {
    static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    static func buildExpression(_ node: Node) -> [Node] { [node] }
    static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}

func element(_ name: String, _ attrs: [Attr], @NodeBuilder _ content: () -> [Node]) -> Node {
    Node(kind: .element(name, attrs, content(), void: false))
}

func voidElement(_ name: String, _ attrs: [Attr]) -> Node {
    Node(kind: .element(name, attrs, [], void: true))
}

// The elements the pages use.
func div(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("div", attrs, c) }
func span(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("span", attrs, c) }
func p(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("p", attrs, c) }
func a(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("a", attrs, c) }
func h1(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("h1", attrs, c) }
func h2(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("h2", attrs, c) }
func h3(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("h3", attrs, c) }
func strong(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("strong", attrs, c) }
func small(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("small", attrs, c) }
func ul(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("ul", attrs, c) }
func ol(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("ol", attrs, c) }
func li(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("li", attrs, c) }
func dl(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("dl", attrs, c) }
func dt(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("dt", attrs, c) }
func dd(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("dd", attrs, c) }
func table(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("table", attrs, c) }
func thead(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("thead", attrs, c) }
func tbody(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("tbody", attrs, c) }
func tr(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("tr", attrs, c) }
func th(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("th", attrs, c) }
func td(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("td", attrs, c) }
func form(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("form", attrs, c) }
func label(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("label", attrs, c) }
func select(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("select", attrs, c) }
func option(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("option", attrs, c) }
func button(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("button", attrs, c) }
func textarea(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("textarea", attrs, c) }
func fieldset(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("fieldset", attrs, c) }
func legend(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("legend", attrs, c) }
func section(_ attrs: Attr..., @NodeBuilder content c: () -> [Node] = { [] }) -> Node { element("section", attrs, c) }
func input(_ attrs: Attr...) -> Node { voidElement("input", attrs) }

/// An `<option>`, selected or not.
func choice(_ value: String, _ text: String, selected: Bool) -> Node {
    element("option", selected ? [.value(value), .selected] : [.value(value)]) { text }
}
