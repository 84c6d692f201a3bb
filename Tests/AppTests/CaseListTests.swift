import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// The cases list of a region and the regions below it: newest filing first, then case number; numbered pages and
/// keyset pages (`after`) walk the same rows; the hearing counts are each case's; the caller's scope holds.
@Suite struct CaseListTests {
    /// 130 cases of 2031 (clear of the demo's): every third in 卫东区, the rest in 鲁山县, on 20 filing days so that
    /// many share a day and are ordered by number. The first has two hearings, one with the head appearing.
    func addCases(_ app: Application) async throws -> [AdminCase] {
        let lushan = try await app.unit(named: "鲁山县自然资源局")
        let weidong = try await app.unit(named: "卫东区财政局")
        var cases: [AdminCase] = []
        for n in 0..<130 {
            let (unit, code) = n % 3 == 0 ? (weidong, "0403") : (lushan, "0423")
            let item = AdminCase(
                fixture: "（2031）豫\(code)行初\(90_000 + n)号", filedOn: "2031-0\(1 + n % 4)-1\(n % 5)", defendant: unit)
            cases.append(item)
        }
        try await app.db.insert(cases, now: Date())
        let heard = [true, false].map {
            Hearing(
                of: cases[0].id!,
                CaseRows.HearingRow(
                    heldOn: "2031-05-01", headAppeared: $0, rank: $0 ? "局长" : "", principal: $0, spoke: $0))
        }
        try await app.db.insert(heard, now: Date())
        return cases
    }

    func page(_ app: Application, _ query: String, as session: TestSession) async throws -> LitigationAPI.CasePage {
        let response = try await app.send(.GET, "/api/v1/litigation/cases?number=2031）豫04&\(query)", as: session)
        #expect(response.status == .ok, "\(query): \(response.text)")
        return try JSONDecoder().decode(LitigationAPI.CasePage.self, from: Data(response.body.readableBytesView))
    }

    @Test func numberedAndKeysetPagesWalkTheSameOrder() async throws {
        try await withTestApp(demo: true) { app in
            let cases = try await addCases(app)
            let expected = cases.sorted { ($1.filedOn, $0.caseNumber) < ($0.filedOn, $1.caseNumber) }.map(\.caseNumber)
            #expect(expected.prefix(3) == ["（2031）豫0403行初90039号", "（2031）豫0403行初90099号", "（2031）豫0423行初90019号"])
            let city = try await app.signIn("pds.office")

            var numbered: [String] = []
            for number in 1...3 {
                let page = try await page(app, "region=410400&page=\(number)", as: city)
                #expect((page.total, page.page, page.pageSize) == (130, number, 50))
                #expect(page.cases.count == (number < 3 ? 50 : 30))
                #expect((page.next == nil) == (number == 3))
                numbered += page.cases.map(\.caseNumber)
            }
            #expect(numbered == expected)

            var keyset: [String] = []
            var after: String? = nil
            repeat {
                let page = try await page(app, "region=410400" + (after.map { "&after=\($0)" } ?? ""), as: city)
                #expect((page.total, page.page) == (130, 1))
                keyset += page.cases.map(\.caseNumber)
                after = page.next
            } while after != nil && keyset.count < 200
            #expect(keyset == expected)

            let beyond = try await page(app, "region=410400&page=9", as: city)
            #expect(beyond.page == 3)
            #expect(beyond.cases.map(\.caseNumber) == Array(expected.suffix(30)))

            let first = try #require(
                try await page(app, "region=410400&page=3", as: city).cases.first {
                    $0.caseNumber == cases[0].caseNumber
                })
            #expect((first.heard, first.appeared, first.defendant, first.region) == (2, 1, "卫东区财政局", "410403"))
        }
    }

    @Test func aCountySeesItsOwnAndBadPagingIsRefused() async throws {
        try await withTestApp(demo: true) { app in
            let cases = try await addCases(app)
            let lushan = try await app.signIn("lushan.office")
            let own = cases.filter { $0.caseNumber.contains("0423") }
                .sorted { ($1.filedOn, $0.caseNumber) < ($0.filedOn, $1.caseNumber) }.map(\.caseNumber)
            let first = try await page(app, "region=410423", as: lushan)
            let second = try await page(app, "region=410423&after=\(try #require(first.next))", as: lushan)
            #expect(first.total == 86)
            #expect(first.cases.map(\.caseNumber) + second.cases.map(\.caseNumber) == own)
            #expect(second.next == nil)
            #expect(try await app.send(.GET, "/api/v1/litigation/cases?region=410400", as: lushan).status == .notFound)

            for (query, reason) in [
                ("after=!!", "after：须为上一页返回的 next"), ("after=eA", "after：须为上一页返回的 next"),
                ("page=2&after=\(try #require(first.next))", "after：不能与 page 同时使用"), ("page=0", "page：须为正整数"),
            ] {
                let response = try await app.send(.GET, "/api/v1/litigation/cases?region=410423&\(query)", as: lushan)
                #expect(response.status == .unprocessableEntity, "\(query)")
                #expect(response.text.contains(reason), "\(query): \(response.text)")
            }
        }
    }

    /// `%`, `_` and `\` in the number searched for stand for themselves: `2031%` once matched every case of 2031
    /// and `_` any one character.
    @Test func wildcardsInTheNumberSearchedForAreTakenLiterally() async throws {
        try await withTestApp(demo: true) { app in
            _ = try await addCases(app)
            let lushan = try await app.signIn("lushan.office")
            func total(_ number: String) async throws -> Int {
                let query = number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? number
                let response = try await app.send(
                    .GET, "/api/v1/litigation/cases?region=410423&number=\(query)", as: lushan)
                #expect(response.status == .ok, "\(number): \(response.text)")
                return try JSONDecoder().decode(
                    LitigationAPI.CasePage.self, from: Data(response.body.readableBytesView)
                )
                .total
            }
            #expect(try await total("（2031）豫0423行初9000") == 6)
            #expect(try await total("（2031）豫0423行初9000_") == 0)
            #expect(try await total("2031%90001") == 0)
            #expect(try await total("%") == 0)
            #expect(try await total("\\") == 0)
        }
    }

    @Test func thePageShowsTheSameRowsAsTheAPI() async throws {
        try await withTestApp(demo: true) { app in
            let cases = try await addCases(app)
            let expected = cases.sorted { ($1.filedOn, $0.caseNumber) < ($0.filedOn, $1.caseNumber) }.map(\.caseNumber)
            let city = try await app.signIn("pds.office")
            let html = try await app.send(
                .GET, "/regions/410400/litigation/cases?number=2031%EF%BC%89%E8%B1%AB04&page=7", as: city
            ).text
            #expect(html.contains("共 130 件"))
            #expect(html.contains("第 3 / 3 页"))
            let shown = expected.filter { html.contains($0) }
            #expect(shown == Array(expected.suffix(30)))
        }
    }

    @Test func cursorsRoundTrip() {
        let cursor = CaseQueries.Cursor(filedOn: "2031-03-12", number: "（2031）豫0423行初90001号")
        #expect(CaseQueries.Cursor(token: cursor.token) == cursor)
        #expect(!cursor.token.contains { "+/=".contains($0) })
        #expect(CaseQueries.Cursor(token: "MjAzMS0xMy0wMSx4") == nil)  // "2031-13-01,x": no such day
    }
}
