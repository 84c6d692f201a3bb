import Fluent
import Foundation
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// The resolution centre: the workflow through the API, the figures against the targets, the import, and the demo,
/// with values worked out by hand. Runs on SQLite and, with `DATABASE_URL`, on PostgreSQL.
@Suite struct DisputeTests {
    static let api = "/api/v1/regions/410423/disputes"

    @Test func theCentreCarriesADisputeToAMediatedWithdrawal() async throws {
        try await withTestApp { app in
            // setup
            let court = try await app.signIn("lushan.court")
            let office = try await app.signIn("lushan.office")
            let zrzy = try await app.signIn("lushan.zrzy")
            let agency = try await app.unit(named: "鲁山县自然资源局")
            let today = CalendarDay(containing: app.clock.now())
            let year = today.year
            // act: registered by the court
            let registered = try await app.send(
                .POST, Self.api, as: court,
                json: DisputeStore.Input(
                    source: .litigation, applicant: "宋某", agencyID: agency.id!, actionType: .registration,
                    claim: "请求撤销宅基地确权处理决定。"))
            // check
            #expect(registered.status == .created)
            let made = try registered.content.decode(DisputesAPI.DisputeDTO.self)
            #expect(made.number == "鲁山县争〔\(year)〕6号")  // the demo has five of this year
            #expect(made.state == .registered)
            #expect(made.stepDue == today.adding(workingDays: 2).description)
            #expect(made.timeliness == .dueSoon)
            let path = Self.api + "/" + made.id.uuidString

            // Out of order, each step is refused in the workflow's words, and nothing changes.
            let early = try await app.send(
                .POST, path + "/answer", as: zrzy, json: DisputeStore.Answer(feedback: "已化解"))
            #expect(early.status == .forbidden)  // not yet the zrzy's: nothing was transferred to it
            let assignFirst = try await app.send(
                .POST, path + "/assign", as: court, json: DisputeStore.Assignment(handler: "王春晓"))
            #expect(assignFirst.status == .conflict)
            #expect(assignFirst.text.contains("请先移送，再交办承办人"))

            #expect(
                try await app.send(
                    .POST, path + "/transfer", as: office, json: DisputeStore.Transfer(unitID: agency.id!)
                )
                .status == .ok)
            let twice = try await app.send(
                .POST, path + "/transfer", as: court, json: DisputeStore.Transfer(unitID: agency.id!))
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("该争议已移送，不能重复移送"))
            let urgeEarly = try await app.send(.POST, path + "/urge", as: court)
            #expect(urgeEarly.text.contains("该争议尚未交办，不能催办"))

