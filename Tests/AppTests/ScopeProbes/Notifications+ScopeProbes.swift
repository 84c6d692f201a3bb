import Foundation

@testable import App

extension ScopeMatrixTests {
    /// `Feature.notifications`'s routes, each tried by every caller.
    static let notificationsProbes: [Probe] = [
        .get("notices", "/notices", "LFFFOOOOOOO"),
        .form(.POST, "notices/read", "/notices/read", "LFFFOOOOOOO"),
        .form(.POST, "notices/run", "/notices/run", "LFFFOOOFFFO"),
        // Everyone has notice settings of their own.
        .get("account/notices", "/account/notices", "LOOOOOOOOOO"),
        .form(.POST, "account/notices", "/account/notices", "LOOOOOOOOOO", [("email", "someone@fuyuan.test")]),
        // The offices keep their own region's robots, a unit's people their unit's; a robot without a name is refused.
        .get("notices/robots", "/notices/robots", "LFFFOOOOOFO"),
        .form(
            .POST, "notices/robots", "/notices/robots", "LFFFVVVVVFV",
            [("name", ""), ("recipient", "office"), ("preset", "dingtalk"), ("url", "http://127.0.0.1:9/")]),
        .form(.POST, "notices/robots/:id/remove", "/notices/robots/\(UUID())/remove", "LFFFNNNNNFN"),
        .form(.POST, "notices/robots/:id/test", "/notices/robots/\(UUID())/test", "LFFFNNNNNFN"),
        // The channels and the delivery log are the system administrator's.
        .get("admin/channels", "/admin/channels", "LOFFFFFFFFF"),
        .form(
            .POST, "admin/channels", "/admin/channels", "LVFFFFFFFFF",
            [("host", ""), ("port", "25"), ("security", "none"), ("user", ""), ("password", ""), ("sender", "a@b.cn")]),
        .form(.POST, "admin/channels/test", "/admin/channels/test", "LVFFFFFFFFF", [("address", "not-an-address")]),
        .form(
            .POST, "admin/channels/sms", "/admin/channels/sms", "LVFFFFFFFFF",
            [("url", "ftp://sms"), ("template", ""), ("maxLength", "70")]),
        .form(.POST, "admin/channels/sms/test", "/admin/channels/sms/test", "LVFFFFFFFFF", [("address", "123")]),
        .get("admin/deliveries", "/admin/deliveries", "LOFFFFFFFFF"),
        .form(.POST, "admin/deliveries/:id/resend", "/admin/deliveries/\(UUID())/resend", "LNFFFFFFFFF"),
    ]
}
