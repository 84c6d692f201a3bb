import Fluent
import Foundation
import Vapor

/// What was done, as the audit log names it.
enum AuditAction: String, CaseIterable, Sendable {
    case signIn = "auth.sign_in"
    case signInFailed = "auth.sign_in_failed"
    case accountLocked = "auth.locked"
    case addressThrottled = "auth.address_throttled"
    case reauthenticationFailed = "auth.reauthentication_failed"
    case accessDenied = "access.denied"
    case dataExported = "data.exported"
    case personalDataViewed = "data.personal_viewed"
    case fileDownloaded = "data.downloaded"
    case auditViewed = "audit.viewed"
    case signOut = "auth.sign_out"
    case passwordChanged = "user.password_changed"
    case passwordReset = "user.password_reset"
    case userCreated = "user.created"
    case roleChanged = "user.role_changed"
    case userUnlocked = "user.unlocked"
    case userActivation = "user.activation"
    case secondFactorEnabled = "user.second_factor_enabled"
    case secondFactorDisabled = "user.second_factor_disabled"
    case secondFactorReset = "user.second_factor_reset"
    case tokenIssued = "token.issued"
    case tokenRevoked = "token.revoked"
    case regionCreated = "region.created"
    case unitCreated = "unit.created"
    case unitUpdated = "unit.updated"
    case rosterChanged = "roster.changed"
    case demoLoaded = "system.demo_loaded"
    case dataGenerated = "system.data_generated"
    case listCreated = "ledger.list_created"
    case itemCreated = "ledger.item_created"
    case itemIssued = "ledger.item_issued"
    case itemEdited = "ledger.item_edited"
    case itemStep = "ledger.item_step"
    case itemHandedDown = "ledger.item_handed_down"
    case progressReported = "ledger.progress_reported"
    case extensionRequested = "ledger.extension_requested"
    case extensionDecided = "ledger.extension_decided"
    case supervisionIssued = "supervision.issued"
    case supervisionAnswered = "supervision.answered"
    case digestRun = "notices.digest_run"
    case itemLinked = "ledger.item_linked"
    case attachmentAdded = "ledger.attachment_added"
    case casesImported = "litigation.cases_imported"
    case caseSaved = "litigation.case_saved"
    case caseDeleted = "litigation.case_deleted"
    case backupCreated = "system.backup_created"
    case backupRestored = "system.backup_restored"
    case dataKeyRotated = "system.data_key_rotated"
    case retentionSwept = "system.retention_swept"
    case dormantDisabled = "user.dormant_disabled"
    case intrusionSuspected = "security.intrusion_suspected"
    case auditChainBroken = "audit.chain_broken"
    case grantTampered = "security.grant_tampered"
    case attachmentDamaged = "security.attachment_damaged"

    var label: String {
        switch self {
        case .signIn: "登录"
        case .signInFailed: "登录失败"
        case .accountLocked: "账户锁定"
        case .addressThrottled: "暂停地址登录"
        case .reauthenticationFailed: "确认身份失败"
        case .accessDenied: "拒绝访问"
        case .dataExported: "导出数据"
        case .personalDataViewed: "查看个人信息"
        case .fileDownloaded: "下载附件"
        case .auditViewed: "查阅审计日志"
        case .signOut: "退出"
        case .passwordChanged: "修改密码"
        case .passwordReset: "重置密码"
        case .userCreated: "新建用户"
        case .roleChanged: "变更角色"
        case .userUnlocked: "解除锁定"
        case .userActivation: "启用/停用用户"
        case .secondFactorEnabled: "启用动态口令"
        case .secondFactorDisabled: "停用动态口令"
        case .secondFactorReset: "清除动态口令"
        case .tokenIssued: "签发接口令牌"
        case .tokenRevoked: "吊销接口令牌"
        case .regionCreated: "新建区划"
        case .unitCreated: "新建单位"
        case .unitUpdated: "修改单位"
        case .rosterChanged: "调整联席会议组成"
        case .demoLoaded: "载入演示数据"
        case .dataGenerated: "生成规模测试数据"
        case .listCreated: "新建清单"
        case .itemCreated: "新建事项"
        case .itemIssued: "交办事项"
        case .itemEdited: "修改事项"
        case .itemStep: "办理流转"
        case .itemHandedDown: "下达事项"
        case .progressReported: "报送进展"
        case .extensionRequested: "申请延期"
        case .extensionDecided: "审批延期"
        case .supervisionIssued: "督办"
        case .supervisionAnswered: "回复督办"
        case .digestRun: "生成提醒"
        case .itemLinked: "问题与责任对应"
        case .attachmentAdded: "上传附件"
        case .casesImported: "导入行政诉讼案件"
        case .caseSaved: "录入或修改行政诉讼案件"
        case .caseDeleted: "删除行政诉讼案件"
        case .backupCreated: "备份数据库"
        case .backupRestored: "恢复备份"
        case .dataKeyRotated: "更换数据密钥"
        case .retentionSwept: "清理过期数据"
        case .dormantDisabled: "停用长期未登录账户"
        case .intrusionSuspected: "疑似入侵告警"
        case .auditChainBroken: "审计日志完整性告警"
        case .grantTampered: "授权数据篡改告警"
        case .attachmentDamaged: "附件完整性告警"
        }
    }

