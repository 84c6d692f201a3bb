import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Minimal .xlsx (Office Open XML) reading and writing: one sheet of text cells, which is what ledgers and imports
/// exchange. Reading refuses oversized or malformed workbooks with a message instead of exhausting memory.
enum XLSX {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    /// The most any other part of a workbook (shared strings, workbook, relations) may expand to in memory.
    static let maximumPartSize = 64 << 20
    /// The most the worksheet itself may expand to; it is unpacked to disk, not memory.
    static let maximumSheetSize = 1 << 30

    struct Problem: Error, CustomStringConvertible, Equatable {
        let description: String
    }

    // MARK: writing

    static func workbook(sheet: String, rows: [[String]]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relNS = "http://schemas.openxmlformats.org/package/2006/relationships"
        let docRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#
            ),
            (
                "_rels/.rels",
                #"<Relationships xmlns="\#(relNS)"><Relationship Id="rId1" Type="\#(docRel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
            (
                "xl/workbook.xml",
                #"<workbook xmlns="\#(mainNS)" xmlns:r="\#(docRel)"><sheets><sheet name="\#(escape(sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<Relationships xmlns="\#(relNS)"><Relationship Id="rId1" Type="\#(docRel)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
            ("xl/worksheets/sheet1.xml", worksheet(rows, namespace: mainNS)),
        ]
        for (path, xml) in parts {
            let data = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml).utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Problem(description: "无法生成 .xlsx 文件") }
        return data
    }

    private static func worksheet(_ rows: [[String]], namespace: String) -> String {
        var xml = #"<worksheet xmlns="\#(namespace)"><sheetData>"#
        for (r, row) in rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() {
                xml +=
                    #"<c r="\#(column(c))\#(r + 1)" t="inlineStr"><is><t xml:space="preserve">\#(escape(cell))</t></is></c>"#
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A, B, … Z, AA, AB, …
    static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: reading

    /// The first worksheet's rows as text; empty cells are "", short rows are not padded, rows the sheet leaves out
    /// are empty rows.
    static func rows(of data: Data) throws -> [[String]] {
        var rows: [[String]] = []
        try eachRow(of: Archive(data: data, accessMode: .read)) { number, cells in
            while rows.count < number - 1 { rows.append([]) }
            rows.append(cells)
        }
        return rows
    }

    /// Hands over the first worksheet's rows one at a time with their sheet row numbers. The sheet is unpacked to a
    /// temporary file and parsed from there, so a large workbook is never in memory at once; only its shared
    /// strings are.
    static func eachRow(
        of opening: @autoclosure () throws -> Archive, maximumSheetSize: Int = maximumSheetSize,
        _ body: (Int, [String]) throws -> Void
    ) throws {
        let archive: Archive
        do {
            archive = try opening()
        } catch {
            throw Problem(description: "不是有效的 .xlsx 文件（无法作为压缩包打开）")
        }
        let strings = try part("xl/sharedStrings.xml", of: archive).map { try SheetParser.sharedStrings($0) } ?? []
        guard let path = try firstSheetPath(archive), let entry = archive[path] else {
            throw Problem(description: "不是有效的 .xlsx 文件（找不到工作表）")
        }
        let unpacked = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fuyuan-sheet-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: unpacked) }
        guard FileManager.default.createFile(atPath: unpacked.path, contents: nil),
            let file = try? FileHandle(forWritingTo: unpacked)
        else { throw Problem(description: "无法写入临时文件") }
        var size = 0
        do {
            defer { try? file.close() }
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                size += chunk.count
                if size > maximumSheetSize {
                    throw Problem(description: "文件过大：工作表解压后超过 \(maximumSheetSize >> 20) MB")
                }
                try file.write(contentsOf: chunk)
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "不是有效的 .xlsx 文件（\(path) 已损坏）")
        }
        let head = try? FileHandle(forReadingFrom: unpacked).read(upToCount: 1 << 16)
        try refuseDTD(head ?? Data(), in: path)
        guard let stream = InputStream(url: unpacked) else { throw Problem(description: "无法读取工作表") }
        try withoutActuallyEscaping(body) { try SheetParser.rows(stream, sharedStrings: strings, $0) }
    }

    private static func firstSheetPath(_ archive: Archive) throws -> String? {
        guard let workbook = try part("xl/workbook.xml", of: archive),
            let rels = try part("xl/_rels/workbook.xml.rels", of: archive)
        else {
            return archive["xl/worksheets/sheet1.xml"] == nil ? nil : "xl/worksheets/sheet1.xml"
        }
        guard let id = try SheetParser.firstSheetRelation(workbook),
            let target = try SheetParser.relationTarget(rels, id: id)
        else { return nil }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    private static func part(_ path: String, of archive: Archive) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= maximumPartSize else {
            throw Problem(description: "文件过大：\(path) 解压后超过 \(maximumPartSize >> 20) MB")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maximumPartSize {
                    throw Problem(description: "文件过大：\(path) 解压后超过 \(maximumPartSize >> 20) MB")
                }
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "不是有效的 .xlsx 文件（\(path) 已损坏）")
        }
        try refuseDTD(data, in: path)
        return data
    }

    /// SpreadsheetML has no DTD. A part that brings one — entity bombs, external entities — is refused before it
    /// reaches the XML parser, so no entity is ever expanded or fetched. Looks at the prolog: what precedes the
    /// first element.
    static func refuseDTD(_ head: Data, in path: String) throws {
        let bytes = [UInt8](head.prefix(1 << 16))
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x3C, 0x00])
            || bytes.starts(with: [0x00, 0x3C])
        {
            throw Problem(description: "不是有效的 .xlsx 文件（\(path) 不是 UTF-8 编码）")
        }
        let doctype = Array("<!DOCTYPE".utf8)
        for index in bytes.indices.dropLast() where bytes[index] == UInt8(ascii: "<") {
            if bytes[index...].starts(with: doctype) {
                throw Problem(description: "不是有效的 .xlsx 文件（\(path) 含有 DTD 或实体声明）")
            }
            let next = bytes[index + 1]
            if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return }
        }
        if bytes.count == 1 << 16 { throw Problem(description: "不是有效的 .xlsx 文件（\(path) 的开头过长）") }
    }
}

