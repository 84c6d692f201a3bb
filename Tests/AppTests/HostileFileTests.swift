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
    static func workbook(sheet: String, sharedStrings: String? = nil) throws -> Data {
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
        return try OfficeFileTests.archive(parts)
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
            ("a directory pointing past the end", try pastTheEnd(workbook(sheet: sheet("事项"))), "不是有效的 .xlsx 文件"),
        ]
    }

    /// `data` with every entry of its central directory saying its local header starts past the end of the file (the
    /// file fuzzer's find: ZIPFoundation's in-memory archive traps on it).
    static func pastTheEnd(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        for start in 0..<(bytes.count - 46) where Array(bytes[start..<start + 4]) == signature {
            bytes.replaceSubrange(start + 42..<start + 46, with: [0xF0, 0xFF, 0xFF, 0x7F])
        }
        return Data(bytes)
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
            try XLSX.eachRow(of: try Archive(data: data, accessMode: .read), budget: .init(sheetBytes: 8 << 20)) { _ in
            }
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

/// What people really send by mistake, and files made to stall or crash the reader: each refused (or read) with a
/// message that says what the file is and what to do.
@Suite struct UploadMessageTests {
    static let mainNS = HostileFileTests.mainNS

    /// Refusals of `data` by the ledger's item import, as the page lists them.
    func refusal(_ app: Application, _ data: Data, name: String = "x.csv") async throws -> String {
        let office = try await app.signIn("fangcheng.office")
        let list = try #require(
            try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
        let page = try await app.upload(
            "/regions/411322/ledger/import", as: office,
            fields: [("listID", try list.requireID().uuidString), ("kind", "items")], fileName: name, data: data)
        #expect(page.status == .unprocessableEntity, "\(name)")
        return page.text
    }

    @Test func wrongKindsOfFileAreNamed() async throws {
        try await withTestApp { app in
            // setup
            let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0])
            let pdf = Data("%PDF-1.7\n台账\n%%EOF".utf8)
            let utf32 = Data([0xFF, 0xFE, 0x00, 0x00, 0x8B, 0x4E, 0x00, 0x00])
            // act, check
            let answers = [
                try await refusal(app, xls, name: "台账.xlsx"), try await refusal(app, pdf, name: "台账.csv"),
                try await refusal(app, utf32),
            ]
            #expect(answers[0].contains("这是旧版 Excel（.xls）或 WPS（.et）格式的文件：请在 Excel 或 WPS 中“另存为” .xlsx 工作簿后再导入"))
            #expect(answers[1].contains("这是 PDF 文件，不是表格：请上传 .xlsx 工作簿或 CSV 文件"))
            #expect(answers[2].contains("文件是 UTF-32 编码"))
        }
    }

    @Test func marksAndATitleRowBeforeTheHeaderAreRead() async throws {
        try await withTestApp { app in
            // setup: saved twice with a byte-order mark each time; GB18030 with its own mark; a title above the
            // header; CR alone at the ends of lines
            let body = "事项,完成时限,牵头单位\r查无此事,2027年6月30日,不存在的单位\r"
            let twice = Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(body.utf8))
            let encoded = "ysLP7izN6rPJyrHP3izHo823taXOuw2y6c7etMvKwiwyMDI3xOo21MIzMMjVLLK7tObU2rXEtaXOuw0="
            let gb18030 = Data([0x84, 0x31, 0x95, 0x33]) + (try #require(Data(base64Encoded: encoded)))
            let titled = Data(("方城县府院联动工作台账（2026年）\n\n" + body).utf8)
            // act, check: each is read to its data row, whose unit is unknown
            for (name, data, row) in [("twice", twice, 2), ("gb18030", gb18030, 2), ("titled", titled, 4)] {
                let text = try await refusal(app, data, name: name + ".csv")
                #expect(text.contains("<td>\(row)</td><td>牵头单位</td><td>方城县没有“不存在的单位”"), "\(name)")
            }
        }
    }

    @Test func cellReferencesBeyondXFDAreRefusedWithoutAllocating() throws {
        // setup
        func sheet(_ cells: String) throws -> Data {
            try HostileFileTests.workbook(
                sheet:
                    #"<worksheet xmlns="\#(Self.mainNS)"><sheetData><row r="2">\#(cells)</row></sheetData></worksheet>"#
            )
        }
        let overflow = try sheet(#"<c r="AAAAAAAAAAAAAAAA2"><v>1</v></c>"#)
        let wide = try sheet(String(repeating: #"<c r="ZZZZZ2"><v>1</v></c>"#, count: 10))
        let beyond = try sheet(#"<c r="XFE2"><v>1</v></c>"#)
        let last = try sheet(#"<c r="XFD2"><v>1</v></c>"#)
        // act, check
        for data in [overflow, wide, beyond] {
            #expect(throws: XLSX.Problem.self) { try XLSX.rows(of: data) }
        }
        #expect(try XLSX.rows(of: last)[1].count == 16_384)
    }

    @Test func aMillionStyledEmptyRowsEndTheSheetEarly() throws {
        // setup: the header, then rows that carry only a style, as Excel leaves them after formatting a column
        var xml =
            #"<worksheet xmlns="\#(Self.mainNS)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>事项</t></is></c></row>"#
        for row in 2...200_000 { xml += #"<row r="\#(row)" s="1" customFormat="1"><c r="A\#(row)" s="1"/></row>"# }
        xml += #"<row r="200001"><c r="A200001" t="inlineStr"><is><t>远处的一行</t></is></c></row></sheetData></worksheet>"#
        let data = try HostileFileTests.workbook(sheet: xml)
        // act
        let rows = try XLSX.rows(of: data)
        // check: reading stopped after 1 000 empty rows
        #expect(rows == [["事项"]])
    }

    @Test func aDoctypeInAnyEncodingIsRefused() throws {
        // setup: an EBCDIC (code page 037) sheet: `<?xml version="1.0" encoding="IBM037"?><!DOCTYPE x>`
        let ebcdic = Data([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40, 0xA5, 0x85, 0x99, 0xA2, 0x89, 0x96, 0x95, 0x7E, 0x7F])
        let data = try HostileFileTests.workbook(sheet: String(decoding: ebcdic, as: UTF8.self))
        // act, check
        #expect(throws: XLSX.Problem.self) { try XLSX.rows(of: data) }
        #expect(
            throws: XLSX.Problem(
                description: "不是有效的 .xlsx 文件（xl/worksheets/sheet1.xml：内容不是 UTF-8 编码（声明为 UTF-16））")
        ) {
            try XLSX.rows(
                of: HostileFileTests.workbook(
                    sheet: #"<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><worksheet/>"#))
        }
    }

    @Test func aBodyOverItsLimitIsRefusedTheSameOnEveryConnection() async throws {
        try await withTestApp { app in
            // setup
            let session = try await app.signIn("fangcheng.office")
            let big = Data(repeating: UInt8(ascii: "x"), count: CSRFMiddleware.formLimit + 1)
            // act
            let json = try await app.send(
                .POST, "/api/v1/regions/411322/lists", as: session, headers: [("Content-Type", "application/json")],
                body: big)
            let upload = try await app.upload(
                "/regions/411322/ledger/import", as: session, fileName: "big.csv",
                data: Data(repeating: UInt8(ascii: "x"), count: CSRFMiddleware.uploadLimit + 1))
            // check
            #expect(json.status == .payloadTooLarge)
            #expect(json.text.contains("内容过大：上传的文件或提交的内容不能超过 1 MB"))
            #expect(upload.status == .payloadTooLarge)
            #expect(upload.text.contains("内容过大：上传的文件或提交的内容不能超过 20 MB"))
        }
    }
}
