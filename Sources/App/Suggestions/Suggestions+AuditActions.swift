extension AuditAction {
    static let suggestionIssued = AuditAction("suggestion.issued", "发出司法建议")
    static let suggestionEdited = AuditAction("suggestion.edited", "修改司法建议")
    static let suggestionSigned = AuditAction("suggestion.signed", "签收司法建议")
    static let suggestionReplied = AuditAction("suggestion.replied", "回复司法建议")
    static let suggestionReminded = AuditAction("suggestion.reminded", "自动催办司法建议")

    /// What the audit log records of judicial suggestions, in the order its filter lists them.
    static let ofSuggestions: [AuditAction] = [
        suggestionIssued, suggestionEdited, suggestionSigned, suggestionReplied, suggestionReminded,
    ]
}
