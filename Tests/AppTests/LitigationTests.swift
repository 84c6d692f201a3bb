import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

@Suite struct LitigationAPITests {
    func answer(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
    }

    @Test func lushansDemoFiguresAreTheSeeds() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let response = try await app.send(
                .GET, "/api/v1/litigation/figures?region=410423&from=2023-01-01&to=2023-07-24&breakdown=unit",
                as: office)
            #expect(response.status == .ok)
            let json = try answer(response)
            let figures = json["figures"] as! [String: Any]
            #expect(figures["received"] as? Int == 59)
            #expect(figures["pending"] as? Int == 16)
            #expect(figures["concluded"] as? Int == 43)
            #expect(figures["losses"] as? Int == 6)
            #expect(figures["carriedOver"] as? Int == 12)
            #expect(figures["caseload"] as? Int == 47)
            #expect(String(format: "%.1f", (figures["lossRate"] as! Double) * 100) == "14.0")
            #expect(figures["heard"] as? Int == 34)
            #expect(figures["appeared"] as? Int == 31)  // 91.2 %
            let previous = json["previous"] as! [String: Any]
            #expect(previous["caseload"] as? Int == 55)
            #expect(previous["losses"] as? Int == 11)
            #expect(previous["concluded"] as? Int == 48)
            #expect(json["doubleDecline"] as? Bool == true)
            let rows = (json["breakdown"] as! [[String: Any]]).map {
                ($0["label"] as! String, ($0["figures"] as! [String: Any])["losses"] as! Int)
            }
            #expect(rows.prefix(2).map { "\($0.0) \($0.1)" } == ["鲁山县自然资源局 4", "鲁山县人力资源和社会保障局 2"])
            #expect(rows.dropFirst(2).allSatisfy { $0.1 == 0 })
        }
    }

    @Test func anyangsFirstHalfOf2024() async throws {
        try await withTestApp { app in
            let response = try await app.send(
                .GET, "/api/v1/litigation/figures?region=410500&from=2024-01-01&to=2024-06-30",
                as: try await app.signIn("anyang.leader"))
            let json = try answer(response)
            let figures = json["figures"] as! [String: Any]
            #expect(figures["caseload"] as? Int == 266)
            #expect(figures["losses"] as? Int == 41)
            #expect(json["doubleDecline"] as? Bool == true)
            #expect(json["breakdown"] == nil)
            // Scope: a county does not read the city; the province reads both.
            #expect(
                try await app.send(
                    .GET, "/api/v1/litigation/figures?region=410500&from=2024-01-01&to=2024-06-30",
                    as: try await app.signIn("lushan.office")
                ).status == .notFound)
            let province = try answer(
                try await app.send(
                    .GET, "/api/v1/litigation/figures?region=410000&from=2023-01-01&to=2023-07-24",
                    as: try await app.signIn("henan.office")))
            // 鲁山 59 received + 安阳 H1 2023 cases filed to 24 July (290 new, none carried).
            #expect((province["figures"] as! [String: Any])["received"] as? Int == 59 + 290)
        }
    }

    @Test func anEmptyPeriodGivesNullRates() async throws {
        try await withTestApp { app in
            let json = try answer(
                try await app.send(
                    .GET, "/api/v1/litigation/figures?region=410403&from=2023-01-01&to=2023-12-31",
                    as: try await app.signIn("weidong.office")))
            let figures = json["figures"] as! [String: Any]
            #expect(figures["received"] as? Int == 0)
            #expect(figures["lossRate"] is NSNull)
            #expect(json["doubleDecline"] as? Bool == false)
            let bad = try await app.send(
                .GET, "/api/v1/litigation/figures?region=410403&from=2023-13-01&to=2023-12-31",
                as: try await app.signIn("weidong.office"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("from：须为 YYYY-MM-DD"))
        }
    }

    static let header = "案号,审理法院,审级,被告单位,区划代码,行政行为类别,原告类型,立案日期,结案日期,裁判结果,败诉原因,开庭日期,负责人出庭,出庭负责人职务,是否正职,是否出声\n"

    @Test func importIsIdempotentAndAllOrNothing() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let csv =
                Self.header
                + "(2024)豫0423行初1号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2024/3/1,2024年5月20日,撤销,事实认定不清,2024-04-10,是,副局长,否,是\n"
                + "(2024)豫0423行初1号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2024/3/1,2024年5月20日,撤销,事实认定不清,2024-05-10,是,局长,是,是\n"
                + "（2024）豫0423行初2号,鲁山县人民法院,一审,县政府办,410423,信息公开,个人,2024-03-05,,,,,,,,\n"
            var headers = [
                ("Content-Type", "text/csv"), ("X-CSRF-Token", court.csrf),
                ("Cookie", "\(Cookies.session)=\(court.cookie)"),
            ]
            func post(_ body: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/litigation/cases/import", headers: HTTPHeaders(headers),
                    body: ByteBuffer(string: body))
            }
            let first = try await post(csv)
            #expect(first.status == .ok)
            #expect(first.text == #"{"created":2,"unchanged":0,"updated":0}"#)
            #expect(try await post(csv).text == #"{"created":0,"unchanged":2,"updated":0}"#)
            let changed = csv.replacingOccurrences(of: "2024-03-05,,,,,,,,", with: "2024-03-05,2024-06-01,撤诉,,,,,,")
            #expect(try await post(changed).text == #"{"created":0,"unchanged":1,"updated":1}"#)
            let stored = try #require(
                try await AdminCase.query(on: app.db).filter(\.$caseNumber == "（2024）豫0423行初1号").first())
            #expect(stored.outcome == .revoked)
            #expect(try await Hearing.query(on: app.db).filter(\.$adminCase.$id == stored.id!).count() == 2)
            let before = try await AdminCase.query(on: app.db).count()
            let bad =
                Self.header
                + "(2024)豫0423行初3号,鲁山县人民法院,一审,县教育局,410423,行政处罚,个人,2024-03-01,,,,,,,,\n"
                + "(2024)豫0423民终4号,鲁山县人民法院,二审,县人社局,410403,行政处罚,个人,2024-03-01,2024-02-01,撤销,,,,,,\n"
            let refused = try await post(bad)
            #expect(refused.status == .unprocessableEntity)
            let json = try answer(refused)
            let rows = (json["rows"] as! [[String: Any]]).map { "\($0["row"]!) \($0["column"]!) \($0["reason"]!)" }
            #expect(rows.contains { $0.hasPrefix("2 被告单位 鲁山县没有“县教育局”") })
            #expect(rows.contains("3 案号 类型代字“民终”不是行政案件"))
            #expect(rows.contains("3 区划代码 “410403”不存在或不在您的范围内"))
            #expect(try await AdminCase.query(on: app.db).count() == before)
            headers[0] = ("Content-Type", "text/csv")
            #expect(
                try await app.send(
                    .POST, "/api/v1/litigation/cases/import", as: try await app.signIn("lushan.office"),
                    headers: [("Content-Type", "text/csv")]
                ).status == .forbidden)
        }
    }
}

