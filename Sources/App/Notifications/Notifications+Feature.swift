import Vapor

extension Feature {
    /// The daily digest, each person's notices and notice settings, and the channels that carry notices out: mail,
    /// group robots, the outbox and its sender.
    static let notifications = Feature(
        name: "通知",
        migrations: { _ in [CreateNotices(), CreateOutbox()] },
        routes: { routes in
            let pages = NoticePages()
            routes.pages.get(NoticesPath.notices, use: pages.list)
            routes.pages.post(NoticesPath.read, use: pages.markRead)
            routes.pages.post(NoticesPath.run, use: pages.run)
            let settings = NoticeSettingsPages()
            routes.pages.get(NoticesPath.settings, use: settings.show)
            routes.pages.post(NoticesPath.settings, use: settings.save)
            let robots = RobotPages()
            routes.pages.get(NoticesPath.robots, use: robots.list)
            routes.pages.post(NoticesPath.robots, use: robots.add)
            routes.pages.post(NoticesPath.robotRemove, use: robots.remove)
            routes.pages.post(NoticesPath.robotTest, use: robots.test)
            let channels = ChannelPages()
            routes.pages.get(NoticesPath.channels, use: channels.show)
            routes.pages.post(NoticesPath.channels, use: channels.save)
            routes.pages.post(NoticesPath.channelTest, use: channels.test)
            routes.pages.post(NoticesPath.sms, use: channels.saveSMS)
            routes.pages.post(NoticesPath.smsTest, use: channels.testSMS)
            routes.pages.get(NoticesPath.deliveries, use: channels.deliveries)
            routes.pages.post(NoticesPath.deliveryResend, use: channels.resend)
        },
        menu: [
            .init(label: "通知", place: 50, roles: businessRoles) { _ in .notices },
            .init(label: "通知渠道", place: 92, roles: [.systemAdmin]) { _ in .channels },
        ],
        auditActions: AuditAction.ofNotifications,
        noticeKinds: [.digest],
        demo: { try await DemoNotifications.load($0) },
        dailyJobs: [.digest])
}
