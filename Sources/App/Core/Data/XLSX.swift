import Foundation
import ZIPFoundation

/// .xlsx (Office Open XML) files: written as one sheet of text cells, which is what ledgers and exports give;
/// read as office programs write them (`XLSX+Reading.swift`).
enum XLSX {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    typealias Problem = OfficeArchive.Problem

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
}
