import Foundation

// The organisation's and the ledger's rows for `Database.insert`, in the columns of their migrations.

extension Unit: BulkInsertable {
    static let columns = ["id", "name", "kind", "region_id", "created_at", "updated_at", "version"]

    func row(now: Date) -> [any Encodable & Sendable] {
        [id, name, kind, $region.id, createdAt ?? now, updatedAt ?? now, version]
    }
}

extension User: BulkInsertable {
    static let columns = [
        "id", "username", "display_name", "password_hash", "role", "unit_id", "must_change_password",
        "password_changed_at", "is_active", "created_at", "updated_at", "totp_key", "totp_last_step", "grant_mac",
        "last_signed_in_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [
            id, username, displayName, passwordHash, role, $unit.id, mustChangePassword, passwordChangedAt, isActive,
            createdAt ?? now, updatedAt ?? now, sealedTOTPKey, totpLastStep, grantMAC,
            lastSignedInAt,
        ]
    }
}

extension JointMeeting: BulkInsertable {
    static let columns = ["id", "name", "region_id", "office_unit_id", "created_at", "updated_at", "version"]

    func row(now: Date) -> [any Encodable & Sendable] {
        [id, name, $region.id, $officeUnit.id, createdAt ?? now, updatedAt ?? now, version]
    }
}

extension MemberUnit: BulkInsertable {
    static let columns = ["id", "meeting_id", "unit_id", "liaison_name", "liaison_phone", "position"]

    func row(now: Date) -> [any Encodable & Sendable] {
        [id, $meeting.id, $unit.id, liaisonName, sealedPhone, position]
    }
}

extension WorkList: BulkInsertable {
    static let columns = ["id", "region_id", "kind", "title", "source", "created_at"]

    func row(now: Date) -> [any Encodable & Sendable] { [id, $region.id, kind, title, source, createdAt ?? now] }
}

extension WorkItem: BulkInsertable {
    static let columns = [
        "id", "list_id", "region_id", "parent_item_id", "number", "title", "content", "area", "deadline",
        "deadline_kind", "state", "issued_on", "latest_report", "next_due_on", "closed_on", "version", "created_at",
        "updated_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [
            id, $list.id, $region.id, $parentItem.id, number, title, content, area, deadline, deadlineKind, state,
            issuedOn, latestReport, nextDueOn, closedOn, version, createdAt ?? now, updatedAt ?? now,
        ]
    }
}

extension ItemPart: BulkInsertable {
    static let columns = [
        "id", "item_id", "unit_id", "role", "state", "extended_to", "next_due_on", "next_due_reason", "returned_on",
        "updated_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [id, $item.id, $unit.id, role, state, extendedTo, nextDueOn, nextDueReason, returnedOn, updatedAt ?? now]
    }
}

extension ProgressReport: BulkInsertable {
    static let columns = [
        "id", "item_id", "unit_id", "reported_on", "period_key", "text", "figures", "author", "created_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [id, $item.id, $unit.id, reportedOn, periodKey, text, figures, author, createdAt ?? now]
    }
}

extension ItemEvent: BulkInsertable {
    static let columns = ["id", "item_id", "at", "actor", "what", "reason", "unit_name"]

    func row(now: Date) -> [any Encodable & Sendable] { [id, $item.id, at, actor, what, reason, unitName] }
}

extension Region: BulkInsertable {
    static let columns = ["id", "code", "name", "level", "path", "parent_id", "created_at"]

    func row(now: Date) -> [any Encodable & Sendable] { [id, code, name, level, path, $parent.id, createdAt ?? now] }
}
