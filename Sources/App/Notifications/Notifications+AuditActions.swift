extension AuditAction {
    static let digestRun = AuditAction("notices.digest_run", "生成提醒")
    static let noticeSettingsChanged = AuditAction("notices.settings_changed", "修改通知设置")
    static let mailServerSet = AuditAction("notices.mail_server_set", "设置邮件服务器")
    static let smsGatewaySet = AuditAction("notices.sms_gateway_set", "设置短信平台")
    static let testMailSent = AuditAction("notices.test_sent", "发送测试消息")
    static let robotAdded = AuditAction("notices.robot_added", "添加群机器人")
    static let robotRemoved = AuditAction("notices.robot_removed", "删除群机器人")
    static let deliveryResent = AuditAction("notices.delivery_resent", "重发通知")

    /// What the audit log records of the notification centre, in the order its filter lists them.
    static let ofNotifications: [AuditAction] = [
        digestRun, noticeSettingsChanged, mailServerSet, smsGatewaySet, testMailSent, robotAdded, robotRemoved,
        deliveryResent,
    ]
}
