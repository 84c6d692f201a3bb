import Fluent
import Foundation
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// A document uploaded, reviewed and committed: all its items into one new list or none, the same document not
/// twice unless asked, and a notice's roster applied as a recorded change. On SQLite and, with `DATABASE_URL`, on
/// PostgreSQL.
@Suite struct DocumentCommitTests {
    static let api = "/api/v1/regions/411322/documents"

    /// The draft as the reviewer keeps it: every item, units as read (names matching no unit left out).
    static func commit(_ draft: DraftDTO, again: Bool? = nil) -> DocumentStore.Commit {
        DocumentStore.Commit(
            kind: .responsibility, title: draft.document.title,
            items: draft.items.map {
                .init(
                    title: $0.title, content: $0.text, area: .other, deadline: $0.deadline?.text ?? "",
                    lead: $0.lead, responsible: $0.responsible, cooperating: $0.cooperating)
            }, issueNow: false, again: again)
    }

    func upload(_ app: Application, _ session: TestSession) async throws -> DocumentsAPI.Answer {
        let response = try await app.send(
            .POST, Self.api, as: session,
            headers: [("Content-Type", DocumentFile.docxType), ("X-File-Name", "%E6%96%B9%E6%A1%88.docx")],
            body: try OfficeFiles.data("seed-004-fangcheng-plan.docx"))
        #expect(response.status == .created, "\(response.text)")
        return try response.content.decode(DocumentsAPI.Answer.self)
    }

    func counts(_ app: Application) async throws -> [Int] {
        [
            try await WorkList.query(on: app.db).count(), try await WorkItem.query(on: app.db).count(),
            try await ItemPart.query(on: app.db).count(),
        ]
    }

    @Test func theReviewedPlanGoesIntoOneNewListAndNotTwice() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let uploaded = try await upload(app, office)
            #expect(uploaded.document.fileName == "方案.docx")
            #expect(uploaded.document.number == "方政办〔2021〕29号")
            #expect(uploaded.document.committedAt == nil)
            #expect(uploaded.draft.items.count == 30)
            let path = Self.api + "/" + uploaded.document.id.uuidString
            let read = try await app.send(.GET, path, as: office).content.decode(DocumentsAPI.Answer.self)
            #expect(read.draft.items.map(\.title) == uploaded.draft.items.map(\.title))

