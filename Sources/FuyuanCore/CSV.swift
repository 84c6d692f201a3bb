import Foundation

/// Comma-separated values as spreadsheets write them (RFC 4180: quotes, doubled quotes, line breaks in quotes).
public enum CSV {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Text from the bytes of a file: UTF-8, with or without a byte-order mark. Anything else is refused with
    /// advice, never read as mojibake.
    public static func text(from data: Data) throws -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw Problem(description: "文件是 UTF-16 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入")
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw Problem(description: "文件不是 UTF-8 编码（可能是 GBK），请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”后再导入")
        }
        return text
    }

    /// The rows of `text`; a final line break does not make an empty row.
    public static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = following
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r":
                let following = next()
                if following != "\n" { pending = following }
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            case "\n":
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            default: field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw Problem(description: "第 \(rows.count + 1) 行：引号没有成对闭合") }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
