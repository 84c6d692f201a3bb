import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

@Suite struct LedgerImportTests {
    func plan(_ app: Application) async throws -> WorkList {
        try #require(try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
    }

    func upload(_ app: Application, as session: TestSession, list: WorkList, kind: String, name: String, data: Data)
        async throws -> TestingHTTPResponse
    {
        try await app.upload(
            "/regions/411322/ledger/import", as: session, fields: [("listID", list.id!.uuidString), ("kind", kind)],
            fileName: name, data: data)
    }

    func count(_ app: Application, _ list: WorkList) async throws -> Int {
        try await WorkItem.query(on: app.db).filter(\.$list.$id == list.id!).count()
    }

    @Test func importsItemsFromCSVWithShortUnitNames() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let list = try await plan(app)
            let csv =
                "\u{FEFF}序号,事项,具体内容,任务领域,牵头单位,责任单位,配合单位,完成时限\r\n"
                + "1,建立行政审判白皮书通报制度,每半年一次,审判执行监督联动,县法院,\"司法局、县政府办\",,2027年6月30日\r\n"
                + ",,,,,,,\r\n"
                + "2,建立非诉执行联动台账,,执行联动,,法院,县公安局,每季度\r\n"
            let response = try await upload(
                app, as: office, list: list, kind: "items", name: "items.csv", data: Data(csv.utf8))
            #expect(response.status == .seeOther)
            #expect(response.location == "/regions/411322/ledger?imported=2&what=items")
            let added = try await WorkItem.query(on: app.db).filter(\.$list.$id == list.id!).filter(\.$number > 30)
                .sort(\.$number).all()
            #expect(added.map(\.title) == ["建立行政审判白皮书通报制度", "建立非诉执行联动台账"])
            #expect(added.map(\.number) == [31, 32])
            #expect(added.map(\.state) == [.draft, .draft])
            #expect(added[0].deadline == .date(CalendarDay(parsing: "2027-06-30")!))
            #expect(added[1].deadline == .periodic(.quarter, graceDays: 10))
            let parts = try await LedgerQueries.parts(of: [added[0].id!], on: app.db)[added[0].id!]!
            #expect(
                parts.map { "\($0.role.rawValue) \($0.unitName)" } == [
                    "lead 方城县人民法院", "responsible 方城县人民政府办公室", "responsible 方城县司法局",
                ])
        }
    }

    @Test func aBadFileChangesNothingAndNamesEveryBadRow() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let list = try await plan(app)
            let csv =
                "事项,牵头单位,完成时限,任务领域\n"
                + "好的一行,县法院,2027年6月30日,\n"
                + "教育事项,县教育局,2027年6月30日,\n"
                + ",县法院,尽快,教育\n"
            let response = try await upload(
                app, as: office, list: list, kind: "items", name: "items.csv", data: Data(csv.utf8))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("导入未完成：没有写入任何数据"))
            #expect(response.text.contains("有 4 处问题"))
            #expect(response.text.contains("<td>3</td><td>牵头单位</td><td>方城县没有“县教育局”"))
            #expect(response.text.contains("<td>4</td><td>事项</td><td>不能为空</td>"))
            #expect(response.text.contains("<td>4</td><td>完成时限</td><td>无法识别“尽快”</td>"))
            #expect(response.text.contains("<td>4</td><td>任务领域</td><td>“教育”不是任务领域"))
            #expect(try await count(app, list) == 30)
            #expect(try await app.auditEntries(.itemCreated).isEmpty)
        }
    }

    @Test func wrongColumnsUTF16AndBrokenWorkbooksAreRefused() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let list = try await plan(app)
            let columns = try await upload(
                app, as: office, list: list, kind: "items", name: "x.csv", data: Data("标题,时限\nx,y\n".utf8))
            #expect(columns.text.contains("<td>1</td><td>事项</td><td>缺少此列（第 1–2 行中找不到表头，最接近的是第 1 行）</td>"))
            #expect(columns.text.contains("<td>1</td><td>完成时限</td><td>缺少此列（第 1–2 行中找不到表头，最接近的是第 1 行）</td>"))
            #expect(columns.text.contains("<td>1</td><td>牵头单位/责任单位</td><td>至少需要其中一列（第 1–2 行中找不到表头，最接近的是第 1 行）</td>"))
            let gbk = try await upload(
                app, as: office, list: list, kind: "items", name: "gbk.csv", data: Data([0xCA, 0xC2, 0xCF, 0xEE, 0x0A]))
            // GBK is read: its 事项 column is found, only the others are missing.
            #expect(gbk.status == .unprocessableEntity)
            #expect(!gbk.text.contains("<td>事项</td>"))
            #expect(gbk.text.contains("<td>1</td><td>完成时限</td><td>缺少此列</td>"))
            let utf16 = try await upload(
                app, as: office, list: list, kind: "items", name: "u16.csv", data: Data([0xFF, 0xFE, 0x8B, 0x4E]))
            #expect(utf16.text.contains("文件是 UTF-16 编码"))
            let workbook = try XLSX.workbook(sheet: "x", rows: [["事项"]])
            let broken = try await upload(
                app, as: office, list: list, kind: "items", name: "x.xlsx", data: workbook.prefix(workbook.count - 40))
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.text.contains("不是有效的 .xlsx 文件"))
            #expect(try await count(app, list) == 30)
        }
    }

    @Test func importsABatchOfProgressFromXLSX() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let list = try await plan(app)
            let good = try XLSX.workbook(
                sheet: "进展",
                rows: [
                    ["序号", "单位", "进展情况", "相关数据", "报送期次"],
                    ["2", "县法院", "白皮书已完成初稿", "收案 59 件", ""],
                    ["7", "法院", "本季度走访企业 12 家", "", "2022年第2季度"],
                ])
            let response = try await upload(
                app, as: office, list: list, kind: "progress", name: "progress.xlsx", data: good)
            #expect(response.status == .seeOther)
            #expect(response.location == "/regions/411322/ledger?imported=2&what=progress")
            let seven = try #require(
                try await WorkItem.query(on: app.db).filter(\.$list.$id == list.id!).filter(\.$number == 7).first())
            #expect(seven.latestReport == "方城县人民法院：本季度走访企业 12 家")
            let lead = try #require(
                try await ItemPart.query(on: app.db).filter(\.$item.$id == seven.id!).filter(\.$role == .lead).first())
            #expect(lead.nextDueReason == "2022年第3季度进展报告")

            let bad = try XLSX.workbook(
                sheet: "进展",
                rows: [
                    ["序号", "单位", "进展情况"], ["99", "县法院", "x"], ["3", "县民政局", "x"], ["7", "县法院", "没有期次"],
                ])
            let before = try await ProgressReport.query(on: app.db).count()
            let refused = try await upload(app, as: office, list: list, kind: "progress", name: "bad.xlsx", data: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("<td>2</td><td>序号</td><td>方城县府院联动机制实施方案没有第“99”项</td>"))
            #expect(refused.text.contains("<td>3</td><td>单位</td><td>方城县民政局不是第 3 项的办理单位</td>"))
            #expect(refused.text.contains("<td>4</td><td>报送期次</td><td>定期报送的事项须填写期次"))
            #expect(try await ProgressReport.query(on: app.db).count() == before)
        }
    }

    @Test func onlyTheOfficeOfTheRegionImports() async throws {
        try await withTestApp { app in
            let list = try await plan(app)
            let court = try await upload(
                app, as: try await app.signIn("fangcheng.court"), list: list, kind: "items", name: "x.csv",
                data: Data("事项\n".utf8))
            #expect(court.status == .forbidden)
            let city = try await upload(
                app, as: try await app.signIn("nanyang.office"), list: list, kind: "items", name: "x.csv",
                data: Data("事项\n".utf8))
            #expect(city.status == .forbidden)
        }
    }
}

