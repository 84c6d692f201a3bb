import Fluent
import Foundation
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// Judicial suggestions: the workflow through the API, the figures, the list's filters and pages, and the urges,
/// with values worked out by hand. Runs on SQLite and, with `DATABASE_URL`, on PostgreSQL.
@Suite struct SuggestionTests {
    static let api = "/api/v1/regions/410423/judicial-suggestions"

    @Test func theCourtIssuesAndTheAgencySignsAndRepliesLate() async throws {
        try await withTestApp { app in
            // setup
            let court = try await app.signIn("lushan.court")
            let agency = try await app.signIn("lushan.zrzy")
            let zrzy = try await app.unit(named: "鲁山县自然资源局")
            let today = CalendarDay(containing: app.clock.now())
            let input = SuggestionStore.Input(
                agencyID: zrzy.id!, reference: "鲁法司建〔2026〕1号", caseNumber: "(2025)豫0423行初15号",
                problem: "征收补偿决定未告知救济途径。", suggestion: "完整告知复议和诉讼的期限与途径。",
                issuedOn: today.adding(days: -70).description, replyDue: today.adding(days: -10).description)
            // act
            let issued = try await app.send(.POST, Self.api, as: court, json: input)
            // check
            #expect(issued.status == .created)
            let made = try issued.content.decode(SuggestionsAPI.SuggestionDTO.self)
            #expect(made.caseNumber == "（2025）豫0423行初15号")
            #expect(made.state == .issued)
            #expect(made.timeliness == .overdue)
            #expect(made.court == "鲁山县人民法院")
            let path = Self.api + "/" + made.id.uuidString

            // Replying before signing, and signing twice, are refused with the workflow's words.
            let reply = SuggestionStore.Reply(measures: "已修订决定书格式文本。", adoption: .none, reasons: nil)
            let early = try await app.send(.POST, path + "/reply", as: agency, json: reply)
            #expect(early.status == .conflict)
            #expect(early.text.contains("请先签收该司法建议，再回复"))
            #expect(try await app.send(.POST, path + "/sign", as: agency).status == .ok)
            let twice = try await app.send(.POST, path + "/sign", as: agency)
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("该司法建议已签收，不能重复签收"))
            // The court may not sign for the agency.
            #expect(try await app.send(.POST, path + "/sign", as: court).status == .forbidden)

            // A correction that leaves the days out keeps them.
            let corrected = try await app.send(
                .PATCH, path, as: court,
                json: SuggestionStore.Input(
                    agencyID: zrzy.id!, problem: "征收补偿决定未告知救济途径和期限。", suggestion: input.suggestion))
            #expect(corrected.status == .ok)
            let kept = try corrected.content.decode(SuggestionsAPI.SuggestionDTO.self)
            #expect(
                [kept.issuedOn, kept.replyDue, kept.reference] == [input.issuedOn, input.replyDue, "鲁法司建〔2026〕1号"])
            #expect(kept.problem == "征收补偿决定未告知救济途径和期限。")

