import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Comma-separated values as spreadsheets write them (RFC 4180: quotes, doubled quotes, line breaks in quotes),
/// read piece by piece so that a large file never has to be in memory at once.
public enum CSV {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Text from the whole bytes of a file (see `Decoder`).
    public static func text(from data: Data) throws -> String {
        var decoder = Decoder()
        return try decoder.decode(data, final: true)
    }

    /// The rows of `text`; a final line break does not make an empty row.
    public static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var parser = Parser()
        parser.feed(text) { rows.append($0) }
        try parser.finish { rows.append($0) }
        return rows
    }

    /// A CSV document of `rows`: UTF-8 with a byte-order mark, so that Excel on a Chinese Windows opens it without
    /// mojibake; CR LF line ends; fields quoted only where they must be.
    public static func document(_ rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Turns the bytes of a file, given in pieces, into text: UTF-8 with or without a byte-order mark, or GBK /
    /// GB18030 as Excel and WPS save "CSV" on Chinese Windows. The encoding is decided by the first piece with a
    /// non-ASCII character. UTF-16 and bytes valid in neither are refused with advice, never read as mojibake.
    public struct Decoder {
        private enum Encoding { case undecided, utf8, gb18030 }

        private var encoding = Encoding.undecided
        private var carry: [UInt8] = []
        private var started = false
        private var lines = 0

        public init() {}

        /// The text of the complete lines so far; a partial last line is kept for the next piece.
        public mutating func decode(_ piece: Data, final: Bool) throws -> String {
            var bytes = carry + piece
            if !started && (bytes.count >= 8 || final) {
                started = true
                try checkStart(&bytes)
            }
            // Line feed and carriage return bytes are never part of a UTF-8 or GB18030 multi-byte character: cut after
            // the last one (a file may end its lines with CR alone, as old Mac programs did).
            let cut =
                final ? bytes.count : (started ? (bytes.lastIndex { $0 == 0x0A || $0 == 0x0D }.map { $0 + 1 } ?? 0) : 0)
            carry = Array(bytes[cut...])
            let complete = bytes[..<cut]
            defer { lines += Self.lineCount(complete) }
            if complete.isEmpty { return "" }
            if encoding != .gb18030, let text = String(validating: complete, as: UTF8.self) {
                if encoding == .undecided && complete.contains(where: { $0 >= 0x80 }) { encoding = .utf8 }
                return text
            }
            if encoding != .utf8, let text = Self.gb18030(complete) {
                encoding = .gb18030
                return text
            }
            throw Problem(
                description: "第 \(lines + 1) 行起的内容既不是 UTF-8 也不是 GBK 编码，请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”后再导入")
        }

        /// Takes the byte-order marks off the start (a file saved twice may carry two) and refuses UTF-16 and UTF-32,
        /// which neither Excel nor WPS reads back as CSV.
        private mutating func checkStart(_ bytes: inout [UInt8]) throws {
            let advice = "请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”后再导入"
            if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
                throw Problem(description: "文件是 UTF-32 编码，" + advice)
            }
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                throw Problem(description: "文件是 UTF-16 编码，" + advice)
            }
            while bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes.removeFirst(3)
                encoding = .utf8
            }
            if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) {
                bytes.removeFirst(4)
                encoding = .gb18030
            }
        }

        /// Line ends: LF, CR LF, or CR alone.
        static func lineCount(_ bytes: ArraySlice<UInt8>) -> Int {
            var count = 0
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x0A && previous != 0x0D || byte == 0x0D { count += 1 }
                previous = byte
            }
            return count
        }

        /// GB18030 (a superset of GBK and GB2312) through the C library's iconv; nil when the bytes are not valid.
        static func gb18030(_ bytes: ArraySlice<UInt8>) -> String? {
            let converter = iconv_open("UTF-8", "GB18030")
            guard converter != iconv_t(bitPattern: -1) else { return nil }
            defer { iconv_close(converter) }
            var input = Array(bytes)
            var output = [UInt8](repeating: 0, count: input.count * 2 + 4)
            let written: Int? = input.withUnsafeMutableBytes { inRaw in
                output.withUnsafeMutableBytes { outRaw in
                    var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var inLeft = inRaw.count
                    var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outLeft = outRaw.count
                    guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else {
                        return nil
                    }
                    return outRaw.count - outLeft
                }
            }
            return written.flatMap { String(validating: output[..<$0], as: UTF8.self) }
        }
    }

    /// Reads CSV text given in pieces and hands over each complete row.
    public struct Parser {
        private var row: [String] = []
        private var field = ""
        private var quoted = false
        /// A quote inside a quoted field: the next character decides whether it is doubled or closes the field.
        private var quoteSeen = false
        private var afterCarriageReturn = false
        private var rowCount = 0

        public init() {}

        public mutating func feed(_ text: String, emit: ([String]) throws -> Void) rethrows {
            for scalar in text.unicodeScalars {
                try take(scalar, emit: emit)
            }
        }

        /// Ends the text; a last row without a line break is handed over here.
        public mutating func finish(emit: ([String]) throws -> Void) throws {
            if quoteSeen {
                quoteSeen = false
                quoted = false
            }
            if quoted { throw Problem(description: "第 \(rowCount + 1) 行：引号没有成对闭合") }
            if !field.isEmpty || !row.isEmpty { try endRow(emit) }
        }

        private mutating func take(_ scalar: Unicode.Scalar, emit: ([String]) throws -> Void) rethrows {
            if afterCarriageReturn {
                afterCarriageReturn = false
                if scalar == "\n" { return }
            }
            if quoteSeen {
                quoteSeen = false
                if scalar == "\"" {
                    field.unicodeScalars.append("\"")
                    return
                }
                quoted = false
            } else if quoted {
                if scalar == "\"" { quoteSeen = true } else { field.unicodeScalars.append(scalar) }
                return
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r":
                afterCarriageReturn = true
                try endRow(emit)
            case "\n": try endRow(emit)
            default: field.unicodeScalars.append(scalar)
            }
        }

        private mutating func endRow(_ emit: ([String]) throws -> Void) rethrows {
            row.append(field)
            rowCount += 1
            let complete = row
            (row, field) = ([], "")
            try emit(complete)
        }
    }
}