@Suite struct AttachmentTests {
    /// The name's extension, the declared type and the content must agree; the refusal names which do not.
    @Test func aFileWhoseNameTypeOrContentDisagreeIsRefused() async throws {
        try await withTestApp { app in
            // setup
            let court = try await app.signIn("fangcheng.court")
            let item = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "411322").filter(\.$number == 2).first())
            let path = "/items/\(try item.requireID().uuidString)/attachments"
            let pdf = Data("%PDF-1.7\n%%EOF".utf8)
            let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46])
            let installer = try OfficeFileTests.archive([("setup.exe", "MZ")])
            let cases: [(name: String, data: Data, type: String, reason: String)] = [
                ("invoice.html", pdf, "text/html", "附件：文件名“invoice.html”的扩展名“.html”与内容（PDF 文档）不符，请改为 .pdf"),
                ("photo.svg", jpeg, "image/svg+xml", "附件：文件名“photo.svg”的扩展名“.svg”与内容（JPEG 图片）不符，请改为 .jpg"),
                (
                    "report.docx", installer, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "附件：文件“report.docx”的内容不是可接受的类型"
                ),
                ("invoice.pdf", pdf, "text/html", "附件：文件“invoice.pdf”声明的类型 text/html 与内容（PDF 文档）不符"),
            ]
            // act, check
            for (name, data, type, reason) in cases {
                let response = try await app.upload(path, as: court, fileName: name, data: data, contentType: type)
                #expect(response.status == .unprocessableEntity, "\(name)")
                #expect(response.text.contains(reason), "\(name): \(response.text.prefix(300))")
            }
            #expect(try await Attachment.query(on: app.db).count() == 0)
            let photo = try await app.upload(path, as: court, fileName: "现场.JPG", data: jpeg, contentType: "image/jpeg")
            #expect(photo.status == .seeOther)
            #expect(try await Attachment.query(on: app.db).all().map(\.contentType) == ["image/jpeg"])
        }
    }

    func post(_ app: Application, _ path: String, as session: TestSession, name: String, data: Data) async throws
        -> TestingHTTPResponse
    {
        try await app.upload(path, as: session, fileName: name, data: data)
    }

    @Test func evidenceIsCheckedByContentStoredByHashAndDownloadedInScope() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("fangcheng.court")
            let item = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "411322").filter(\.$number == 2).first())
            let path = "/items/\(item.id!.uuidString)/attachments"
            let pdf = Data("%PDF-1.7\n白皮书\n%%EOF".utf8)
            #expect(try await post(app, path, as: court, name: "白皮书.pdf", data: pdf).status == .seeOther)
            let stored = try #require(try await Attachment.query(on: app.db).first())
            #expect(stored.fileName == "白皮书.pdf")
            #expect(stored.contentType == "application/pdf")
            #expect(stored.unitName == "方城县人民法院")
            #expect(
                FileManager.default.contents(
                    atPath: AttachmentStore.path(for: stored.sha256, in: app.config.dataDirectory)) == pdf)
            let renamed = try await post(app, path, as: court, name: "说明.pdf", data: Data("MZ\u{90}\0 not a pdf".utf8))
            #expect(renamed.status == .unprocessableEntity)
            #expect(renamed.text.contains("附件：文件“说明.pdf”的内容不是可接受的类型：只接受 PDF、PNG、JPEG 图片和 Office 文档（.docx、.xlsx）"))
            let zip = try await post(
                app, path, as: court, name: "x.zip", data: try XLSX.workbook(sheet: "x", rows: [["a"]]))
            #expect(zip.text.contains("附件：文件名“x.zip”的扩展名“.zip”与内容（Excel 工作簿（.xlsx））不符，请改为 .xlsx"))
            let pastTheEnd = try await post(
                app, path, as: court, name: "x.xlsx",
                data: HostileFileTests.pastTheEnd(try XLSX.workbook(sheet: "x", rows: [["a"]])))
            #expect(pastTheEnd.status == .unprocessableEntity)
            #expect(pastTheEnd.text.contains("附件：文件“x.xlsx”的内容不是可接受的类型"))
            #expect(try await Attachment.query(on: app.db).count() == 1)
            // A unit without a part in the item (方城县司法局 has none in item 30) cannot attach; downloads stay in scope.
            let thirty = try #require(
                try await WorkItem.query(on: app.db).filter(\.$region.$id == item.$region.id).filter(\.$number == 30)
                    .first())
            let outsider = try await post(
                app, "/items/\(thirty.id!.uuidString)/attachments", as: try await app.signIn("fangcheng.sfj"),
                name: "a.pdf", data: pdf)
            #expect(outsider.status == .forbidden)
            let download = try await app.send(
                .GET, "/attachments/\(stored.id!.uuidString)", as: try await app.signIn("fangcheng.office"))
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(Data(download.body.readableBytesView) == pdf)
            let downloads = try await app.auditEntries(.fileDownloaded)
            #expect(downloads.map(\.summary) == ["下载附件“\(stored.fileName)”"])
            #expect(downloads.map(\.actorName) == ["fangcheng.office"])
            #expect(
                try await app.send(
                    .GET, "/attachments/\(stored.id!.uuidString)", as: try await app.signIn("lushan.office")
                ).status == .notFound)
            #expect(try await Attachment.query(on: app.db).count() == 1)

            // The file changed on disk (DJ-DI-03) is not sent, and the security administrator hears of it.
            let file = AttachmentStore.path(for: stored.sha256, in: app.config.dataDirectory)
            try Data("%PDF-1.7\n改过的\n%%EOF".utf8).write(to: URL(fileURLWithPath: file))
            let damaged = try await app.send(
                .GET, "/attachments/\(stored.id!.uuidString)", as: try await app.signIn("fangcheng.office"))
            #expect(damaged.status == .conflict)
            #expect(damaged.text.contains("附件文件校验未通过（与上传时不符）"))
            #expect(try await app.auditEntries(.fileDownloaded).count == 1)
            let alerts = try await app.auditEntries(.attachmentDamaged)
            #expect(alerts.map(\.summary) == ["附件“白皮书.pdf”的文件与上传时的 SHA-256 不符，未予下载"])
        }
    }
}
