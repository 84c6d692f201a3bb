import Fluent
import Foundation
import FuyuanCore
import Testing
import VaporTesting
import ZIPFoundation

@testable import App

/// Files as office programs write them — LibreOffice Calc's own .xlsx of typed CSV, openpyxl's shapes of Excel and
/// WPS, and hand-written parts as the OpenXML SDK writes them — read as a person sees them and imported with the
/// values typed.
@Suite struct OfficeFileTests {
    // MARK: reading

    @Test func libreOfficeDateCellsReadAsTheDaysTyped() throws {
        // act
        let rows = try XLSX.rows(of: OfficeFiles.url("ledger-items.xlsx"))
        // check
        #expect(
            rows == [
                ["事项", "完成时限", "牵头单位"], ["建立行政争议实质性化解联动机制", "2025-06-30", "县法院"],
                ["开展行政机关负责人出庭应诉专项督查", "2027-12-31", "县司法局"], ["健全府院联席会议常态化运行机制", "长期坚持", "县政府办"],
            ])
    }

    @Test func datesAreKnownByTheirFormatAndNumbersArePlain() throws {
        // setup
        var rows: [XLSX.Row] = []
        // act
        try XLSX.eachRow(of: Archive(url: OfficeFiles.url("dates.xlsx"), accessMode: .read)) { rows.append($0) }
        // check
        #expect(
            rows.prefix(6).map(\.cells) == [
                ["事项", "完成时限", "牵头单位", "编号"], ["自定义中文日期格式", "2025-06-30", "县法院", "410423"],
                ["带时间的日期", "2025-06-30", "县法院", "0.5"], ["内置日期格式", "2026-01-15", "县法院", "12.25"],
                ["年月格式", "2023年12月", "县法院", "-3"], ["一九〇〇年二月", "1900-02-28", "县法院", "0.0000001"],
            ])
        #expect(rows.prefix(6).allSatisfy { $0.flagged.isEmpty })
        #expect(rows[6].number == 7)
        #expect(Array(rows[6].flagged.keys) == [3])
        #expect(rows[6].flagged[3]?.hasPrefix("数字超过 15 位，已被表格软件舍入") == true)
        #expect(try XLSX.rows(of: OfficeFiles.url("date1904.xlsx"))[1] == ["1904 日期系统", "2025-06-30"])
    }

    @Test func aWorkbookIsReadAsAPersonSeesIt() throws {
        // act: a hidden first sheet, a header merged over two rows, a hidden row and column, rich text, a line break,
        // and 5 000 rows that carry only a fill
        let sheet = try SpreadsheetImport.sheet(
            OfficeFiles.url("shapes.xlsx"), required: ["事项", "牵头单位", "完成时限"])
        // check
        #expect(sheet.header.row == 2)
        #expect(
            sheet.lines.map { line in [String(line.number)] + ["事项", "牵头单位", "完成时限"].map { sheet.cell(line.cells, $0) }
            }
                == [
                    ["3", "第一项", "县法院", "长期坚持"], ["5", "加粗与普通", "县法院", "每季度"], ["6", "第一行\n第二行", "县法院", "适时"],
                ])
        #expect(sheet.lines.allSatisfy { !$0.cells.contains("看不见") })
    }

    /// Parts written with a namespace prefix (as the OpenXML SDK writes them), phonetic guides, formulas with their
    /// cached values, Excel's `_x000D_` escapes, booleans and an inline rich string.
    @Test func prefixedPartsPhoneticsAndFormulas() throws {
        // setup
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let workbook = try Self.archive([
            (
                "xl/workbook.xml",
                #"<x:workbook xmlns:x="\#(main)" xmlns:r="\#(rel)"><x:sheets><x:sheet name="台账" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            ),
            (
                "xl/sharedStrings.xml",
                #"<x:sst xmlns:x="\#(main)"><x:si><x:t>事项</x:t></x:si><x:si><x:r><x:t>注音</x:t></x:r><x:r><x:t>事项</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ジコウ</x:t></x:rPh></x:si><x:si><x:t>第一行_x000D_&#10;第二行</x:t></x:si></x:sst>"#
            ),
            (
                "xl/worksheets/sheet1.xml",
                #"<x:worksheet xmlns:x="\#(main)"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>结</x:t></x:r><x:r><x:t>果</x:t></x:r></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="str"><x:f>A2&amp;"!"</x:f><x:v>注音事项!</x:v></x:c><x:c r="C2"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c></x:row><x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
            ),
        ])
        // act
        let rows = try XLSX.rows(of: workbook)
        // check
        #expect(rows == [["事项", "结果"], ["注音事项", "注音事项!", "2", "TRUE"], ["第一行\n第二行"]])
    }

    static func archive(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return try #require(archive.data)
    }

    // MARK: importing

    @Test func aLedgerSavedByLibreOfficeImportsWithItsDays() async throws {
        try await withTestApp { app in
            // setup
            let office = try await app.signIn("fangcheng.office")
            let list = try #require(
                try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
            let listID = try list.requireID()
            // act
            let response = try await app.upload(
                "/regions/411322/ledger/import", as: office,
                fields: [("listID", listID.uuidString), ("kind", "items")],
                fileName: "台账.xlsx", data: try OfficeFiles.data("ledger-items.xlsx"))
            // check
            #expect(response.status == .seeOther, "\(response.text.prefix(400))")
            let added = try await WorkItem.query(on: app.db).filter(\.$list.$id == listID).filter(\.$number > 30)
                .sort(\.$number).all()
            #expect(added.map(\.title) == ["建立行政争议实质性化解联动机制", "开展行政机关负责人出庭应诉专项督查", "健全府院联席会议常态化运行机制"])
            #expect(
                added.map(\.deadline) == [
                    .date(try #require(CalendarDay(parsing: "2025-06-30"))),
                    .date(try #require(CalendarDay(parsing: "2027-12-31"))), .longTerm,
                ])
            let leads = try await LedgerQueries.parts(of: added.map { try $0.requireID() }, on: app.db)
            #expect(
                try added.map { try leads[$0.requireID()]?.map(\.unitName) ?? [] } == [
                    ["方城县人民法院"], ["方城县司法局"], ["方城县人民政府办公室"],
                ])

            // act: progress, its figure a number cell
            let progress = try await app.upload(
                "/regions/411322/ledger/import", as: office,
                fields: [("listID", listID.uuidString), ("kind", "progress")], fileName: "进展.xlsx",
                data: try OfficeFiles.data("ledger-progress.xlsx"))
            // check
            #expect(progress.status == .seeOther, "\(progress.text.prefix(400))")
            let report = try #require(
                try await ProgressReport.query(on: app.db).filter(\.$text == "已召开联席会议").first())
            #expect(report.figures == "12")
        }
    }

    @Test func aRoundedIDNumberIsRefusedNotStored() async throws {
        try await withTestApp { app in
            // setup
            let office = try await app.signIn("fangcheng.office")
            let court = try await app.signIn("lushan.court")
            let list = try #require(
                try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
            let before = try await WorkItem.query(on: app.db).count()
            let cases = try await AdminCase.query(on: app.db).count()
            // act
            let ledger = try await app.upload(
                "/regions/411322/ledger/import", as: office,
                fields: [("listID", try list.requireID().uuidString), ("kind", "items")], fileName: "dates.xlsx",
                data: try OfficeFiles.data("dates.xlsx"))
            let api = try await app.send(
                .POST, "/api/v1/litigation/cases/import", as: court, headers: [("Content-Type", XLSX.contentType)],
                body: try OfficeFiles.data("cases-rounded-id.xlsx"))
            // check
            #expect(ledger.status == .unprocessableEntity)
            #expect(ledger.text.contains("<td>7</td><td>编号</td><td>数字超过 15 位，已被表格软件舍入"))
            #expect(api.status == .unprocessableEntity)
            struct Refusal: Decodable { let rows: [SpreadsheetImport.RowProblem] }
            let rows = try JSONDecoder().decode(Refusal.self, from: Data(api.body.readableBytesView)).rows
            #expect(rows.map(\.row) == [2])
            #expect(rows.map(\.column) == ["原告身份证号"])
            #expect(rows.first?.reason.contains("请把此列设为“文本”格式后重新录入") == true)
            #expect(try await WorkItem.query(on: app.db).count() == before)
            #expect(try await AdminCase.query(on: app.db).count() == cases)
        }
    }

    @Test func casesSavedByLibreOfficeImportWithTheirDays() async throws {
        try await withTestApp { app in
            // setup
            let court = try await app.signIn("lushan.court")
            // act
            let api = try await app.send(
                .POST, "/api/v1/litigation/cases/import", as: court, headers: [("Content-Type", XLSX.contentType)],
                body: try OfficeFiles.data("cases.xlsx"))
            let page = try await app.send(
                .POST, "/regions/410423/litigation/cases/import", as: court,
                headers: [("Content-Type", XLSX.contentType)], body: try OfficeFiles.data("cases.xlsx"))
            // check
            #expect(api.text == #"{"created":2,"unchanged":0,"updated":0}"#)
            #expect(page.text.contains(#""unchanged":2"#), "\(page.text.suffix(300))")
            let first = try #require(
                try await AdminCase.query(on: app.db).filter(\.$caseNumber == "（2025）豫0423行初301号").first())
            #expect(first.filedOn == "2025-03-05")
            #expect(first.concludedOn == "2025-06-30")
            let hearings = try await Hearing.query(on: app.db).filter(\.$adminCase.$id == first.requireID()).all()
            #expect(hearings.map(\.heldOn) == ["2025-05-20"])
            let second = try #require(
                try await AdminCase.query(on: app.db).filter(\.$caseNumber == "（2025）豫0423行初302号").first())
            #expect(second.filedOn == "2025-04-01")
            #expect(second.concludedOn == nil)
        }
    }
}
