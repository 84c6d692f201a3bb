import Fluent
import Foundation
import Testing
import VaporTesting
import ZIPFoundation

@testable import App

/// Files made to hurt the importers — entity bombs, external entities, zip bombs, truncated archives, huge cells,
/// too many rows — are refused with a clear message, quickly and in bounded memory, and nothing is written. Each is
/// sent to every importer: ledger items and progress (page) and cases (page and API).
@Suite struct HostileFileTests {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A workbook whose first sheet and shared strings are the given XML.
    static func workbook(sheet: String, sharedStrings: String? = nil, sheetSize: Int? = nil) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let relNS = "http://schemas.openxmlformats.org/package/2006/relationships"
        let docRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, String)] = [
            (
                "xl/workbook.xml",
                #"<workbook xmlns="\#(mainNS)" xmlns:r="\#(docRel)"><sheets><sheet name="x" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<Relationships xmlns="\#(relNS)"><Relationship Id="rId1" Type="\#(docRel)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings)) }
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return try #require(archive.data)
    }

    /// A part of `size` bytes of the same character: a few hundred kilobytes packed, far more unpacked.
    static func bomb(path: String, size: Int) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let chunk = Data(repeating: UInt8(ascii: " "), count: 1 << 20)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate, bufferSize: 1 << 20
        ) { _, count in chunk.prefix(count) }
        return try #require(archive.data)
    }

    static let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY a "lollollollollollollollollollol">\
        <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\
        <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">\
        <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">\
        <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>
        """

    static let external = """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
        """

    static func sheet(_ cell: String) -> String {
        #"<worksheet xmlns="\#(mainNS)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>\#(cell)</t></is></c></row></sheetData></worksheet>"#
    }

    static func sharedStringsSheet() -> String {
        #"<worksheet xmlns="\#(mainNS)"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#
    }

    /// The hostile workbooks, each with the words its refusal must contain.
    static func files() throws -> [(name: String, data: Data, reason: String)] {
        let dtd = "含有 DTD 或实体声明"
        return [
            ("entity bomb in the sheet", try workbook(sheet: laughs + sheet("&i;")), dtd),
            (
                "entity bomb in the shared strings",
                try workbook(
                    sheet: sharedStringsSheet(),
                    sharedStrings: laughs + #"<sst xmlns="\#(mainNS)"><si><t>&i;</t></si></sst>"#), dtd
            ),
            ("external entity", try workbook(sheet: external + sheet("&secret;")), dtd),
            ("zip bomb in the shared strings", try bomb(path: "xl/sharedStrings.xml", size: 65 << 20), "解压后超过 64 MB"),
            (
                "a cell longer than Excel allows",
                try workbook(sheet: sheet(String(repeating: "长", count: 40_000))), "单元格内容超过 32767 个字符"
            ),
            ("truncated", try workbook(sheet: sheet("事项")).prefix(200), "不是有效的 .xlsx 文件"),
        ]
    }

    @Test func everyImporterRefusesHostileWorkbooks() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let court = try await app.signIn("lushan.court")
            let list = try #require(
                try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
            let before = try await counts(app)
            for (name, data, reason) in try Self.files() {
                for kind in ["items", "progress"] {
                    let page = try await app.upload(
                        "/regions/411322/ledger/import", as: office,
                        fields: [("listID", list.id!.uuidString), ("kind", kind)], fileName: "x.xlsx", data: data)
                    #expect(page.status == .unprocessableEntity, "\(name), ledger \(kind)")
                    #expect(page.text.contains(reason), "\(name), ledger \(kind): \(page.text.prefix(300))")
                }
                let api = try await app.send(
                    .POST, "/api/v1/litigation/cases/import", as: court, headers: [("Content-Type", XLSX.contentType)],
                    body: data)
                #expect(api.status == .unprocessableEntity, "\(name), case API")
                #expect(api.text.contains(reason), "\(name), case API: \(api.text.prefix(300))")
                let page = try await app.send(
                    .POST, "/regions/410423/litigation/cases/import", as: court,
                    headers: [("Content-Type", XLSX.contentType)], body: data)
                #expect(page.text.contains(#""refused""#) && page.text.contains(reason), "\(name), case page")
            }
            #expect(try await counts(app) == before)
        }
    }

    /// The worksheet is unpacked to disk up to its cap, never into memory; past the cap the file is refused.
    @Test func aWorksheetPastItsCapIsRefused() throws {
        let data = try Self.bomb(path: "xl/worksheets/sheet1.xml", size: 9 << 20)
        #expect(throws: XLSX.Problem(description: "文件过大：工作表解压后超过 8 MB")) {
            try XLSX.eachRow(of: try Archive(data: data, accessMode: .read), maximumSheetSize: 8 << 20) { _, _ in }
        }
    }

    /// A ledger import is a list: a file of 100 000 rows is a wrong file, refused at once.
    @Test func aHundredThousandRowLedgerFileIsRefused() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let list = try #require(
                try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
            var csv = "事项,牵头单位,完成时限\n"
            for number in 1...100_000 { csv += "事项\(number),县法院,2027年6月30日\n" }
            let before = try await counts(app)
            let response = try await app.upload(
                "/regions/411322/ledger/import", as: office,
                fields: [("listID", list.id!.uuidString), ("kind", "items")],
                fileName: "x.csv", data: Data(csv.utf8))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("<td>5002</td><td></td><td>行数过多：一次最多导入 5000 行，请分批导入</td>"))
            #expect(try await counts(app) == before)
        }
    }

    /// A case file of 100 000 rows that are all wrong: the first 500 problems are listed, the rest are only read.
    @Test func aHundredThousandBadCaseRowsAreRefusedAtTheLimit() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            var csv = LitigationAPITests.header
            for number in 1...100_000 {
                csv += "（2025）豫0423行初\(number)号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2025-02-30,,,,,,,,\n"
            }
            let before = try await counts(app)
            let response = try await app.send(
                .POST, "/api/v1/litigation/cases/import", as: court, headers: [("Content-Type", "text/csv")],
                body: Data(csv.utf8))
            #expect(response.status == .unprocessableEntity)
            struct Refusal: Decodable { let rows: [SpreadsheetImport.RowProblem] }
            let rows = try JSONDecoder().decode(Refusal.self, from: Data(response.body.readableBytesView)).rows
            #expect(rows.count == 501)
            let reason = "无法识别日期“2025-02-30”，可写 2023-07-24、2023/7/24 或 2023年7月24日"
            #expect(rows.first == .init(row: 2, column: "立案日期", reason: reason))
            #expect(rows.last == .init(row: 0, column: "", reason: "问题超过 500 处，只列出前 500 处"))
            #expect(rows[499].row == 501)
            #expect(try await counts(app) == before)
        }
    }

    func counts(_ app: Application) async throws -> [Int] {
        [
            try await WorkItem.query(on: app.db).count(), try await ProgressReport.query(on: app.db).count(),
            try await AdminCase.query(on: app.db).count(), try await AuditEntry.query(on: app.db).count(),
        ]
    }
}