            // Not adopting needs the reasons; nothing is stored without them.
            let bare = try await app.send(.POST, path + "/reply", as: agency, json: reply)
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.text.contains("理由：未采纳的，须说明理由"))
            #expect(try await JudicialSuggestion.find(made.id, on: app.db)?.state == .signed)

            let answered = try await app.send(
                .POST, path + "/reply", as: agency,
                json: SuggestionStore.Reply(measures: "已修订决定书格式文本。", adoption: .partial, reasons: "历史案卷逐件核对。"))
            #expect(answered.status == .ok)
            let replied = try answered.content.decode(SuggestionsAPI.SuggestionDTO.self)
            #expect(replied.state == .replied)
            #expect(replied.repliedOn == today.description)
            #expect(replied.late)
            #expect(replied.timeliness == .none)

            // Answered, it is no longer the court's to correct.
            let edit = try await app.send(.PATCH, path, as: court, json: input)
            #expect(edit.status == .conflict)
            #expect(edit.text.contains("该司法建议已回复，不能再修改"))

            let page = try await app.send(.GET, "/judicial-suggestions/\(made.id.uuidString)", as: court)
            #expect(page.text.contains(#"id="late-reply">逾期回复 10 日"#))
            #expect(
                try await SuggestionEvent.query(on: app.db).filter(\.$suggestion.$id == made.id).sort(\.$at).all()
                    .map(\.what) == [
                        "发出司法建议，送鲁山县自然资源局", "签收", "修改司法建议（发现的问题）", "回复（部分采纳，逾期 10 日）",
                    ])
            #expect(
                try await app.auditEntries(.suggestionIssued).map(\.summary) == ["向鲁山县自然资源局发出司法建议鲁法司建〔2026〕1号"])
            #expect(try await app.auditEntries(.suggestionSigned).map(\.summary) == ["鲁山县自然资源局签收司法建议鲁法司建〔2026〕1号"])
            #expect(
                try await app.auditEntries(.suggestionReplied).map(\.summary) == [
                    "鲁山县自然资源局回复司法建议鲁法司建〔2026〕1号：部分采纳，逾期 10 日"
                ])
            // The agency's liaison heard of it by mail when it was issued, the court when it was answered.
            let deliveries = try await Delivery.query(on: app.db).filter(\.$kind == "suggestion").all()
            #expect(
                deliveries.map { "\($0.key.split(separator: ":")[2]) \($0.recipient)" }.sorted() == [
                    "issued lushan.zrzy", "replied lushan.court",
                ])
        }
    }

    @Test func badInputIsRefusedNamingTheFieldAndStoresNothing() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let outside = try await app.unit(named: "卫东区司法局")
            let today = CalendarDay(containing: app.clock.now())
            let before = try await JudicialSuggestion.query(on: app.db).count()
            let refused = try await app.send(
                .POST, Self.api, as: court,
                json: SuggestionStore.Input(
                    agencyID: outside.id!, reference: nil, caseNumber: "2025豫0423行初15号", problem: " ", suggestion: "",
                    issuedOn: today.adding(days: 1).description, replyDue: "2025-13-01"))
            #expect(refused.status == .unprocessableEntity)
            #expect(
                try refused.content.decode(ErrorResponder.Body.self).error.message
                    == "被建议单位：须为本区划的单位；发现的问题：不能为空；建议内容：不能为空；案号：案号须以括号中的年份开头，如（2023）；发出日期：不能晚于今天；回复期限：请填写有效日期，如 \(today.adding(days: 61))"
            )
            #expect(try await JudicialSuggestion.query(on: app.db).count() == before)
            // The office of the same county reads suggestions but does not issue them.
            let office = try await app.signIn("lushan.office")
            let zrzy = try await app.unit(named: "鲁山县自然资源局")
            #expect(
                try await app.send(
                    .POST, Self.api, as: office,
                    json: SuggestionStore.Input(agencyID: zrzy.id!, problem: "问题", suggestion: "建议")
                ).status == .forbidden)
        }
    }

    /// Six suggestions of 鲁山县 (A–F below), counted for the last 100 days.
    @Test func figuresListsAndPagesCountByHand() async throws {
        try await withTestApp { app in
            // setup
            let today = CalendarDay(containing: app.clock.now())
            let zrzy = try await app.unit(named: "鲁山县自然资源局")
            let hrss = try await app.unit(named: "鲁山县人力资源和社会保障局")
            // (name, agency, issued, due, replied, adoption) in days from today.
            let specs: [(String, App.Unit, Int, Int, Int?, Adoption?)] = [
                ("A", zrzy, -90, -30, -35, .full), ("B", zrzy, -80, -20, -15, FuyuanCore.Adoption.none),
                ("C", zrzy, -60, -1, nil, nil), ("D", hrss, -50, 0, nil, nil), ("E", hrss, -200, -140, nil, nil),
                ("F", hrss, -10, 50, -5, .partial),
            ]
            let court = try await app.acting("lushan.court")
            for (name, unit, issued, due, replied, adoption) in specs {
                let suggestion = try await SuggestionStore.issue(
                    .init(
                        agencyID: unit.id!, reference: "鲁法司建〔\(name)〕", problem: "问题\(name)", suggestion: "建议\(name)",
                        issuedOn: today.adding(days: issued).description, replyDue: today.adding(days: due).description),
                    region: try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first()),
                    as: court)
                if let replied, let adoption {
                    suggestion.state = .replied
                    suggestion.repliedOn = today.adding(days: replied).description
                    suggestion.adoption = adoption
                    try await suggestion.save(on: app.db)
                }
            }
            let session = try await app.signIn("pds.office")
            // act
            let answer = try await app.send(
                .GET,
                "/api/v1/regions/410423/judicial-suggestions/figures?from=\(today.adding(days: -100))&to=\(today)",
                as: session)
            // check: A, B, C, D and F were issued in the period; A, B, F replied (A and F on time, A and F adopted),
            // C is past its day; D is due today, so not yet owed.
            let figures = try answer.content.decode(SuggestionsAPI.FiguresDTO.self)
            #expect(
                figures.total
                    == .init(SuggestionFigures(issued: 5, due: 4, replied: 3, repliedOnTime: 2, adopted: 2, overdue: 1))
            )
            #expect(figures.total.replyRate == 0.75)
            #expect(figures.total.onTimeRate == 0.5)
            #expect(figures.total.adoptionRate == 2.0 / 3.0)
            #expect(
                figures.agencies.map {
                    "\($0.name) \($0.figures.issued)/\($0.figures.due)/\($0.figures.replied)/\($0.figures.repliedOnTime)/\($0.figures.adopted)/\($0.figures.overdue)"
                }
                    == ["鲁山县自然资源局 3/3/2/1/1/1", "鲁山县人力资源和社会保障局 2/1/1/1/1/0"])
            let city = try await app.send(
                .GET,
                "/api/v1/regions/410400/judicial-suggestions/figures?from=\(today.adding(days: -100))&to=\(today)",
                as: session
            ).content.decode(SuggestionsAPI.FiguresDTO.self)
            #expect(city.lower.map(\.name) == ["卫东区", "鲁山县", "汝州市"])
            let badDay = try await app.send(
                .GET, "/api/v1/regions/410423/judicial-suggestions/figures?from=2026-13-01", as: session)
            #expect(badDay.status == .unprocessableEntity)
            #expect(badDay.text.contains("from：须为日期，如 2026-01-01"))
            #expect(city.lower[1].figures == figures.total)
            #expect(city.agencies.isEmpty)

            func references(_ query: String) async throws -> [String] {
                try await app.send(.GET, Self.api + query, as: session).content.decode(SuggestionsAPI.Page.self)
                    .suggestions.map(\.reference)
            }
            #expect(try await references("?state=overdue") == ["鲁法司建〔C〕", "鲁法司建〔E〕"])
            #expect(try await references("?state=late") == ["鲁法司建〔B〕"])
            #expect(try await references("?state=dueSoon") == ["鲁法司建〔D〕"])
            #expect(try await references("?q=%25") == [])
            #expect(try await references("?q=问题C") == ["鲁法司建〔C〕"])
            #expect(
                try await references("?agency=\(hrss.id!.uuidString)&order=due") == [
                    "鲁法司建〔E〕", "鲁法司建〔D〕", "鲁法司建〔F〕",
                ])
            #expect(try await app.send(.GET, Self.api + "?state=red", as: session).status == .unprocessableEntity)

            // Keyset pages of two, newest issued first, to the end.
            var pages: [[String]] = []
            var next: String? = ""
            while let after = next {
                let page = try await SuggestionQueries.list(
                    region: try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first()),
                    scope: Scope(regionPath: "410000/410400/410423", includesLower: false),
                    filter: .init(after: after.isEmpty ? nil : SuggestionQueries.Cursor(token: after)), today: today,
                    rules: DueRules(), limit: 2, on: app.db)
                #expect(page.total == 6)
                pages.append(page.rows.map(\.reference))
                next = page.next?.token
            }
            #expect(
                pages == [
                    ["鲁法司建〔F〕", "鲁法司建〔D〕"], ["鲁法司建〔C〕", "鲁法司建〔B〕"], ["鲁法司建〔A〕", "鲁法司建〔E〕"],
                ])
            // Another county sees none of them.
            let weidong = try await app.signIn("weidong.office")
            #expect(try await app.send(.GET, Self.api, as: weidong).status == .notFound)
        }
    }

    @Test func missingRepliesAreUrgedAWeekBeforeAndOnTheDayOnce() async throws {
        try await withTestApp { app in
            // setup: due eight days from now
            let today = CalendarDay(containing: app.clock.now())
            let suggestion = try await SuggestionStore.issue(
                .init(
                    agencyID: try await app.unit(named: "鲁山县自然资源局").id!, reference: "鲁法司建〔2026〕7号", problem: "问题",
                    suggestion: "建议", issuedOn: today.adding(days: -52).description,
                    replyDue: today.adding(days: 8).description),
                region: try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first()),
                as: try await app.acting("lushan.court"))
            let id = try suggestion.requireID()
            func urge(after days: Int) async throws -> Int? {
                app.clock.advance(by: TimeInterval(days) * 86_400)
                try await SuggestionStore.remind(on: app.db, now: app.clock.now())
                return try await JudicialSuggestion.find(id, on: app.db)?.reminded
            }
            // act and check: nothing yet; a week before; not again that day; nothing until the day; the day; no more.
            #expect(try await urge(after: 0) == 0)
            #expect(try await urge(after: 1) == 1)
            #expect(try await urge(after: 0) == 1)
            #expect(try await urge(after: 6) == 1)
            #expect(try await urge(after: 1) == 2)
            #expect(try await urge(after: 1) == 2)
            #expect(
                try await SuggestionEvent.query(on: app.db).filter(\.$suggestion.$id == id).filter(\.$actor == "系统")
                    .all().map(\.what).sorted() == ["自动催办（回复期限当日）", "自动催办（距回复期限 7 日）"])
            let keys = try await Delivery.query(on: app.db).filter(\.$key =~ "suggestion:\(id.uuidString):reminder")
                .all().map(\.key).sorted()
            let liaison = try await app.user(named: "lushan.zrzy").id!.uuidString
            #expect(
                keys == [
                    "suggestion:\(id.uuidString):reminder:1:user:\(liaison):mail",
                    "suggestion:\(id.uuidString):reminder:2:user:\(liaison):mail",
                ])
            // Never signed for, two days late, it is in the agency's digest.
            app.clock.advance(by: 86_400)
            try await Digest.run(of: app.features, on: app.db, now: app.clock.now(), rules: app.dueRules)
            let notice = try #require(
                try await Notice.query(on: app.db).filter(\.$recipient == Notice.unit(app.unit(named: "鲁山县自然资源局").id!))
                    .filter(\.$day == CalendarDay(containing: app.clock.now()).description).first())
            #expect(notice.lines.contains("【待签收司法建议】鲁法司建〔2026〕7号：问题，回复已逾期 2 日"))
        }
    }
}