            let before = try await counts(app)
            let committed = try await app.send(.POST, path + "/commit", as: office, json: Self.commit(read.draft))
            #expect(committed.status == .created, "\(committed.text)")
            let document = try committed.content.decode(DocumentsAPI.DocumentDTO.self)
            #expect(document.outcome == "入账为“方城县府院联动机制实施方案”（30 项）")
            let list = try #require(try await WorkList.find(try #require(document.listID), on: app.db))
            #expect([list.title, list.source] == ["方城县府院联动机制实施方案", "方政办〔2021〕29号"])
            #expect(list.kind == .responsibility)
            let items = try await WorkItem.query(on: app.db).filter(\.$list.$id == list.requireID()).sort(\.$number)
                .all()
            #expect(items.map(\.number) == Array(1...30))
            #expect(items[1].title == "建立行政诉讼风险提示白皮书制度")
            #expect(items[1].deadline == .date(CalendarDay(year: 2021, month: 12, day: 20)!))
            #expect(items[6].deadline == .periodic(.quarter, graceDays: Deadline.defaultGraceDays))
            #expect(items.allSatisfy { $0.state == .draft })
            let parts = try await ItemPart.query(on: app.db).filter(\.$item.$id == items[1].requireID())
                .join(App.Unit.self, on: \ItemPart.$unit.$id == \App.Unit.$id).all()
            let roles = try parts.map { (try $0.joined(App.Unit.self).name, $0.role) }.sorted { $0.1.rank < $1.1.rank }
            #expect(roles.map(\.0) == ["方城县人民法院", "方城县人民政府办公室", "方城县司法局"])
            #expect(roles.map(\.1) == [.lead, .responsible, .cooperating])
            let partCount = read.draft.items.map { $0.lead.count + $0.responsible.count + $0.cooperating.count }
                .reduce(0, +)
            #expect(try await counts(app) == [before[0] + 1, before[1] + 30, before[2] + partCount])
            #expect(try await app.auditEntries(.documentUploaded).count == 1)
            #expect(
                try await app.auditEntries(.documentCommitted).map(\.summary) == [
                    "公文入账：方城县府院联动机制实施方案 → 方城县府院联动机制实施方案（30 项）"
                ])

            // The same document again, as a new upload of the same file: refused unless asked for.
            let again = try await upload(app, office)
            let second = Self.api + "/" + again.document.id.uuidString + "/commit"
            let refused = try await app.send(.POST, second, as: office, json: Self.commit(again.draft))
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("这份公文已于"))
            #expect(refused.text.contains("确需再次入账请勾选“仍然入账”"))
            let twice = try await app.send(.POST, path + "/commit", as: office, json: Self.commit(read.draft))
            #expect(twice.status == .conflict)
            #expect(try await counts(app) == [before[0] + 1, before[1] + 30, before[2] + partCount])
            let asked = try await app.send(.POST, second, as: office, json: Self.commit(again.draft, again: true))
            #expect(asked.status == .created)
            #expect(try await counts(app)[0] == before[0] + 2)
        }
    }

    @Test func oneBadItemStopsTheWholeCommitNamingItsItemAndField() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let uploaded = try await upload(app, office)
            var commit = Self.commit(uploaded.draft)
            commit.items[2].cooperating = ["县财政所"]
            commit.items[4].deadline = "下个月"
            commit.items[7].lead = []
            commit.items[7].responsible = []
            let before = try await counts(app)
            let response = try await app.send(
                .POST, Self.api + "/" + uploaded.document.id.uuidString + "/commit", as: office, json: commit)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("第 3 项配合单位：“县财政所”不是本区划的单位（是否为：方城县财政局"))
            #expect(response.text.contains("第 5 项完成时限：无法识别“下个月”"))
            #expect(response.text.contains("第 8 项责任单位：至少指定一个牵头或责任单位"))
            #expect(try await counts(app) == before)
            #expect(try await LedgerDocument.query(on: app.db).filter(\.$committedAt != nil).count() == 0)
            #expect(try await app.auditEntries(.documentCommitted).isEmpty)
        }
    }

    @Test func theReviewPageCommitsTheItemsKept() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let uploaded = try await app.upload(
                "/regions/411322/documents", as: office, fileName: "方城县府院联动机制实施方案.docx",
                data: try OfficeFiles.data("seed-004-fangcheng-plan.docx"), contentType: DocumentFile.docxType)
            #expect(uploaded.status == .seeOther)
            let review = try #require(uploaded.location)
            let page = try await app.send(.GET, review, as: office)
            #expect(page.status == .ok)
            #expect(page.text.contains("识别出的事项（30）"))
            #expect(page.text.contains("<li id=\"line-37\" class=\"sourced\">2. 建立行政诉讼风险提示白皮书制度。"))
            #expect(page.text.contains("未匹配的单位（5）"))
            let form: [(String, String)] = [
                ("kind", "problem"), ("title", "方城县府院联动重点事项"),
                ("items[0][include]", "true"), ("items[0][title]", "建立白皮书制度"), ("items[0][content]", "每半年一次"),
                ("items[0][area]", "lawBasedGovernment"), ("items[0][deadline]", "2021年12月20日"),
                ("items[0][lead]", "县法院"), ("items[0][responsible]", "政府办"), ("items[0][cooperating]", "司法局"),
                ("items[0][lines]", "37-41"),
                ("items[1][title]", "不入账的一项"), ("items[1][area]", "other"), ("items[1][deadline]", "长期坚持"),
                ("items[10][include]", "true"), ("items[10][title]", "成立金融纠纷多元化解中心"),
                ("items[10][area]", "businessEnvironment"), ("items[10][deadline]", "每季度"),
                ("items[10][lead]", "金融办"), ("items[10][cooperating]", "人行、银保监组"),
            ]
            let committed = try await app.send(.POST, review + "/commit", as: office, form: form)
            #expect(committed.status == .seeOther, "\(committed.text)")
            let list = try #require(try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动重点事项").first())
            #expect(committed.location == "/regions/411322/ledger?list=\(try list.requireID().uuidString)")
            #expect(list.kind == .problem)
            let items = try await WorkItem.query(on: app.db).filter(\.$list.$id == list.requireID()).sort(\.$number)
                .all()
            #expect(items.map(\.title) == ["建立白皮书制度", "成立金融纠纷多元化解中心"])
            #expect(items.map(\.area) == [.lawBasedGovernment, .businessEnvironment])
            let shown = try await app.send(.GET, review, as: office)
            #expect(shown.text.contains("入账为“方城县府院联动重点事项”（2 项）"))
            #expect(!shown.text.contains("全部入账"))
        }
    }

    @Test func aNoticesRosterIsAppliedAsARecordedChange() async throws {
        try await withTestApp { app in
            // setup: 卫东区's roster lost its people and two member units since the notice
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "410403").first())
            let meeting = try #require(
                try await JointMeeting.query(on: app.db).filter(\.$region.$id == region.requireID()).first())
            try await MeetingPerson.query(on: app.db).filter(\.$meeting.$id == meeting.requireID()).delete()
            for name in ["卫东区税务局", "卫东公安分局"] {
                try await MemberUnit.query(on: app.db).filter(\.$meeting.$id == meeting.requireID())
                    .filter(\.$unit.$id == app.unit(named: name).requireID()).delete()
            }
            let office = try await app.signIn("weidong.office")
            let uploaded = try await app.send(
                .POST, "/api/v1/regions/410403/documents", as: office,
                headers: [("Content-Type", DocumentFile.docxType)],
                body: try OfficeFiles.data("seed-003-weidong-notice.docx"))
            let answer = try uploaded.content.decode(DocumentsAPI.Answer.self)
            let roster = try #require(answer.draft.roster)
            #expect(roster.people.map(\.name) == ["宋建立", "赵飞", "李海强", "武中立"])
            #expect(roster.memberUnits.count == 24)
            #expect(roster.officeHost == "卫东区司法局")
            #expect(answer.draft.items.isEmpty)

            let path = "/documents/\(answer.document.id.uuidString)"
            let page = try await app.send(.GET, path, as: office)
            #expect(page.text.contains("核对并应用为联席会议组成"))
            // The roster form, filled from the notice: the office checks it, corrects a post and saves.
            let form = try await app.send(.GET, path + "/roster", as: office)
            #expect(form.status == .ok)
            #expect(form.text.contains("action=\"\(path)/roster\""))
            #expect(form.text.contains("value=\"宋建立\""))
            #expect(form.text.contains("value=\"2023-01-04\""))
            var fields: [(String, String)] = [
                ("name", "卫东区府院联动联席会议"),
                ("officeUnitID", try await app.unit(named: "卫东区司法局").requireID().uuidString),
                ("approvedBy", "宋建立"), ("approvedOn", "2023-01-04"), ("version", "\(meeting.version)"),
            ]
            for (role, name, post) in [
                ("convener", "宋建立", "区长"), ("executiveDeputy", "赵飞", "区委常委、常务副区长"),
                ("deputy", "李海强", "副区长、卫东公安分局局长"), ("deputy", "武中立", "区人民法院院长（兼）"),
            ] {
                fields += [("personRole[]", role), ("personName[]", name), ("personPost[]", post)]
            }
            for unit in roster.memberUnits {
                let id = try await app.unit(named: unit.unit).requireID().uuidString
                fields += [("rowUnit[]", id), ("memberUnit[]", id), ("liaisonName[]", ""), ("liaisonPhone[]", "")]
            }
            let applied = try await app.send(.POST, path + "/roster", as: office, form: fields)
            #expect(applied.status == .seeOther, "\(applied.text.prefix(600))")
            #expect(applied.location == "/regions/410403/meeting?saved=1")
            let loaded = try await RosterStore.load(region: region, seal: app.fieldSeal, on: app.db)
            #expect(loaded.people.map(\.name) == ["宋建立", "赵飞", "李海强", "武中立"])
            #expect(loaded.members.count == 24)
            #expect(loaded.officeUnit?.name == "卫东区司法局")
            let change = try #require(loaded.changes.first)
            #expect(change.approvedBy == "宋建立")
            #expect(change.approvedOn == "2023-01-04")
            #expect(
                change.summary.split(separator: "\n") == [
                    "增加召集人：宋建立（区长）", "增加常务副召集人：赵飞（区委常委、常务副区长）", "增加副召集人：李海强（副区长、卫东公安分局局长）",
                    "增加副召集人：武中立（区人民法院院长（兼））", "增加成员单位：卫东区税务局", "增加成员单位：卫东公安分局",
                ])
            #expect(try await app.send(.GET, path + "/roster", as: office).status == .conflict)
            #expect(try await app.send(.POST, path + "/roster", as: office, form: fields).status == .conflict)
            // The document says what applying it did.
            let document = try #require(try await LedgerDocument.find(answer.document.id, on: app.db))
            #expect(document.outcome == "更新联席会议组成（4 名组成人员、24 个成员单位）")
        }
    }
}
