/// What a signed-in user may do. Region scope is applied separately (see `Role.readsLowerRegions`).
public enum Action: String, CaseIterable, Sendable {
    /// Read regions, units and joint meetings of the caller's scope.
    case readOrganisation
    /// Create and edit units of the caller's own region.
    case editUnits
    /// Edit the joint meeting roster of the caller's own region.
    case editRoster
    /// Create regions.
    case manageRegions
    /// Create, disable and reset user accounts.
    case manageAccounts
    /// Change roles and unlock accounts.
    case assignRoles
    /// Issue and revoke API tokens for other systems.
    case issueTokens
    /// Read the audit log.
    case readAudit
    /// Read the security alerts (suspected intrusions, a broken audit chain, lockouts) and respond to them.
    case readSecurityAlerts
    /// Read the ledger (lists, items, reports), its supervision and the caller's notices, in the caller's scope.
    case readLedger
    /// Create, issue and review items of the caller's own region, hand them down, decide extensions.
    case manageLedger
    /// Handle the caller's own unit's part of an item: sign for it, report, ask for closure or an extension.
    case handleParts
    /// Read administrative litigation (cases, figures, bulletins, warnings) of the caller's scope.
    case readLitigation
    /// Enter and import administrative litigation cases of the caller's region.
    case maintainLitigation
    /// Issue judicial suggestions (司法建议) to the agencies of the caller's region, and correct them until answered.
    case issueSuggestions
    /// Enter, correct and import enforcement cases against organs in the caller's region, and record their payments.
    case maintainEnforcement
    /// Work the dispute resolution centre (行政争议实质性化解中心) of the caller's region: register, transfer, assign,
    /// urge and close disputes, and set the region's targets.
    case resolveDisputes
    /// List what a bankruptcy case of the caller's region needs of the government (办理破产府院联动), each as a
    /// ledger item sent to a department, keep the case's stage and key dates, and conclude it.
    case coordinateBankruptcy
}

extension Role {
    /// The single table of role powers. Administrators never hold each other's powers.
    public func may(_ action: Action) -> Bool {
        switch action {
        case .readOrganisation: Role.business.contains(self) || self == .systemAdmin
        case .editUnits: self == .office || self == .systemAdmin
        case .editRoster: self == .office
        case .manageRegions, .manageAccounts, .issueTokens: self == .systemAdmin
        case .assignRoles, .readSecurityAlerts: self == .securityAdmin
        case .readAudit: self == .auditAdmin
        case .readLedger, .readLitigation: Role.business.contains(self)
        case .manageLedger: self == .office
        case .handleParts: self == .liaison || self == .court
        case .maintainLitigation, .issueSuggestions, .maintainEnforcement, .coordinateBankruptcy: self == .court
        case .resolveDisputes: self == .court || self == .office
        }
    }

    /// Office staff, leaders and the administrators read every region below their own;
    /// liaisons and court staff read their own region only.
    public var readsLowerRegions: Bool {
        switch self {
        case .office, .leader, .systemAdmin, .securityAdmin, .auditAdmin: true
        case .liaison, .court: false
        }
    }
}
