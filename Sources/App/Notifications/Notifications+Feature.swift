import Vapor

extension Feature {
    /// The daily digest and each person's notices.
    static let notifications = Feature(
        name: "通知",
        migrations: { _ in [CreateNotices()] },
        routes: { routes in
            let pages = NoticePages()
            routes.pages.get(NoticesPath.notices, use: pages.list)
            routes.pages.post(NoticesPath.read, use: pages.markRead)
            routes.pages.post(NoticesPath.run, use: pages.run)
        },
        menu: [.init(label: "通知", place: 50, roles: businessRoles) { _ in .notices }],
        auditActions: AuditAction.ofNotifications,
        dailyJobs: [.digest])
}
