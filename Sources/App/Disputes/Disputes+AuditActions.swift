extension AuditAction {
    static let disputeRegistered = AuditAction("dispute.registered", "登记行政争议")
    static let disputeEdited = AuditAction("dispute.edited", "修改行政争议登记")
    static let disputeTransferred = AuditAction("dispute.transferred", "移送行政争议")
    static let disputeAssigned = AuditAction("dispute.assigned", "交办行政争议")
    static let disputeUrged = AuditAction("dispute.urged", "催办行政争议")
    static let disputeAnswered = AuditAction("dispute.answered", "反馈行政争议化解情况")
    static let disputeClosed = AuditAction("dispute.closed", "办结行政争议")
    static let disputeParticipantAdded = AuditAction("dispute.participant", "增加行政争议参与方")
    static let disputesImported = AuditAction("dispute.imported", "导入行政争议")
    static let disputeTargetsSet = AuditAction("dispute.targets", "设定行政争议化解目标")

    /// What the audit log records of the resolution centre, in the order its filter lists them.
    static let ofDisputes: [AuditAction] = [
        disputeRegistered, disputeEdited, disputeTransferred, disputeAssigned, disputeUrged, disputeAnswered,
        disputeClosed, disputeParticipantAdded, disputesImported, disputeTargetsSet,
    ]
}
