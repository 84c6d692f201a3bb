import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

@Suite struct SupervisionTests {
    @Test func reminderLettersAreNumberedPerYearAndAnswered() async throws {
        try await withTestApp { app in
            // setup
            let office = try await app.signIn("fangcheng.office")
            let court = try await app.unit(named: "方城县人民法院")
            let justice = try await app.unit(named: "方城县司法局")
            let year = CalendarDay(containing: app.clock.now()).year
            // act
            let issued = try await app.send(
                .POST, "/regions/411322/supervision", as: office,
                form: [
                    ("kind", "reminder"), ("tone", "none"), ("unit[]", court.id!.uuidString),
                    ("unit[]", justice.id!.uuidString),
                    ("text", "请于期限内报送白皮书"), ("respondBy", "2099-01-01"), ("itemID", ""),
                ])
            // check
            #expect(issued.status == .seeOther)
            let letters = try await Supervision.query(on: app.db).filter(\.$kind == .reminder).sort(\.$number).all()
            #expect(letters.map(\.reference) == ["提醒函〔\(year)〕1号", "提醒函〔\(year)〕2号"])
            let courtHome = try await app.send(.GET, "/regions/411322", as: try await app.signIn("fangcheng.court"))
            #expect(courtHome.text.contains(#"id="card-supervision-toAnswer" data-count="2""#))
            #expect(courtHome.text.contains("提醒函〔\(year)〕2号"))
            let target = try #require(
                try await SupervisionTarget.query(on: app.db).filter(\.$supervision.$id == letters[1].id!)
                    .filter(\.$unit.$id == court.id!).first())
            let courtSession = try await app.signIn("fangcheng.court")
            let answered = try await app.send(
                .POST, "/supervision-targets/\(target.id!.uuidString)/respond", as: courtSession,
                form: [("text", "已报送白皮书初稿")])
            #expect(answered.status == .seeOther)
            #expect(
                try await app.send(
                    .POST, "/supervision-targets/\(target.id!.uuidString)/respond", as: courtSession,
                    form: [("text", "再答")]
                ).status == .conflict)
            let page = try await app.send(.GET, "/regions/411322/supervision", as: office)
            #expect(page.text.contains("已报送白皮书初稿"))
            #expect(
                try await app.send(.GET, "/regions/411322", as: courtSession).text.contains(
                    #"id="card-supervision-toAnswer" data-count="1""#))
            #expect(
                try await app.auditEntries(.supervisionIssued).map(\.summary) == [
                    "提醒函〔\(year)〕2号（方城县人民法院、方城县司法局）：请于期限内报送白皮书"
                ])
            #expect(try await app.auditEntries(.supervisionAnswered).map(\.summary) == ["方城县人民法院 回复督办：已报送白皮书初稿"])
        }
    }

    @Test func badSupervisionIsRefusedWithTheFieldNamed() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let refused = try await app.send(
                .POST, "/regions/411322/supervision", as: office,
                form: [
                    ("kind", "urge"), ("text", " "), ("respondBy", "2020-01-01"),
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("督办内容：不能为空"))
            #expect(refused.text.contains("回复期限：不能早于今天"))
            #expect(refused.text.contains("督办单位：至少选择一个单位"))
            #expect(try await Supervision.query(on: app.db).count() == 1)
        }
    }
}
