import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

#if canImport(Glibc)
    import Glibc
#endif

/// Court staff enter, correct and delete cases by form, and import large files with progress; the same checks
/// apply whichever way a case arrives.
@Suite struct CaseEntryTests {
    static let header = LitigationAPITests.header

    func lushanFigures(_ app: Application, from: String = "2024-01-01", to: String = "2024-12-31") async throws
        -> LitigationFigures
    {
        let region = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
        return try await LitigationQueries.figures(
            region: region, unit: nil,
            period: DayRange(from: CalendarDay(parsing: from)!, to: CalendarDay(parsing: to)!),
            breakdown: nil, on: app.db
        ).current
    }

    @Test func theFormEntersCorrectsAndDeletesACase() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let fields: [(String, String)] = [
                ("number", "(2024)豫0423行初88号"), ("court", "鲁山县人民法院"), ("procedure", ""), ("defendant", "鲁山县自然资源局"),
                ("actionType", "行政处罚"), ("plaintiff", "企业"), ("filedOn", "2024-02-01"), ("concludedOn", "2024-06-30"),
                ("outcome", "确认违法"), ("lossCause", "违反法定程序"),
                ("hearingDay[]", "2024-04-02"), ("hearingAppeared[]", "是"), ("hearingRank[]", "局长"),
                ("hearingPrincipal[]", "是"), ("hearingSpoke[]", "否"),
                ("hearingDay[]", "2024-05-20"), ("hearingAppeared[]", "否"), ("hearingRank[]", ""),
                ("hearingPrincipal[]", "否"), ("hearingSpoke[]", "否"),
                ("hearingDay[]", ""), ("hearingAppeared[]", "否"), ("hearingRank[]", ""), ("hearingPrincipal[]", "否"),
                ("hearingSpoke[]", "否"),
            ]
            let before = try await lushanFigures(app)
            let created = try await app.send(.POST, "/regions/410423/litigation/cases", as: court, form: fields)
            #expect(created.status == .seeOther)
            let stored = try #require(
                try await AdminCase.query(on: app.db).filter(\.$caseNumber == "（2024）豫0423行初88号").first())
            #expect(created.headers.first(name: .location) == "/litigation/cases/\(stored.id!.uuidString)?saved=1")
            #expect(stored.procedure == .firstInstance)
            #expect(stored.outcome == .confirmedIllegal)
            #expect(stored.lossCause == .procedure)
            #expect(stored.plaintiffKind == .enterprise)
            let hearings = try await Hearing.query(on: app.db).filter(\.$adminCase.$id == stored.id!).sort(\.$heldOn)
                .all()
            #expect(hearings.map(\.heldOn) == ["2024-04-02", "2024-05-20"])
            #expect(hearings.map(\.headAppeared) == [true, false])
            let after = try await lushanFigures(app)
            #expect(after.received == before.received + 1)
            #expect(after.losses == before.losses + 1)
            #expect(after.heard == before.heard + 1)
            #expect(after.appeared == before.appeared + 1)
            #expect(try await app.auditEntries(.caseSaved).map(\.summary) == ["录入行政诉讼案件 （2024）豫0423行初88号"])

            // The same number again is refused; so are a wrong procedure, a loss without its cause and a head who
            // did not appear but "spoke".
            let again = try await app.send(.POST, "/regions/410423/litigation/cases", as: court, form: fields)
            #expect(again.status == .unprocessableEntity)
            #expect(again.text.contains("案号：（2024）豫0423行初88号 已经录入，请在案件列表中打开修改"))
            var wrong = fields
            wrong[0] = ("number", "（2024）豫0423行初89号")
            wrong[2] = ("procedure", "二审")
            wrong[9] = ("lossCause", "")
            wrong[19] = ("hearingSpoke[]", "是")
            let refused = try await app.send(.POST, "/regions/410423/litigation/cases", as: court, form: wrong)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("<li>审级：“二审”与案号的一审不符</li>"))
            #expect(refused.text.contains("<li>败诉原因：败诉案件须填写败诉原因</li>"))
            #expect(refused.text.contains("<li>第 2 次开庭 · 负责人出庭：负责人未出庭，不应填写职务、是否正职或是否出声</li>"))
            #expect(try await AdminCase.query(on: app.db).filter(\.$caseNumber == "（2024）豫0423行初89号").count() == 0)

            // Correcting: the second hearing is cleared, the outcome becomes 驳回诉讼请求.
            var corrected = fields
            corrected[8] = ("outcome", "驳回诉讼请求")
            corrected[9] = ("lossCause", "")
            corrected[15] = ("hearingDay[]", "")
            let path = "/litigation/cases/\(stored.id!.uuidString)"
            #expect(try await app.send(.POST, path, as: court, form: corrected).status == .seeOther)
            #expect(try await Hearing.query(on: app.db).filter(\.$adminCase.$id == stored.id!).count() == 1)
            let corrected2 = try await lushanFigures(app)
            #expect(corrected2.losses == before.losses)
            #expect(corrected2.heard == before.heard + 1)
            #expect(corrected2.appeared == before.appeared + 1)
            let page = try await app.send(.GET, path, as: court)
            #expect(page.text.contains("已保存") == false)
            #expect(page.text.contains(#"placeholder="（2023）豫0423行初15号" required readonly>"#))

            // Others in 鲁山 read it; the office cannot change it.
            let office = try await app.signIn("lushan.office")
            let read = try await app.send(.GET, path, as: office)
            #expect(read.status == .ok)
            #expect(read.text.contains("<dt>裁判结果</dt><dd>驳回诉讼请求</dd>"))
            #expect(!read.text.contains("case-form"))
            #expect(try await app.send(.POST, path + "/delete", as: office, form: []).status == .forbidden)

            #expect(try await app.send(.POST, path + "/delete", as: court, form: []).status == .seeOther)
            #expect(try await AdminCase.find(stored.id, on: app.db) == nil)
            #expect(try await Hearing.query(on: app.db).filter(\.$adminCase.$id == stored.id!).count() == 0)
            #expect(try await app.auditEntries(.caseDeleted).map(\.summary) == ["删除行政诉讼案件 （2024）豫0423行初88号"])
            #expect(try await lushanFigures(app) == before)
        }
    }

    @Test func theCasesListFiltersByUnitStateAndNumber() async throws {
        try await withTestApp(demo: true) { app in
            let office = try await app.signIn("lushan.office")
            let zrzy = try await app.unit(named: "鲁山县自然资源局")
            let all = try await app.send(.GET, "/regions/410423/litigation/cases", as: office)
            let lushanCases = try await AdminCase.query(on: app.db).join(
                Region.self, on: \AdminCase.$region.$id == \Region.$id
            )
            .filter(Region.self, \.$code == "410423").count()
            #expect(all.text.contains("共 \(lushanCases) 件"))
            let lost = try await app.send(
                .GET, "/regions/410423/litigation/cases?unit=\(zrzy.id!.uuidString)&state=lost", as: office)
            let zrzyLost = try await AdminCase.query(on: app.db).filter(\.$defendant.$id == zrzy.id!)
                .filter(\.$outcome ~~ Outcome.allCases.filter(\.isLoss).map { Optional($0) }).count()
            #expect(zrzyLost >= 4)
            #expect(lost.text.contains("共 \(zrzyLost) 件"))
            let api = try await app.send(
                .GET, "/api/v1/litigation/cases?region=410423&unit=\(zrzy.id!.uuidString)&state=lost", as: office)
            let page = try JSONDecoder().decode(LitigationAPI.CasePage.self, from: Data(api.body.readableBytesView))
            #expect(page.total == zrzyLost)
            #expect(page.cases.allSatisfy { $0.defendant == "鲁山县自然资源局" && $0.outcome != nil })
            let one = try await app.send(.GET, "/api/v1/litigation/cases/\(page.cases[0].id.uuidString)", as: office)
            let detail = try JSONDecoder().decode(LitigationAPI.CaseDTO.self, from: Data(one.body.readableBytesView))
            #expect(detail.caseNumber == page.cases[0].caseNumber)
            #expect(detail.hearings.count == page.cases[0].heard)
            let weidong = try await app.signIn("weidong.office")
            #expect(
                try await app.send(.GET, "/api/v1/litigation/cases/\(detail.id.uuidString)", as: weidong).status
                    == .notFound)
        }
    }

    /// 6 000 rows through the page's import: the answer streams the rows read, the cases written, then the counts.
    @Test func thePageImportStreamsItsProgress() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            var csv = Self.header
            for number in 1...6_000 {
                csv += "（2025）豫0423行初\(number)号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2025-01-02,,,,,,,,\n"
            }
            let response = try await app.send(
                .POST, "/regions/410423/litigation/cases/import", as: court,
                headers: [("Content-Type", "text/csv")], body: Data(csv.utf8))
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "application/x-ndjson; charset=utf-8")
            // Reading runs a batch ahead of writing, so the two kinds of line interleave as the machine schedules them.
            let lines = response.text.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0.hasPrefix(#"{"read""#) } == [#"{"read":5000}"#, #"{"read":6000}"#])
            #expect(
                lines.filter { $0.hasPrefix(#"{"stored""#) } == [2_000, 4_000, 6_000].map { #"{"stored":\#($0)}"# })
            #expect(lines.count == 6)
            #expect(lines.last == #"{"done":{"created":6000,"unchanged":0,"updated":0}}"#)
            #expect(try await AdminCase.query(on: app.db).filter(\.$filedOn == "2025-01-02").count() == 6_000)

            let bad = Self.header + "（2025）豫0423行初1号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2025-13-02,,,,,,,,\n"
            let refused = try await app.send(
                .POST, "/regions/410423/litigation/cases/import", as: court,
                headers: [("Content-Type", "text/csv")], body: Data(bad.utf8))
            #expect(
                refused.text.split(separator: "\n").last
                    == #"{"refused":{"error":{"code":"invalid","message":"文件中有 1 处问题，未写入任何数据"},"rows":[{"column":"立案日期","reason":"无法识别日期“2025-13-02”，可写 2023-07-24、2023\/7\/24 或 2023年7月24日","row":2}]}}"#
            )
        }
    }

    /// A file sorted by hearing date spreads a case over rows batches apart: the later rows add its hearings, a
    /// file sent again counts every case unchanged, and only a real change counts as one.
    @Test func aCaseSpreadOverBatchesIsOneCase() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            func row(_ number: Int, hearing: String = ",,,,") -> String {
                "（2025）豫0423行初\(number)号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2025-01-02,,,,\(hearing)\n"
            }
            func send(_ rows: [String]) async throws -> String {
                try await app.send(
                    .POST, "/api/v1/litigation/cases/import", as: court, headers: [("Content-Type", "text/csv")],
                    body: Data((Self.header + rows.joined()).utf8)
                ).text
            }
            // Cases 1 and 2 are each heard on two rows, with 2 500 other cases (more than a batch) in between.
            let first = [row(1, hearing: "2025-03-01,是,局长,是,是"), row(2, hearing: "2025-03-02,否,,否,否")]
            let middle = (3...2_502).map { row($0) }
            let last = [row(1, hearing: "2025-09-01,否,,否,否"), row(2), row(2, hearing: "2025-09-02,是,副局长,否,是")]
            #expect(try await send(first + middle + last) == #"{"created":2502,"unchanged":0,"updated":0}"#)
            func hearings(_ number: Int) async throws -> [String] {
                let stored = try #require(
                    try await AdminCase.query(on: app.db).filter(\.$caseNumber == "（2025）豫0423行初\(number)号").first())
                return try await Hearing.query(on: app.db).filter(\.$adminCase.$id == stored.id!).sort(\.$heldOn).all()
                    .map { "\($0.heldOn) \($0.headAppeared) \($0.headRank)" }
            }
            #expect(try await hearings(1) == ["2025-03-01 true 局长", "2025-09-01 false "])
            #expect(try await hearings(2) == ["2025-03-02 false ", "2025-09-02 true 副局长"])
            #expect(
                try await Hearing.query(on: app.db).join(AdminCase.self, on: \Hearing.$adminCase.$id == \AdminCase.$id)
                    .filter(AdminCase.self, \.$filedOn == "2025-01-02").count() == 4)

            // The same file again, and sorted the other way round: nothing changed.
            #expect(try await send(first + middle + last) == #"{"created":0,"unchanged":2502,"updated":0}"#)
            #expect(try await send(last + middle + first) == #"{"created":0,"unchanged":2502,"updated":0}"#)
            // Case 1 without its second hearing; case 2 whole and unchanged in its first batch, then given a third.
            let third = row(2, hearing: "2025-10-09,是,局长,是,是")
            #expect(
                try await send([first[0], first[1], last[2]] + middle + [third])
                    == #"{"created":0,"unchanged":2500,"updated":2}"#)
            #expect(try await hearings(1) == ["2025-03-01 true 局长"])
            #expect(try await hearings(2) == ["2025-03-02 false ", "2025-09-02 true 副局长", "2025-10-09 true 局长"])
            // A later row that disagrees with its case's first row, batches after it went out.
            let disagreeing = row(1).replacingOccurrences(of: "工伤认定", with: "行政处罚")
            #expect(
                try await send(first + middle + [disagreeing])
                    == #"{"error":{"code":"invalid","message":"文件中有 1 处问题，未写入任何数据"},"rows":[{"column":"案号","reason":"与第 2 行同一案号的案件信息不一致","row":2504}]}"#
            )
        }
    }

    /// A bad row after whole batches were written: the transaction is rolled back, nothing stays.
    @Test func aBadRowAfterWrittenBatchesLeavesNothing() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let before = try await (AdminCase.query(on: app.db).count(), Hearing.query(on: app.db).count())
            var csv = Self.header
            for number in 1...5_000 {
                csv += "（2025）豫0423行初\(number)号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2025-01-02,,,,2025-02-03,是,局长,是,是\n"
            }
            csv += "（2025）豫0423行初5001号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2025-01-02,,,,2024-02-03,是,局长,是,是\n"
            let response = try await app.send(
                .POST, "/regions/410423/litigation/cases/import", as: court, headers: [("Content-Type", "text/csv")],
                body: Data(csv.utf8))
            let lines = response.text.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0.hasPrefix(#"{"stored""#) }.count <= 2)
            #expect(
                lines.last
                    == #"{"refused":{"error":{"code":"invalid","message":"文件中有 1 处问题，未写入任何数据"},"rows":[{"column":"开庭日期","reason":"早于立案日期","row":5002}]}}"#
            )
            #expect(try await (AdminCase.query(on: app.db).count(), Hearing.query(on: app.db).count()) == before)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.casesImported.rawValue).count()
                    == 0)
        }
    }

    /// The file's cases come in batches, the last one marked: a stream that ends without it (its consumer was
    /// cancelled) is not a whole file, and the import rolls back.
    @Test func theLastBatchIsMarked() async throws {
        try await withTestApp { app in
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            let rows = try await CaseRows(scope: Scope(regionPath: region.path, includesLower: true), on: app.db)
            var csv = Self.header
            for number in 1...4_500 {
                csv += "（2025）豫0423行初\(number)号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2025-01-02,,,,,,,,\n"
            }
            var batches: [(cases: Int, isLast: Bool)] = []
            try await withTemporaryFile(Data(csv.utf8)) { file in
                for try await batch in CaseImport.batches(
                    file, rows: rows, threadPool: app.threadPool, progress: { _ in })
                {
                    batches.append((batch.cases.count, batch.isLast))
                }
            }
            #expect(batches.map(\.cases) == [2_000, 2_000, 500])
            #expect(batches.map(\.isLast) == [false, false, true])
        }
    }

    @Test func gbkAndBOMFilesImportLikeUTF8() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let rows =
                Self.header + "（2024）豫0423行初7号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2024-03-01,,,,,,,,\n"
            for (body, expected) in [
                (try gb18030(rows), #"{"created":1,"unchanged":0,"updated":0}"#),
                (Data([0xEF, 0xBB, 0xBF]) + Data(rows.utf8), #"{"created":0,"unchanged":1,"updated":0}"#),
            ] {
                let response = try await app.send(
                    .POST, "/api/v1/litigation/cases/import", as: court, headers: [("Content-Type", "text/csv")],
                    body: body)
                #expect(response.text == expected)
            }
        }
    }

    @Test func theTemplatesCarryTheFixedHeaderAndImport() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let csv = try await app.send(.GET, "/regions/410423/litigation/cases/template.csv", as: court)
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(try CSV.rows(CSV.text(from: Data(csv.body.readableBytesView)))[0] == CaseRows.header)
            let xlsx = try await app.send(.GET, "/regions/410423/litigation/cases/template.xlsx", as: court)
            #expect(xlsx.headers.first(name: .contentType) == XLSX.contentType)
            let data = Data(xlsx.body.readableBytesView)
            #expect(try XLSX.rows(of: data)[0] == CaseRows.header)
            let imported = try await app.send(
                .POST, "/api/v1/litigation/cases/import", as: court, headers: [("Content-Type", XLSX.contentType)],
                body: data)
            #expect(imported.status == .unprocessableEntity)
            #expect(imported.text.contains(#""reason":"没有可导入的行""#))
        }
    }

    private func gb18030(_ text: String) throws -> Data {
        let converter = iconv_open("GB18030", "UTF-8")
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2)
        let written = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return outRaw.count - outLeft
            }
        }
        return Data(output[..<written])
    }
}