@Suite struct LitigationPageTests {
    @Test func theDashboardShowsTheSeedsFigures() async throws {
        try await withTestApp { app in
            let page = try await app.send(
                .GET, "/regions/410423/litigation?from=2023-01-01&to=2023-07-24",
                as: try await app.signIn("lushan.leader"))
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains(#"<div class="stat" id="fig-received"><div class="num">59</div>"#))
            #expect(text.contains(#"<div class="stat" id="fig-pending"><div class="num">16</div>"#))
            #expect(text.contains(#"<div class="stat" id="fig-concluded"><div class="num">43</div>"#))
            #expect(text.contains(#"<div class="stat" id="fig-losses"><div class="num">6</div>"#))
            #expect(
                text.contains(
                    #"<div class="stat" id="fig-loss-rate"><div class="num">14.0%</div><div class="cap">败诉率</div><div class="cap">上年同期 22.9%</div>"#
                ))
            #expect(text.contains("实现“双下降”：发案量 47 件（上年同期 55 件），败诉率 14.0%（上年同期 22.9%）。"))
            #expect(text.contains(#"<tr data-name="鲁山县自然资源局">"#))
            #expect(text.contains("<svg"))
        }
    }

    /// 120 more defendant units with a case each: the ranking shows the first 100 with the number of all and a link
    /// to all of them; the figures and the chart count every case either way.
    @Test func aLongRankingShowsItsFirstHundred() async throws {
        try await withTestApp { app in
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            let units = (1...120).map {
                App.Unit(id: UUID(), name: "测试单位\($0)", kind: .department, regionID: region.id!)
            }
            for unit in units { try await unit.create(on: app.db) }
            let cases = units.enumerated().map { index, unit in
                AdminCase(fixture: "（2023）豫0423行初\(5_000 + index)号", filedOn: "2023-03-01", defendant: unit)
            }
            try await app.db.insert(cases, now: Date())
            let leader = try await app.signIn("lushan.leader")
            let path = "/regions/410423/litigation?from=2023-01-01&to=2023-07-24"
            let page = try await app.send(.GET, path, as: leader).text
            let shown = page.components(separatedBy: #"<tr data-name=""#).count - 1
            let ranked = try await LitigationQueries.figures(
                region: region, unit: nil,
                period: DayRange(
                    from: CalendarDay(parsing: "2023-01-01")!, to: CalendarDay(parsing: "2023-07-24")!),
                breakdown: .unit, on: app.db
            ).rows.count
            #expect(ranked > 120)
            #expect(shown == 100)
            #expect(page.contains(#"<div class="stat" id="fig-received"><div class="num">\#(59 + 120)</div>"#))
            #expect(
                page.contains(
                    "共 \(ranked) 个被告单位，显示败诉件数居前的 100 个。<a href=\"/regions/410423/litigation?from=2023-01-01&amp;to=2023-07-24&amp;units=all\">显示全部</a>"
                ))
            let all = try await app.send(.GET, path + "&units=all", as: leader).text
            #expect(all.components(separatedBy: #"<tr data-name=""#).count - 1 == ranked)
            #expect(!all.contains("ranking-more"))
        }
    }

