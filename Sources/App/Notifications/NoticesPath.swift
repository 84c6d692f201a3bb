import Foundation

/// The addresses of the notification centre, one's notice settings, the group robots, the channels and the delivery
/// log.
enum NoticesPath {
    static let notices: PathPattern = "/notices"
    static let read: PathPattern = "/notices/read"
    static let run: PathPattern = "/notices/run"
    static let settings: PathPattern = "/account/notices"
    static let robots: PathPattern = "/notices/robots"
    static let robotRemove: PathPattern = "/notices/robots/:id/remove"
    static let robotTest: PathPattern = "/notices/robots/:id/test"
    static let channels: PathPattern = "/admin/channels"
    static let channelTest: PathPattern = "/admin/channels/test"
    static let sms: PathPattern = "/admin/channels/sms"
    static let smsTest: PathPattern = "/admin/channels/sms/test"
    static let deliveries: PathPattern = "/admin/deliveries"
    static let deliveryResend: PathPattern = "/admin/deliveries/:id/resend"
}

extension SitePath {
    static let notices = NoticesPath.notices.path()
    static let noticesRead = NoticesPath.read.path()
    static let noticesRun = NoticesPath.run.path()
    static let noticeSettings = NoticesPath.settings.path()
    static let robots = NoticesPath.robots.path()
    static func robotRemove(_ id: UUID) -> SitePath { NoticesPath.robotRemove.path(id) }
    static func robotTest(_ id: UUID) -> SitePath { NoticesPath.robotTest.path(id) }
    static let channels = NoticesPath.channels.path()
    static let channelTest = NoticesPath.channelTest.path()
    static let sms = NoticesPath.sms.path()
    static let smsTest = NoticesPath.smsTest.path()
    static let deliveries = NoticesPath.deliveries.path()
    static func deliveryResend(_ id: UUID) -> SitePath { NoticesPath.deliveryResend.path(id) }
}
