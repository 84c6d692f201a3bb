import Fluent
import Foundation
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// Enforcement cases against organs: money in fen from the form to the API and the export and back, the payments'
/// steps, the figures of the demo's campaigns worked out by hand, and the supervision of a late organ. On SQLite
/// and, with `DATABASE_URL`, on PostgreSQL.
@Suite struct EnforcementCaseTests {
    static let api = "/api/v1/regions/410423/enforcement/cases"

    @Test func paymentsCompleteACaseInFen() async throws {
        try await withTestApp { app in
            // setup
            let court = try await app.signIn("lushan.court")
            let zrzy = try await app.unit(named: "鲁山县自然资源局")
            let input = EnforcementStore.Input(
                caseNumber: "(2025)豫0423执5号", organID: zrzy.id!, basis: "（2024）豫0423行初3号行政判决", obligation: .money,
                owedFen: 12_507_239, filedOn: "2025-03-01")
            // act
            let created = try await app.send(.POST, Self.api, as: court, json: input)
            // check
            #expect(created.status == .created)
            let made = try created.content.decode(EnforcementAPI.CaseDTO.self)
            #expect([made.caseNumber, made.court] == ["（2025）豫0423执5号", "鲁山县人民法院"])
            #expect([made.owedFen, made.paidFen, made.outstandingFen] == [12_507_239, 0, 12_507_239])
            #expect(made.state == .unperformed)
            let path = Self.api + "/" + made.id.uuidString
            func pay(_ fen: Int64?, _ method: PaymentMethod = .transferred) async throws -> TestingHTTPResponse {
                try await app.send(
                    .POST, path + "/payments", as: court,
                    json: EnforcementStore.Payment(paidOn: "2025-06-30", amountFen: fen, method: method, note: nil))
            }
            let part = try await pay(5_000_000, .budgeted).content.decode(EnforcementAPI.CaseDTO.self)
            #expect(part.state == .partial)
            #expect(part.outstandingFen == 7_507_239)
            let tooMuch = try await pay(7_507_240)
            #expect(tooMuch.status == .unprocessableEntity)
            #expect(tooMuch.text.contains("金额：超过未履行金额 75072.39 元"))
            let rest = try await pay(7_507_239).content.decode(EnforcementAPI.CaseDTO.self)
            #expect(rest.state == .performed)
            #expect([rest.paidFen, rest.outstandingFen] == [12_507_239, 0])
            #expect(rest.payments.map(\.amountFen) == [5_000_000, 7_507_239])
            let again = try await pay(1)
            #expect(again.status == .conflict)
            #expect(again.text.contains("该案件已“已履行到位”，不能再登记履行"))
            let ended = try await app.send(
                .POST, path + "/end", as: court, json: EnforcementStore.Ending(state: .settled, note: "和解"))
            #expect(ended.status == .conflict)
            // The office reads it, but records nothing.
            let office = try await app.signIn("lushan.office")
            #expect(try await app.send(.GET, path, as: office).status == .ok)
            #expect(
                try await app.send(
                    .POST, path + "/payments", as: office,
                    json: EnforcementStore.Payment(paidOn: "2025-06-30", amountFen: 1, method: .budgeted, note: nil)
                ).status == .forbidden)
            #expect(
                try await app.auditEntries(.enforcementPaid).map(\.summary) == [
                    "（2025）豫0423执5号 履行 50000.00 元（列入财政预算支付），部分履行",
                    "（2025）豫0423执5号 履行 75072.39 元（转入法院执行款专户），已履行到位",
                ])
        }
    }

    @Test func theFormReadsYuanAndTheExportWritesItBack() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let zrzy = try await app.unit(named: "鲁山县自然资源局")
            let before = try await EnforcementCase.query(on: app.db).count()
            let refused = try await app.send(
                .POST, "/regions/410423/enforcement", as: court,
                form: [
                    ("caseNumber", "(2025)豫0423执6号"), ("organID", zrzy.id!.uuidString), ("obligation", "money"),
                    ("owed", "125072.391"), ("filedOn", "2025-03-01"),
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("标的金额：“125072.391”的小数位过多：金额精确到分"))
            #expect(try await EnforcementCase.query(on: app.db).count() == before)
            let saved = try await app.send(
                .POST, "/regions/410423/enforcement", as: court,
                form: [
                    ("caseNumber", "(2025)豫0423执6号"), ("organID", zrzy.id!.uuidString), ("obligation", "money"),
                    ("owed", "125,072.39"), ("filedOn", "2025-03-01"), ("campaignID", ""),
                ])
            #expect(saved.status == .seeOther)
            let stored = try #require(
                try await EnforcementCase.query(on: app.db).filter(\.$caseNumber == "（2025）豫0423执6号").first())
            #expect(stored.owedFen == 12_507_239)
            let page = try await app.send(.GET, try #require(saved.location), as: court)
            #expect(page.text.contains(#"<dd id="owed">125072.39 元</dd>"#))
            let xlsx = try await app.send(.GET, "/regions/410423/enforcement.xlsx?q=执6号", as: court)
            let rows = try XLSX.rows(of: Data(xlsx.body.readableBytesView))
            #expect(rows.first == EnforcementTable.header)
            #expect(
                rows.dropFirst().map { [$0[0], $0[6], $0[7], $0[8], $0[9]] } == [
                    ["（2025）豫0423执6号", "125072.39", "0.00", "125072.39", "未履行"]
                ])
            let csv = try await app.send(.GET, "/regions/410423/enforcement.csv?q=执6号", as: court)
            #expect(
                csv.text.contains("（2025）豫0423执6号,鲁山县人民法院,鲁山县自然资源局,鲁山县,,给付金钱,125072.39,0.00,125072.39,未履行,,2025-03-01"))
        }
    }

    @Test func anExportImportsBackAndABadFileWritesNothing() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let path = "/api/v1/regions/410423/enforcement/cases/import"
            let before = try await EnforcementCase.query(on: app.db).count()
            // act: a CSV with a byte-order mark, as Excel saves it, with a bad amount and a duplicated number
            let bad =
                Data([0xEF, 0xBB, 0xBF])
                + Data(
                    """
                    案号,被执行单位,履行内容,标的金额（元）,已履行金额（元）,立案日期
                    (2026)豫0423执960号,县自然资源局,,12.345,,2026-04-01
                    (2026)豫0423执960号,县自然资源局,,100,200,2026-04-01

                    """.utf8)
            let refused = try await app.send(.POST, path, as: court, body: bad)
            // check
            #expect(refused.status == .unprocessableEntity)
            let rows = try refused.content.decode(SpreadsheetImport.Refusal.self).rows
            #expect(
                rows.map { "\($0.row) \($0.column) \($0.reason)" } == [
                    "2 标的金额（元） “12.345”的小数位过多：金额精确到分", "3 案号 与第 2 行重复", "3 已履行金额（元） 超过标的金额",
                ])
            #expect(try await EnforcementCase.query(on: app.db).count() == before)
            // The list's own export imports back: every case unchanged.
            let export = try await app.send(.GET, "/regions/410423/enforcement.csv", as: court)
            let again = try await app.send(.POST, path, as: court, body: Data(export.body.readableBytesView))
            #expect(again.status == .ok)
            #expect(try again.content.decode(EnforcementImport.Counts.self) == .init(created: 0, unchanged: 3))
            let good = Data(
                """
                案号,被执行单位,履行内容,标的金额（元）,已履行金额（元）,立案日期
                (2026)豫0423执961号,县自然资源局,,"125,072.39",50000,2026-04-01

                """.utf8)
            let imported = try await app.send(.POST, path, as: court, body: good)
            #expect(try imported.content.decode(EnforcementImport.Counts.self) == .init(created: 1, unchanged: 0))
            let stored = try #require(
                try await EnforcementCase.query(on: app.db).filter(\.$caseNumber == "（2026）豫0423执961号").first())
            #expect([stored.owedFen, stored.paidFen] == [12_507_239, 5_000_000])
            #expect(stored.state == .partial)
            #expect(
                try await EnforcementPayment.query(on: app.db).filter(\.$enforcementCase.$id == stored.id!).count() == 1
            )
            #expect(
                try await app.auditEntries(.enforcementImported).map(\.summary) == [
                    "导入涉党政机关执行案件：新增 0，未变 3", "导入涉党政机关执行案件：新增 1，未变 0",
                ])
        }
    }

    /// 鲁山县 (seed 000): 729号 125072.39 paid in full; 住建局 386000.00 owed, 150000.00 paid; 张官营镇 owes an act;
    /// the campaign's day passed six days ago. 安阳市 (seed 001): 112 cases, 9915.02 万元 paid, all cleared.
    @Test func theDemosFiguresAreTheSeeds() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let lushan = try await app.send(.GET, "/api/v1/regions/410423/enforcement/figures", as: office)
                .content.decode(EnforcementAPI.FiguresDTO.self)
            #expect(
                lushan.total
                    == .init(cases: 3, open: 2, owedFen: 51_107_239, paidFen: 27_507_239, outstandingFen: 23_600_000))
            #expect(
                lushan.campaigns.map { "\($0.name) \($0.cleared)/\($0.figures.cases)" } == ["涉鲁山县党政机关未履行生效判决问题专项清理 1/3"]
            )
            #expect(
                Set(lushan.organs.map { "\($0.name) \($0.figures.outstandingFen)" }) == [
                    "鲁山县住房和城乡建设局 23600000", "平顶山市昭平台水库管理局 0", "张官营镇人民政府 0",
                ])
            let anyang = try await app.send(
                .GET, "/api/v1/regions/410500/enforcement/figures", as: try await app.signIn("anyang.office")
            ).content.decode(EnforcementAPI.FiguresDTO.self)
            #expect(
                anyang.total
                    == .init(cases: 112, open: 0, owedFen: 9_915_020_000, paidFen: 9_915_020_000, outstandingFen: 0))
            #expect(anyang.campaigns.map(\.cleared) == [112])
            // The province sees both, and its cities side by side.
            let henan = try await app.send(
                .GET, "/api/v1/regions/410000/enforcement/figures", as: try await app.signIn("henan.office")
            ).content.decode(EnforcementAPI.FiguresDTO.self)
            #expect(henan.total.cases == 115)
            #expect(
                henan.lower.filter { $0.figures.cases > 0 }.map { "\($0.name) \($0.figures.cases)" } == [
                    "平顶山市 3", "安阳市 112",
                ])

            // One action turns a late organ into an urge of the office's supervision.
            let housing = try await app.unit(named: "鲁山县住房和城乡建设局")
            let urged = try await app.send(
                .POST, "/regions/410423/enforcement/supervise", as: office, form: [("organID", housing.id!.uuidString)])
            #expect(urged.status == .seeOther)
            #expect(urged.location == "/regions/410423/supervision")
            let supervision = try #require(try await Supervision.query(on: app.db).filter(\.$kind == .urge).first())
            #expect(
                supervision.text
                    == "涉鲁山县党政机关未履行生效判决问题专项清理要求 \(HomeCard.day(CalendarDay(containing: app.clock.now()).adding(days: -6).description)) 前清零，鲁山县住房和城乡建设局仍有 1 件未履行（如 （2024）豫0423执321号），未履行金额 236000.00 元。请说明原因，报告履行计划。"
            )
            // An organ with nothing late is refused, and nothing is written.
            let justice = try await app.unit(named: "鲁山县司法局")
            let refused = try await app.send(
                .POST, "/regions/410423/enforcement/supervise", as: office, form: [("organID", justice.id!.uuidString)])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Supervision.query(on: app.db).filter(\.$kind == .urge).count() == 1)
            // Another county sees none of 鲁山县's.
            #expect(
                try await app.send(.GET, Self.api, as: try await app.signIn("weidong.office")).status == .notFound)
        }
    }

    /// With more late organs than the figures show, the office's own come first, whatever their campaign's day:
    /// they are the ones its 督办 button is for. The counts are of all.
    @Test func theOfficesOwnLateOrgansComeFirst() async throws {
        try await withTestApp { app in
            // setup: a campaign of 平顶山市 a day late (鲁山县's demo campaign is six days late), one case open in it
            let city = try #require(try await Region.query(on: app.db).filter(\.$code == "410400").first())
            let today = CalendarDay(containing: app.clock.now())
            let campaign = EnforcementCampaign()
            (campaign.$region.id, campaign.name, campaign.targetOn) =
                (city.id!, "平顶山市专项清理", today.adding(days: -1).description)
            try await campaign.create(on: app.db)
            let item = EnforcementCase()
            (item.$region.id, item.$organ.id, item.$campaign.id) =
                (city.id!, try await app.unit(named: "平顶山市财政局").id!, campaign.id)
            (item.caseNumber, item.court, item.basis, item.obligation) = ("（2026）豫04执1号", "平顶山市中级人民法院", "", .money)
            (item.owedFen, item.paidFen, item.act, item.note) = (100, 0, "", "")
            (item.filedOn, item.state) = (today.adding(days: -30).description, .unperformed)
            try await item.create(on: app.db)
            let scope = try await app.acting("pds.office").caller.scope
            // act
            let all = try await EnforcementFiguresQueries.late(region: city, scope: scope, today: today, on: app.db)
            let first = try await EnforcementFiguresQueries.late(
                region: city, scope: scope, today: today, limit: 1, on: app.db)
            // check: the city's organ, then 鲁山县's two (HomeTests); one shown of three
            #expect(all.rows.first?.organName == "平顶山市财政局")
            #expect(Set(all.rows.dropFirst().map(\.organName)) == ["张官营镇人民政府", "鲁山县住房和城乡建设局"])
            #expect(first.rows.map(\.organName) == ["平顶山市财政局"])
            #expect([Int]([first.pairs, first.open, all.pairs, all.open]) == [3, 3, 3, 3])
        }
    }
}
