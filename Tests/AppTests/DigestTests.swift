import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

@Suite struct DigestTests {
    func notices(_ app: Application, _ code: String, _ recipient: String) async throws -> [String] {
        let region = try #require(try await Region.query(on: app.db).filter(\.$code == code).first())
        return try await Notice.query(on: app.db).filter(\.$region.$id == region.id!).filter(\.$recipient == recipient)
            .all()
            .flatMap { $0.lines.components(separatedBy: "\n") }
    }

    @Test func eachUnitAndOfficeIsToldOnceADay() async throws {
        try await withTestApp { app in
            // act
            let first = try await runDigest(app)
            let again = try await runDigest(app)
            // check
            #expect(first > 0)
            #expect(again == 0)
            let court = try await notices(app, "411322", Notice.unit(try await app.unit(named: "方城县人民法院").id!))
            // 方城县人民法院 has a part in the overdue items 2, 7, 8, 10, 13, 18, 20, 22, 25 and 29 (not 19),
            // and has the demo's reminder letter to answer.
            #expect(court.filter { $0.hasPrefix("【逾期】") }.count == 10)
            #expect(court.filter { $0.hasPrefix("【待回复督办】") }.count == 1)
            let office = try await notices(app, "411322", Notice.office)
            #expect(office.contains("【待审核】将恶意逃避债务等长期执行无结果案件的失信行为通报征信机构 · 方城县发展和改革委员会：申请销号"))
            // One line per late part: items 2, 7, 8, 10, 13, 18, 19, 20, 22, 25, 29 have 3+5+3+4+3+10+8+5+2+1+4 parts.
            #expect(office.filter { $0.hasPrefix("【逾期】") }.count == 48)
            // Nobody with nothing to do gets a notice: 鲁山县's answers are all done. Its resolution centre has one
            // dispute late with 住建局's handler and one registered today to transfer: to the office, and to 住建局.
            let lushan = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            #expect(
                try await Notice.query(on: app.db).filter(\.$region.$id == lushan.id!).all().map(\.recipient).sorted()
                    == [Notice.office, Notice.unit(try await app.unit(named: "鲁山县住房和城乡建设局").id!)].sorted())
            let year = CalendarDay(containing: app.clock.now()).year
            let transfer = CalendarDay(containing: app.clock.now()).adding(workingDays: 2)
            #expect(
                try await notices(app, "410423", Notice.office) == [
                    "【行政争议待反馈】鲁山县争〔\(year)〕4号：赵某，已逾期 3 日",
                    "【行政争议待移送】鲁山县争〔\(year)〕5号：钱某，请于 \(transfer.chinese) 前完成",
                ])
        }
    }

    @Test func theDailyLeaseIsTakenOnce() async throws {
        try await withTestApp(demo: false) { app in
            let now = app.clock.now()
            #expect(await DailyJobs.takeLease("digest:2026-11-23", holder: "a", at: now, on: app.db))
            #expect(!(await DailyJobs.takeLease("digest:2026-11-23", holder: "b", at: now, on: app.db)))
            #expect(await DailyJobs.takeLease("digest:2026-11-24", holder: "b", at: now, on: app.db))
        }
    }

    /// Each feature declares its jobs; the scheduler runs them in the features' order, the digest from 08:00.
    @Test func theDailyJobsAreTheFeatures() {
        let jobs = Feature.all.flatMap(\.dailyJobs)
        #expect(jobs.map(\.name) == ["audit-chain", "digest", "suggestion-reminders", "retention", "dormancy"])
        #expect(jobs.map(\.fromHour) == [0, 8, 8, 0, 0])
    }

    @Test func theNotificationCentreShowsTheCallersNotices() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let ran = try await app.send(.POST, "/notices/run", as: office, form: [])
            #expect(ran.status == .seeOther)
            let page = try await app.send(.GET, "/notices", as: office)
            #expect(page.text.contains("联席办 每日提醒"))
            #expect(page.text.contains("【待审核】"))
            let court = try await app.send(.GET, "/notices", as: try await app.signIn("fangcheng.court"))
            #expect(court.text.contains("【待回复督办】提醒函"))
            #expect(!court.text.contains("【待审核】"))
            #expect(try await app.auditEntries(.digestRun).count == 1)
        }
    }
}
