import Fluent
import FuyuanCore
import Vapor

/// The notification centre: the caller's unit's notices and, for office staff, their region's office notices.
struct NoticePages {
    func list(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLedger)
        let model = NoticesView.Model(
            notices: try await Self.latest(caller, on: request.db), canRun: caller.role.may(.manageLedger),
            keepsRobots: caller.role.may(.manageLedger) || caller.role.may(.handleParts),
            ran: try? request.query.get(Int.self, at: "ran"))
        return NoticesView.render(model, shell: try await request.shell())
    }

    func markRead(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .readLedger)
        let ids = try await Self.mine(caller, on: request.db).filter(\.$readAt == nil).all(\.$id)
        if !ids.isEmpty {
            try await Notice.query(on: request.db).filter(\.$id ~~ ids).set(\.$readAt, to: request.now).update()
        }
        return request.redirect(to: SitePath.notices.url)
    }

    /// On demand, for the office: today's digest now (it never notifies anyone twice in a day).
    func run(_ request: Request) async throws -> Response {
        _ = try request.caller(for: .manageLedger)
        let app = request.application
        let count = try await Digest.run(of: app.features, on: request.db, now: request.now, rules: app.dueRules) {
            count, db in
            try await request.audit(
                .digestRun, object: ("digest", CalendarDay(containing: request.now).description),
                summary: "手动生成今日提醒 \(count) 条", on: db)
        }
        return request.redirect(to: SitePath.notices.url + "?ran=\(count)")
    }

    /// The caller's latest 60 notices, newest first.
    static func latest(_ caller: Caller, on db: any Database) async throws -> [NoticesView.Notice] {
        try await mine(caller, on: db).sort(\.$day, .descending).range(0..<60).all().map {
            NoticesView.Notice(
                day: CalendarDay(parsing: $0.day)?.chinese ?? $0.day, toOffice: $0.recipient == Notice.office,
                read: $0.readAt != nil,
                lines: $0.lines.split(separator: "\n").map(String.init))
        }
    }

    /// The notices addressed to the caller: their unit's, and their region's office's when they are office staff.
    static func mine(_ caller: Caller, on db: any Database) -> QueryBuilder<Notice> {
        Notice.query(on: db).filter(\.$region.$id == caller.regionID).group(.or) {
            $0.filter(\.$recipient == Notice.unit(caller.unitID))
            if caller.role.may(.manageLedger) { $0.filter(\.$recipient == Notice.office) }
        }
    }
}

enum NoticesView {
    /// One day's notice to the caller's unit or office.
    struct Notice {
        /// The day, as people write it (2026年12月6日).
        let day: String
        let toOffice: Bool
        let read: Bool
        let lines: [String]
    }

    struct Model {
        let notices: [Notice]
        let canRun: Bool
        /// An office or a unit's people, who keep group robots.
        let keepsRobots: Bool
        let ran: Int?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "通知", shell: shell, breadcrumbs: [("通知", nil)]) {
            h1 { "通知" }
            Form.notice(model.ran.map { "已生成今日提醒 \($0) 条（已提醒过的单位今天不再重复提醒）" })
            div(.class("actions")) {
                form(.post, .action(.noticesRead)) {
                    Layout.csrfField(shell.csrfToken)
                    button(.type("submit"), .class("secondary")) { "全部标为已读" }
                }
                if model.canRun {
                    form(.post, .action(.noticesRun), .id("run-digest")) {
                        Layout.csrfField(shell.csrfToken)
                        button(.type("submit"), .class("secondary")) { "立即生成今日提醒" }
                    }
                }
                if model.keepsRobots { a(.class("button secondary"), .href(.robots)) { "群机器人" } }
                a(.class("button secondary"), .href(.noticeSettings)) { "通知设置（邮件）" }
            }
            if model.notices.isEmpty { p(.class("muted")) { "暂无通知。" } }
            for notice in model.notices {
                div(.class(notice.read ? "card notice-card" : "card notice-card unread")) {
                    h3 { notice.day + (notice.toOffice ? " · 联席办" : "") + " 每日提醒" }
                    ul { for line in notice.lines { li { line } } }
                }
            }
        }
    }
}