    /// Syslog severities (RFC 5424) of what the audit log records.
    enum Severity: Int, Comparable, Sendable {
        case alert = 1, warning = 4, notice = 5, informational = 6

        static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var severity: Severity {
        switch self {
        case .intrusionSuspected, .auditChainBroken, .grantTampered, .attachmentDamaged: .alert
        case .accountLocked, .addressThrottled: .warning
        case .signInFailed, .reauthenticationFailed, .accessDenied: .notice
        default: .informational
        }
    }

    /// What the security administrator is shown as alerts: the alerts themselves and the lockouts.
    static let securityAlerts = allCases.filter { $0.severity <= .warning }
}

/// Who an audit entry is attributed to.
struct AuditActor: Sendable {
    let id: UUID?
    let name: String
    let regionPath: String
    let ipAddress: String

    static func of(_ caller: Caller, address: String) -> AuditActor {
        AuditActor(id: caller.userID, name: caller.username, regionPath: caller.regionPath, ipAddress: address)
    }

    static let system = AuditActor(id: nil, name: "system", regionPath: "", ipAddress: "local")
}

enum Audit {
    /// Appends one entry. Call it on the same database handle (transaction) as the write it records.
    static func record(
        _ action: AuditAction, by actor: AuditActor, object: (type: String, id: String), summary: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil, at time: Date, on db: any Database
    ) async throws {
        let entry = AuditEntry()
        // Whole milliseconds, so that the time hashes the same after either database has stored it.
        entry.at = Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1000).rounded() / 1000)
        entry.actorID = actor.id
        entry.actorName = canonical(actor.name)
        entry.regionPath = canonical(actor.regionPath)
        entry.ipAddress = canonical(actor.ipAddress)
        entry.action = action.rawValue
        entry.objectType = canonical(object.type)
        entry.objectID = canonical(object.id)
        entry.summary = canonical(summary)
        entry.before = try before.map(json)
        entry.after = try after.map(json)
        guard db.inTransaction else {
            // Linking moves the chain's head: it and the entry are written together or not at all.
            return try await db.write { db in
                try await AuditChain.link(entry, on: db)
                try await entry.create(on: db)
            }
        }
        try await AuditChain.link(entry, on: db)
        try await entry.create(on: db)
    }

    /// Text as the log keeps and hashes it: a control character other than tab and line breaks is written as its
    /// escape (NUL as `\u0000`), so that what is hashed is exactly what either database stores and hands back —
    /// PostgreSQL refuses a NUL and SQLite reads text only up to one. The door refuses such text from people
    /// (`ControlCharacterMiddleware`); this holds for whatever else reaches the log.
    static func canonical(_ text: String) -> String {
        guard ControlCharacterMiddleware.holdsControl(text) else { return text }
        var kept = ""
        for scalar in text.unicodeScalars {
            if ControlCharacterMiddleware.isControl(scalar) {
                kept += String(format: "\\u%04X", scalar.value)
            } else {
                kept.unicodeScalars.append(scalar)
            }
        }
        return kept
    }

    static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Request {
    /// Records a write by the signed-in caller.
    func audit(
        _ action: AuditAction, object: (type: String, id: String), summary: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil, on db: any Database
    ) async throws {
        let caller = try requireCaller()
        try await Audit.record(
            action, by: .of(caller, address: clientAddress), object: object, summary: summary, before: before,
            after: after, at: now, on: db)
    }
}