    @Test func theCitySeesItsCountiesSideBySide() async throws {
        try await withTestApp { app in
            let page = try await app.send(
                .GET, "/regions/410400/litigation?from=2023-01-01&to=2023-07-24", as: try await app.signIn("pds.office")
            )
            #expect(
                page.text.contains(
                    #"<tr data-name="鲁山县"><td class="nowrap">鲁山县</td><td>59</td><td>43</td><td>16</td><td>6</td><td>14.0%</td><td>34</td><td>91.2%</td>"#
                ))
            #expect(
                page.text.contains(
                    #"<tr data-name="卫东区"><td class="nowrap">卫东区</td><td>0</td><td>0</td><td>0</td><td>0</td><td>—</td>"#
                ))
        }
    }

    @Test func theQuarterlyBulletin() async throws {
        try await withTestApp { app in
            let page = try await app.send(
                .GET, "/regions/410423/litigation/bulletin?year=2023&quarter=2",
                as: try await app.signIn("lushan.office"))
            #expect(page.text.contains("鲁山县2023年第2季度行政机关负责人出庭应诉情况通报"))
            // Hearings dated 2023-04-01…06-30 (a hearing falls five days before conclusion): carried-over cases 9–11
            // (all appeared, 9 the principal) and new cases 13–30 (20 and 27 without the head; 15, 18, 21, 24, 30 the
            // principal; 13 appeared but did not speak): 21 heard, 19 appeared, 6 principal, 1 silent.
            #expect(page.text.contains("本季度开庭审理的行政案件 21 件，行政机关负责人出庭 19 件，出庭率 90.5%；正职出庭 6 件，出庭未出声 1 件。"))
        }
    }
}

@Suite struct LitigationWarningTests {
    @Test func aRedWarningBecomesAnUrgeWithOneAction() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let page = try await app.send(.GET, "/regions/410423/litigation?from=2023-01-01&to=2023-07-24", as: office)
            // 鲁山县自然资源局 lost 4 of 4 (100 %): red; 人社局 2 of 2: red; 市场监督管理局 appeared in 4 of 6 hearings: red.
            #expect(page.text.contains(#"<tr data-name="鲁山县自然资源局">"#))
            #expect(page.text.components(separatedBy: #"data-level="red""#).count - 1 == 3)
            #expect(page.text.contains("转为督办"))
            let leader = try await app.send(
                .GET, "/regions/410423/litigation?from=2023-01-01&to=2023-07-24",
                as: try await app.signIn("lushan.leader"))
            #expect(!leader.text.contains("转为督办"))
            let zrzy = try await app.unit(named: "鲁山县自然资源局")
            let urged = try await app.send(
                .POST, "/regions/410423/litigation/warnings", as: office,
                form: [
                    ("unitID", zrzy.id!.uuidString), ("from", "2023-01-01"), ("to", "2023-07-24"),
                ])
            #expect(urged.status == .seeOther)
            let supervision = try #require(try await Supervision.query(on: app.db).filter(\.$kind == .urge).first())
            #expect(
                supervision.text
                    == "行政诉讼红色预警：2023年1月1日至2023年7月24日，鲁山县自然资源局结案 4 件、败诉 4 件，败诉率 100.0%，负责人出庭率 100.0%。请分析原因，报告整改措施。")
            let liaison = try await app.send(.GET, "/regions/410423", as: try await app.signIn("lushan.zrzy"))
            #expect(liaison.text.contains(#"id="card-supervision-toAnswer" data-count="1""#))
            let calm = try await app.unit(named: "张官营镇人民政府")
            let refused = try await app.send(
                .POST, "/regions/410423/litigation/warnings", as: office,
                form: [
                    ("unitID", calm.id!.uuidString), ("from", "2023-01-01"), ("to", "2023-07-24"),
                ])
            #expect(refused.status == .unprocessableEntity)
        }
    }
}
