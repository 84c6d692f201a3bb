extension AuditAction {
    static let documentUploaded = AuditAction("documents.uploaded", "上传公文待入账")
    static let documentCommitted = AuditAction("documents.committed", "公文入账")

    /// What the audit log records of documents into the ledger, in the order its filter lists them.
    static let ofDocuments: [AuditAction] = [documentUploaded, documentCommitted]
}