            // The handler's default is ten working days.
            let assigned = try await app.send(
                .POST, path + "/assign", as: court, json: DisputeStore.Assignment(handler: "王春晓"))
            let afterAssign = try assigned.content.decode(DisputesAPI.DisputeDTO.self)
            #expect(afterAssign.deadline == today.adding(workingDays: 10).description)
            #expect(afterAssign.stepDue == afterAssign.deadline)
            #expect(try await app.send(.POST, path + "/urge", as: office).status == .ok)
            let participant = try await app.send(
                .POST, path + "/participants", as: court,
                json: DisputeStore.Participant(role: .deputy, name: "赵某", affiliation: "县人大代表"))
            #expect(
                try participant.content.decode(DisputesAPI.DisputeDTO.self).participants.map(\.name) == ["赵某"])

            // The handling unit's liaison answers; then only the centre closes.
            let answered = try await app.send(
                .POST, path + "/answer", as: zrzy, json: DisputeStore.Answer(feedback: "联合县政府办、县检察院现场协调。"))
            #expect(answered.status == .ok)
            let afterAnswer = try answered.content.decode(DisputesAPI.DisputeDTO.self)
            #expect(afterAnswer.answeredOn == today.description)
            #expect(afterAnswer.stepDue == today.adding(workingDays: 5).description)
            #expect(
                try await app.send(
                    .POST, path + "/close", as: zrzy, json: DisputeStore.Closing(outcome: .settled, result: "和解")
                ).status == .forbidden)

            // A withdrawal names the case withdrawn; without it nothing is stored.
            let bare = try await app.send(
                .POST, path + "/close", as: court,
                json: DisputeStore.Closing(outcome: .mediatedWithdrawal, result: "宋某自愿撤诉。"))
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.text.contains("案号：调解后撤诉的，须填写撤回的行政诉讼案号"))
            #expect(try await Dispute.find(made.id, on: app.db)?.state == .answered)
            let withdrawn = "（\(year - 1)）豫0423行初8008号"
            let closed = try await app.send(
                .POST, path + "/close", as: court,
                json: DisputeStore.Closing(
                    outcome: .mediatedWithdrawal, result: "宋某自愿撤诉。", caseNumber: "(\(year - 1))豫0423行初8008号"))
            #expect(closed.status == .ok)
            let done = try closed.content.decode(DisputesAPI.DisputeDTO.self)
            #expect(done.state == .closed)
            #expect(done.outcome == .mediatedWithdrawal)
            #expect(done.closeDays == 0)
            #expect(done.stepDue == "")
            #expect(done.timeliness == Timeliness.none)
            #expect(done.caseNumber == withdrawn)
            let linked = try #require(
                try await AdminCase.query(on: app.db).filter(\.$caseNumber == withdrawn).first())
            #expect(done.caseID == linked.id)
            let edit = try await app.send(
                .PATCH, path, as: court,
                json: DisputeStore.Input(
                    source: .litigation, applicant: "宋某", agencyID: agency.id!, actionType: .registration, claim: "改"))
            #expect(edit.text.contains("该争议已办结，不能再修改"))

            #expect(
                done.steps.map(\.what) == [
                    "登记（诉中，宋某与鲁山县自然资源局）", "移送鲁山县自然资源局", "交办王春晓，\(today.adding(workingDays: 10).chinese)前反馈",
                    "第 1 次催办（期限 \(today.adding(workingDays: 10).chinese)）", "增加参与方：人大代表赵某（县人大代表）", "反馈",
                    "办结：调解后撤诉，案号\(withdrawn)",
                ])
            #expect(
                try await app.auditEntries(.disputeClosed).map(\.summary) == [
                    "办结行政争议鲁山县争〔\(year)〕6号：调解后撤诉，案号\(withdrawn)"
                ])
            #expect(
                try await app.auditEntries(.disputeAnswered).map(\.summary) == ["鲁山县自然资源局反馈行政争议鲁山县争〔\(year)〕6号"])
            // The handling unit heard of each step by mail.
            let deliveries = try await Delivery.query(on: app.db).filter(\.$kind == "dispute").all()
            #expect(
                deliveries.map { "\($0.key.split(separator: ":")[2]) \($0.recipient)" }.sorted() == [
                    "assigned lushan.zrzy", "closed lushan.zrzy", "transferred lushan.zrzy", "urged lushan.zrzy",
                ])
            let page = try await app.send(.GET, "/disputes/\(made.id.uuidString)", as: office)
            #expect(page.text.contains(#"<a href="/litigation/cases/\#(linked.id!.uuidString)">\#(withdrawn)</a>"#))
        }
    }

    @Test func badInputIsRefusedNamingTheFieldAndStoresNothing() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let outside = try await app.unit(named: "卫东区司法局")
            let today = CalendarDay(containing: app.clock.now())
            let before = try await Dispute.query(on: app.db).count()
            let refused = try await app.send(
                .POST, Self.api, as: court,
                json: DisputeStore.Input(
                    source: .hotline, applicant: " ", agencyID: outside.id!, actionType: .other, claim: "",
                    registeredOn: today.adding(days: 1).description, caseNumber: "2025豫0423行初15号"))
            #expect(refused.status == .unprocessableEntity)
            #expect(
                try refused.content.decode(ErrorResponder.Body.self).error.message
                    == "被申请行政机关：须为本区划的单位；申请人：不能为空；争议事项：不能为空；案号：案号须以括号中的年份开头，如（2023）；登记日期：不能晚于今天")
            #expect(try await Dispute.query(on: app.db).count() == before)
            let targets = try await app.send(
                .PUT, Self.api + "/targets", as: try await app.signIn("lushan.office"),
                json: DisputeTargets(
                    newCasesChange: -120, mediatedWithdrawalRate: 20, resolutionRate: 101, handlingDays: 0))
            #expect(
                try targets.content.decode(ErrorResponder.Body.self).error.message
                    == "新收案件同比目标：须在 -100 至 100 之间；化解率目标：须在 0 至 100 之间；承办期限：须为 1 至 60 个工作日")
            #expect(try await DisputeTargetRow.query(on: app.db).count() == 1)  // 方城县's, from the demo
        }
    }

    /// 方城县 in the first half of 2024 against 2023: disputes entered through the store, cases straight in the
    /// litigation register. 2024: six registered, five closed (withdrawn, settled, corrected, unresolved, withdrawn)
    /// in 10, 20, 30, 40 and 50 days, one open; 2023: four. Cases: 2024 four new, two concluded one of them withdrawn;
    /// 2023 five new.
    @Test func theFiguresCountThePeriodAgainstTheTargets() async throws {
        try await withTestApp { app in
            // setup
            let fangcheng = try #require(try await Region.query(on: app.db).filter(\.$code == "411322").first())
            let agency = try await app.unit(named: "方城县公安局")
            let acting = try await app.acting("fangcheng.court")
            func register(_ day: String) async throws -> Dispute {
                try await DisputeStore.register(
                    .init(
                        source: .prefiling, applicant: "申请人", agencyID: agency.id!, actionType: .penalty, claim: "请求",
                        registeredOn: day), region: fangcheng, as: acting)
            }
            let outcomes: [DisputeOutcome] = [
                .mediatedWithdrawal, .settled, .corrected, .unresolved, .mediatedWithdrawal,
            ]
            for (index, outcome) in outcomes.enumerated() {
                let dispute = try await register("2024-0\(index + 1)-01")
                let registered = try #require(CalendarDay(parsing: dispute.registeredOn))
                dispute.state = .closed
                dispute.stepDue = ""
                dispute.outcome = outcome
                dispute.closeDays = (index + 1) * 10
                dispute.closedOn = registered.adding(days: (index + 1) * 10).description
                try await dispute.save(on: app.db)
            }
            _ = try await register("2024-06-30")
            for month in 1...4 { _ = try await register("2023-0\(month)-15") }
            _ = try await register("2024-07-01")  // outside the period
            for (index, filed) in ["2024-01-10", "2024-02-10", "2024-03-10", "2024-06-10"].enumerated() {
                let adminCase = AdminCase(fixture: "（2024）豫1322行初\(index + 1)号", filedOn: filed, defendant: agency)
                if index < 2 {
                    adminCase.concludedOn = "2024-05-01"
                    adminCase.outcome = index == 0 ? .withdrawn : .dismissed
                }
                try await adminCase.create(on: app.db)
            }
            for index in 1...5 {
                try await AdminCase(fixture: "（2023）豫1322行初\(index)号", filedOn: "2023-03-0\(index)", defendant: agency)
                    .create(on: app.db)
            }
            // act
            let office = try await app.signIn("fangcheng.office")
            let answer = try await app.send(
                .GET, "/api/v1/regions/411322/disputes/figures?from=2024-01-01&to=2024-06-30", as: office)
            // check
            #expect(answer.status == .ok)
            let figures = try answer.content.decode(DisputesAPI.FiguresDTO.self)
            let total = figures.total
            #expect(
                [total.registered, total.registeredYearBefore, total.closed, total.resolved] == [Int]([6, 4, 5, 4]))
            #expect(total.mediatedWithdrawals == 2)
            #expect(total.resolutionRate == 0.8)
            #expect(total.registeredChange == 0.5)
            #expect(total.averageDays == 30)
            #expect(total.overdue == 1)  // the one of 30 June: its transfer was due two working days later
            #expect([total.newCases, total.newCasesYearBefore] == [Int]([4, 5]))
            #expect(total.newCasesChange == -0.2)
            #expect(total.mediatedWithdrawalRate == 0.5)
            let targets = figures.targets
            #expect(
                [targets.newCasesChange, targets.mediatedWithdrawalRate, targets.handlingDays] == [Int]([-20, 20, 10]))
            let page = try await app.send(
                .GET, "/regions/411322/disputes/figures?from=2024-01-01&to=2024-06-30", as: office)
            #expect(page.text.contains(#"data-figure="newCasesChange" data-met="yes""#))
            #expect(page.text.contains(#"data-figure="resolutionRate" data-met="yes""#))
            #expect(page.text.contains(">−20.0%<"))

            // The office changes its targets; the county above reads its own standard ones.
            let form = try await app.send(
                .POST, "/regions/411322/disputes/targets", as: office,
                form: [
                    ("newCasesChange", "-25"), ("mediatedWithdrawalRate", "30"), ("resolutionRate", "85"),
                    ("handlingDays", "8"),
                ])
            #expect(form.status == .seeOther)
            let again = try await app.send(
                .GET, "/regions/411322/disputes/figures?from=2024-01-01&to=2024-06-30", as: office)
            #expect(again.text.contains(#"data-figure="newCasesChange" data-met="no""#))
            #expect(again.text.contains(#"data-figure="resolutionRate" data-met="no""#))
            #expect(again.text.contains(#"data-figure="mediatedWithdrawalRate" data-met="yes""#))
            #expect(
                try await app.auditEntries(.disputeTargetsSet).map(\.summary) == [
                    "设定方城县行政争议化解目标：新收案件同比 -25%，调解撤诉率 ≥30%，化解率 ≥85%，承办期限 8 个工作日"
                ])
            let nanyang = try await app.send(
                .GET, "/api/v1/regions/411300/disputes/targets", as: try await app.signIn("nanyang.office"))
            #expect(try nanyang.content.decode(DisputesAPI.TargetsDTO.self).handlingDays == 10)
            // The city sees 方城县 side by side.
            let city = try await app.send(
                .GET, "/api/v1/regions/411300/disputes/figures?from=2024-01-01&to=2024-06-30",
                as: try await app.signIn("nanyang.office"))
            let lower = try city.content.decode(DisputesAPI.FiguresDTO.self).lower
            #expect(lower.map { "\($0.code) \($0.registered) \($0.newCases)" } == ["411322 6 4"])
        }
    }

    @Test func anExportImportsBackAndABadFileWritesNothing() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let path = Self.api + "/import"
            let before = try await Dispute.query(on: app.db).count()
            // act: a CSV with a byte-order mark, as Excel saves it, with bad cells and a duplicated number
            let bad =
                Data([0xEF, 0xBB, 0xBF])
                + Data(
                    """
                    登记编号,来源,申请人,被申请行政机关,行政行为类别,争议事项,登记日期,承办单位,承办人,化解结果,办结日期
                    鲁山县争〔2024〕1号,诉前,孙某,县自然资源局,行政处罚,请求撤销,2024-03-01,,,达成和解,
                    鲁山县争〔2024〕1号,上访,钱某,县不存在局,罚款,请求撤销,2024/13/01,,张某,,

                    """.utf8)
            let refused = try await app.send(.POST, path, as: court, body: bad)
            // check
            #expect(refused.status == .unprocessableEntity)
            let rows = try refused.content.decode(SpreadsheetImport.Refusal.self).rows
            #expect(
                rows.map { "\($0.row) \($0.column) \($0.reason)" } == [
                    "2 办结日期 有化解结果的，须写办结日期", "3 登记编号 与第 2 行重复", "3 来源 须为 诉前、诉中、行政复议、信访、12345 之一",
                    "3 行政行为类别 须为 行政处罚、行政强制、行政许可、行政征收征用、信息公开、工伤认定、行政登记、行政协议、不履行法定职责、其他 之一",
                    "3 被申请行政机关 “县不存在局”不是本区划的单位；是否为 鲁山县公安局、鲁山县司法局、鲁山县自然资源局",
                    "3 登记日期 请写日期，如 2026-03-08", "3 承办单位 有承办人的，须写承办单位",
                    "3 办理期限 有承办人的，须写办理期限",
                ])
            #expect(try await Dispute.query(on: app.db).count() == before)
            // The list's own export imports back: every dispute unchanged.
            let export = try await app.send(.GET, "/regions/410423/disputes.csv", as: court)
            let again = try await app.send(.POST, path, as: court, body: Data(export.body.readableBytesView))
            #expect(again.status == .ok)
            #expect(try again.content.decode(DisputeImport.Counts.self) == .init(created: 0, unchanged: 6))
            let good = Data(
                """
                来源,申请人,被申请行政机关,行政行为类别,争议事项,登记日期,承办单位,承办人,办理期限,化解结果,办结日期
                诉前,孙某,县自然资源局,行政处罚,请求撤销,2024-03-01,县司法局,张某,2024-03-15,达成和解,2024-03-20
                信访,周某,县公安局,行政处罚,请求撤销,2024-04-01,,,,,

                """.utf8)
            let imported = try await app.send(.POST, path, as: court, body: good)
            #expect(try imported.content.decode(DisputeImport.Counts.self) == .init(created: 2, unchanged: 0))
            let stored = try await Dispute.query(on: app.db).filter(\.$number =~ "鲁山县争〔2024〕").sort(\.$number).all()
            #expect(stored.map(\.number) == ["鲁山县争〔2024〕1号", "鲁山县争〔2024〕2号"])
            #expect(stored.map(\.state) == [.closed, .registered])
            #expect(stored.map(\.closeDays) == [19, nil])
            #expect(stored[0].outcome == .settled)
            #expect(
                try await app.auditEntries(.disputesImported).map(\.summary) == [
                    "导入鲁山县行政争议：新增 0，未变 6", "导入鲁山县行政争议：新增 2，未变 0",
                ])
        }
    }

    @Test func theListFiltersByLightAndTheDemoShowsSeedZerosWithdrawal() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            func numbers(_ query: String) async throws -> [String] {
                try await app.send(.GET, Self.api + query, as: office).content.decode(DisputesAPI.Page.self).disputes
                    .map(\.applicant)
            }
            #expect(try await numbers("") == ["钱某", "赵某", "鲁山县某建材有限公司", "李某", "王某", "宋某"])
            #expect(try await numbers("?state=overdue") == ["赵某"])
            #expect(try await numbers("?state=dueSoon") == ["钱某"])
            #expect(try await numbers("?order=due") == ["赵某", "钱某"])
            #expect(try await numbers("?outcome=mediatedWithdrawal") == ["宋某"])
            #expect(try await numbers("?q=%25") == [])
            #expect(try await numbers("?source=hotline") == ["赵某"])
            let bad = try await app.send(.GET, Self.api + "?state=late", as: office)
            #expect(bad.status == .unprocessableEntity)
            let song = try #require(try await Dispute.query(on: app.db).filter(\.$applicant == "宋某").first())
            let participants = try await DisputeParticipant.query(on: app.db).filter(\.$dispute.$id == song.id!).all()
            #expect(participants.map(\.name).sorted() == ["王春晓", "鲁山县人民政府办公室", "鲁山县人民检察院"])
            #expect(song.$adminCase.id != nil)
        }
    }
}