/// Streaming readers of the few SpreadsheetML parts an import needs. External entities are never resolved, and a
/// part with a DTD never reaches the parser (`XLSX.refuseDTD`).
private final class SheetParser: NSObject, XMLParserDelegate {
    /// Excel's own limit for a cell.
    static let maximumCellLength = 32_767

    private enum Mode { case sharedStrings, sheet, workbook, rels(String) }

    private let mode: Mode
    private var sharedStrings: [String] = []
    private var strings: [String] = []
    private var row: [String] = []
    private var rowNumber = 0
    private var onRow: (Int, [String]) throws -> Void = { _, _ in }
    /// What `onRow` threw; parsing stops there.
    private var failure: (any Error)?
    private var text = ""
    private var inText = false
    private var cellType = ""
    private var cellColumn = 0
    private var value = ""
    private var found: String?

    private init(mode: Mode, sharedStrings: [String] = []) {
        self.mode = mode
        self.sharedStrings = sharedStrings
    }

    private func run(_ parser: XMLParser) throws {
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let parsed = parser.parse()
        if let failure { throw failure }
        guard parsed else { throw XLSX.Problem(description: "不是有效的 .xlsx 文件（内容不是有效的 XML）") }
    }

    private func run(_ data: Data) throws { try run(XMLParser(data: data)) }

    static func sharedStrings(_ data: Data) throws -> [String] {
        let parser = SheetParser(mode: .sharedStrings)
        try parser.run(data)
        return parser.strings
    }

    static func rows(
        _ stream: InputStream, sharedStrings: [String], _ body: @escaping (Int, [String]) throws -> Void
    ) throws {
        let parser = SheetParser(mode: .sheet, sharedStrings: sharedStrings)
        parser.onRow = body
        try parser.run(XMLParser(stream: stream))
    }

    static func firstSheetRelation(_ data: Data) throws -> String? {
        let parser = SheetParser(mode: .workbook)
        try parser.run(data)
        return parser.found
    }

    static func relationTarget(_ data: Data, id: String) throws -> String? {
        let parser = SheetParser(mode: .rels(id))
        try parser.run(data)
        return parser.found
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch (mode, name) {
        case (.workbook, "sheet") where found == nil:
            found = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
        case (.rels(let id), "Relationship") where attributes["Id"] == id:
            found = attributes["Target"]
        case (.sharedStrings, "si"):
            text = ""
        case (_, "t"):
            inText = true
        case (.sheet, "row"):
            row = []
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
        case (.sheet, "c"):
            cellType = attributes["t"] ?? ""
            cellColumn = attributes["r"].map(Self.columnIndex) ?? row.count
            value = ""
            text = ""
        case (.sheet, "v"):
            value = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string } else { value += string }
        if text.utf16.count > Self.maximumCellLength || value.utf16.count > Self.maximumCellLength {
            stop(XLSX.Problem(description: "第 \(rowNumber) 行有单元格内容超过 \(Self.maximumCellLength) 个字符"), parser)
        }
    }

    private func stop(_ problem: any Error, _ parser: XMLParser) {
        guard failure == nil else { return }
        failure = problem
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch (mode, name) {
        case (_, "t"):
            inText = false
        case (.sharedStrings, "si"):
            strings.append(text)
        case (.sheet, "c"):
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            let cell: String =
                switch cellType {
                case "s": Int(trimmed).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
                case "inlineStr": text
                default: trimmed
                }
            while row.count < cellColumn { row.append("") }
            row.append(cell)
        case (.sheet, "row") where failure == nil:
            do { try onRow(rowNumber, row) } catch { stop(error, parser) }
        default:
            break
        }
    }

    /// `C7` → 2.
    static func columnIndex(_ reference: String) -> Int {
        reference.unicodeScalars.prefix { $0.properties.isAlphabetic }.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}
