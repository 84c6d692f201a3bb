import Fluent
import Foundation
import FuyuanCore
import Testing
import VaporTesting
import ZIPFoundation

@testable import App

/// Documents into the ledger: the parse contract on the seeds as text and as .docx saved by LibreOffice and by
/// Word's automatic numbering, the refusals, and the review committed into a list all or nothing. On SQLite and,
/// with `DATABASE_URL`, on PostgreSQL.
@Suite struct DocumentTests {
    static let fangcheng = "/api/v1/regions/411322/documents"
    static let lushan = "/api/v1/regions/410423/documents"

    static func seed(_ name: String) throws -> Data {
        try Data(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/Documents/\(name)"))
    }

    /// A .docx of a few hundred kilobytes whose body unpacks to 65 MB.
    static func bomb() throws -> Data {
        let archive = try Archive(accessMode: .create)
        let size = 65 << 20
        let chunk = Data(repeating: 0x20, count: 1 << 16)
        try archive.addEntry(
            with: DocxReader.documentPart, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate
        ) { position, length in
            chunk.prefix(min(length, size - Int(position)))
        }
        return try #require(archive.data)
    }

    /// A .docx of the given parts.
    static func docx(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, length in
                data.subdata(in: Int(position)..<Int(position) + length)
            }
        }
        return try #require(archive.data)
    }

    func parse(_ app: Application, _ path: String, as session: TestSession, _ data: Data, type: String) async throws
        -> DraftDTO
    {
        let response = try await app.send(
            .POST, path + "/parse", as: session, headers: [("Content-Type", type)], body: data)
        #expect(response.status == .ok, "\(response.text)")
        return try response.content.decode(DraftDTO.self)
    }

    @Test func theContractOnFangchengsPlanAsTextAndAsDocx() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let text = try await parse(
                app, Self.fangcheng, as: office, try Self.seed("seed-004-fangcheng-plan.txt"),
                type: "text/plain; charset=utf-8")
            #expect(text.document.number == "方政办〔2021〕29号")
            #expect(text.document.date == "2021-09-16")
            #expect(text.document.issuers == ["方城县人民政府办公室", "方城县人民法院办公室", "方城县人民检察院办公室"])
            #expect(text.document.title == "方城县府院联动机制实施方案")
            #expect(text.items.count == 30)
            let second = text.items[1]
            #expect([second.number, second.heading, second.title] == ["2.", "（一）促进法治政府建设联动机制", "建立行政诉讼风险提示白皮书制度"])
            #expect(second.lead == ["方城县人民法院"])
            #expect(second.responsible == ["方城县人民政府办公室"])
            #expect(second.cooperating == ["方城县司法局"])
            #expect(second.deadline?.text == "2021年12月20日")
            #expect(second.deadline?.kind == .date)
            #expect(second.deadline?.date == "2021-12-20")
            #expect(second.source.lines == [37, 41])
            let seventh = text.items[6]
            #expect(seventh.deadline?.kind == .periodic)
            #expect(seventh.deadline?.period == .quarter)
            #expect(seventh.deadline?.date == nil)
            #expect(text.items[0].deadline?.kind == .longTerm)
            #expect(text.roster == nil)
            #expect(text.unmatched.map(\.name) == ["各乡镇人民政府", "街道办事处", "各乡镇（街道）", "县政府各相关部门", "县直各有关部门"])
            #expect(text.unmatched.map(\.item) == [13, 13, 21, 25, 26])

            // The same plan saved as .docx by LibreOffice Writer reads the same, line for line.
            let docx = try await parse(
                app, Self.fangcheng, as: office, try OfficeFiles.data("seed-004-fangcheng-plan.docx"),
                type: DocumentFile.docxType)
            #expect(docx.document.number == text.document.number)
            #expect(docx.items.map(\.text) == text.items.map(\.text))
            #expect(docx.items.map(\.lead) == text.items.map(\.lead))
            #expect(docx.items.map(\.responsible) == text.items.map(\.responsible))
            #expect(docx.items.map(\.cooperating) == text.items.map(\.cooperating))
            #expect(docx.items.map(\.source.lines) == text.items.map(\.source.lines))
            // Parsing writes nothing: the one document is the demo's of 鲁山县.
            #expect(try await LedgerDocument.query(on: app.db).count() == 1)
        }
    }

    @Test func aTaskTableWithMergedCellsAndANumberedList() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let draft = try await parse(
                app, Self.lushan, as: office, try OfficeFiles.data("lushan-tasks.docx"), type: DocumentFile.docxType)
            #expect(draft.document.number == "鲁政办〔2025〕18号")
            #expect(draft.document.date == "2025-03-12")
            #expect(draft.document.title == "鲁山县府院联动重点任务清单")
            #expect(draft.items.map(\.number) == ["1", "2", "3", "1.", "2."])
            #expect(draft.items.map(\.heading) == ["一、化解行政争议", "一、化解行政争议", "二、清理执行案件", "三、保障措施", "三、保障措施"])
            #expect(draft.items[1].text == "每季度通报行政机关负责人出庭情况。纳入依法行政考核。")
            // 县法院 is merged down over the first two rows; 政府办 and 县司法局 stand on two lines of one cell.
            #expect(draft.items.map(\.lead) == [["鲁山县人民法院"], ["鲁山县人民法院"], ["鲁山县人民法院"], [], ["鲁山县人民法院"]])
            #expect(draft.items[1].cooperating == ["鲁山县人民政府办公室", "鲁山县司法局"])
            #expect(draft.items.map { $0.deadline?.kind } == [.date, .periodic, .date, .longTerm, .date])
            #expect(draft.items.map { $0.deadline?.date } == ["2025-06-30", nil, "2025-12-31", nil, "2025-09-30"])
            #expect(draft.items[3].cooperating == ["鲁山县人民法院"])
            #expect(draft.unmatched.map(\.name) == ["县财政所", "县财政局"])
            #expect(draft.unmatched.map(\.item) == [3, 4])
            #expect(draft.unmatched.map(\.role) == [.cooperating, .lead])
        }
    }

    @Test func wordsAutomaticNumberingRevisionsAndTextBoxes() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let draft = try await parse(
                app, Self.lushan, as: office, try OfficeFiles.data("word-numbering.docx"), type: DocumentFile.docxType)
            #expect(draft.document.number == "鲁政办〔2025〕20号")
            #expect(draft.document.title == "鲁山县行政争议化解工作方案")
            #expect(draft.items.map(\.number) == ["（一）", "①", "②", "（二）", "1", "2"])
            #expect(
                draft.items.map(\.heading) == ["一、重点任务", "（一）建立化解中心", "（一）建立化解中心", "一、重点任务", "二、保障措施", "二、保障措施"])
            #expect(draft.items[3].text == "完善联动机制。")
            #expect(draft.items[3].lead == ["鲁山县人民政府办公室"])
            #expect(draft.items[0].responsible == ["鲁山县人民法院", "鲁山县司法局"])
            #expect(draft.items.map { $0.deadline?.date } == [nil, "2025-06-30", "2025-09-30", nil, nil, nil])
            #expect(draft.items[5].deadline?.period == .halfYear)
            // The 牵头单位 merged down over both rows is named for both.
            #expect(draft.unmatched.map(\.name) == ["县财政局", "县财政局"])
            #expect(draft.unmatched.map(\.item) == [5, 6])
            // The text box is read once, not again from its fallback copy; the deleted words not at all.
            let lines = try DocxReader.lines(
                of: try Archive(data: try OfficeFiles.data("word-numbering.docx"), accessMode: .read)
            ).lines
            #expect(lines.filter { $0 == .text("文本框中的说明") }.count == 1)
            #expect(!lines.contains { "\($0)".contains("已删去") })
        }
    }

    @Test func filesThatAreNoDocumentAreRefusedSayingWhatToSend() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let cases: [(Data, String, String)] = [
                (
                    Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "application/msword",
                    "旧版 Word（.doc）或 WPS（.wps）"
                ),
                (Data("%PDF-1.7 ...".utf8), "application/pdf", "PDF 文件读不出段落和表格"),
                (try OfficeFiles.data("cases.xlsx"), "application/octet-stream", "这是 Excel 工作簿"),
                (Data(), "text/plain", "文件是空的"),
                (Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), DocumentFile.docxType, "不是有效的 .docx 文件"),
                (Data([0xFF, 0xFE, 0x41, 0x00]), "text/plain", "既不是 UTF-8 也不是 GBK"),
                (try OfficeFiles.data("lushan-tasks.docx").prefix(3000), DocumentFile.docxType, "不是有效的 .docx 文件"),
                (try Self.bomb(), DocumentFile.docxType, "文件过大：正文解压后超过 64 MB"),
            ]
            for (data, type, message) in cases {
                let response = try await app.send(
                    .POST, Self.lushan + "/parse", as: office, headers: [("Content-Type", type)], body: data)
                #expect(response.status == .unprocessableEntity, "\(message)")
                #expect(response.text.contains(message), "\(response.text)")
            }
            let json = try await app.send(.POST, Self.lushan + "/parse", as: office, json: ["text": "一、任务"])
            #expect(json.status == .badRequest)
        }
    }

    @Test func onlyTheRegionsOfficeReadsItsDocuments() async throws {
        try await withTestApp { app in
            let data = try Self.seed("seed-004-fangcheng-plan.txt")
            let expected: [String: HTTPStatus] = [
                "lushan.office": .notFound, "lushan.court": .forbidden, "lushan.leader": .forbidden,
                "lushan.zrzy": .forbidden, "henan.office": .forbidden, "sysadmin": .forbidden,
            ]
            for (username, status) in expected {
                let session = try await app.signIn(username)
                let response = try await app.send(
                    .POST, Self.fangcheng + "/parse", as: session, headers: [("Content-Type", "text/plain")],
                    body: data)
                // Only an office reads documents; 鲁山's office does not see 方城县 (404), the province's sees it
                // but is not its office (403).
                #expect(response.status == status, "\(username)")
            }
        }
    }

    @Test func theDemosWaitingPlanOfLushan() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let document = try #require(try await LedgerDocument.query(on: app.db).first())
            let answer = try await app.send(.GET, Self.lushan + "/" + document.requireID().uuidString, as: office)
                .content.decode(DocumentsAPI.Answer.self)
            #expect(answer.document.number == "鲁府院联席办〔2026〕1号")
            #expect(answer.document.title == "鲁山县2027年府院联动工作要点（演示）")
            #expect(answer.document.committedAt == nil)
            let draft = answer.draft
            #expect(draft.document.date == "2026-12-01")
            #expect(draft.items.map(\.number) == ["（一）", "（二）", "（三）", "（四）"])
            #expect(draft.items.map(\.heading) == ["一、化解行政争议", "一、化解行政争议", "二、清理涉党政机关执行案件", "二、清理涉党政机关执行案件"])
            #expect(draft.items.map(\.lead) == [["鲁山县人民法院"], ["鲁山县司法局"], ["鲁山县人民法院"], []])
            #expect(
                draft.items.map(\.cooperating) == [["鲁山县司法局"], ["鲁山县人民法院"], ["鲁山县住房和城乡建设局"], []])
            #expect(draft.items[2].responsible == ["张官营镇人民政府"])
            #expect(draft.items[3].responsible == ["鲁山县自然资源局", "鲁山县司法局"])
            // The item runs over a page number and comes back whole.
            #expect(draft.items[2].text.hasSuffix("逐案制定涉党政机关未履行生效判决案件的化解方案，年底前全部清零。"))
            #expect(draft.items.map { $0.deadline?.kind } == [.date, .longTerm, .date, .periodic])
            #expect(draft.unmatched.map(\.name) == ["县财政局"])
            #expect(draft.unmatched.map(\.item) == [3])
        }
    }

    @Test func theUploadedFileIsKeptAsSentAndChecked() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let document = try #require(try await LedgerDocument.query(on: app.db).first())
            let path = "/documents/\(try document.requireID().uuidString)"
            let file = try await app.send(.GET, path + "/file", as: office)
            #expect(file.status == .ok)
            #expect(Data(file.body.readableBytesView) == Data(DemoDocuments.lushanPlan.utf8))
            #expect(file.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''") == true)
            #expect(try await app.auditEntries(.fileDownloaded).map(\.summary) == ["下载公文“鲁山县2027年府院联动工作要点.txt”"])
            // A file changed on disk behind the product's back is neither read nor sent, and the alert is raised.
            let stored = AttachmentStore.path(for: document.sha256, in: app.config.dataDirectory)
            try Data("一、被改过的内容".utf8).write(to: URL(fileURLWithPath: stored))
            for suffix in ["", "/file"] {
                let refused = try await app.send(.GET, path + suffix, as: office)
                #expect(refused.status == .conflict)
                #expect(refused.text.contains("公文文件校验未通过"))
            }
            #expect(try await app.auditEntries(.attachmentDamaged).count == 2)
        }
    }

    @Test func hostileNumbersInADocxAreHeld() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
            let paragraph =
                #"<w:p><w:pPr><w:numPr><w:ilvl w:val="9223372036854775807"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>建立制度。责任单位：县法院</w:t></w:r></w:p>"#
            let cell =
                #"<w:tc><w:tcPr><w:gridSpan w:val="1099511627776"/></w:tcPr><w:p><w:r><w:t>县法院</w:t></w:r></w:p></w:tc>"#
            let data = try Self.docx([
                "word/document.xml":
                    "<w:document \(w)><w:body>\(paragraph)\(paragraph)<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"4294967296\"/></w:trPr>\(cell)</w:tr></w:tbl></w:body></w:document>",
                "word/numbering.xml":
                    #"<w:numbering \#(w)><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="9223372036854775807"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="-9223372036854775808"/></w:lvlOverride></w:num></w:numbering>"#,
            ])
            let response = try await app.send(
                .POST, Self.lushan + "/parse", as: office, headers: [("Content-Type", DocumentFile.docxType)],
                body: data)
            #expect(response.status == .ok, "\(response.text)")
            #expect(try await app.send(.GET, "/health/live").status == .ok)
        }
    }
}
