import Foundation

extension AdminCase: BulkInsertable {
    static let columns = [
        "id", "case_number", "court", "procedure", "action_type", "plaintiff_kind", "filed_on", "concluded_on",
        "outcome", "loss_cause", "defendant_id", "region_id", "created_at", "updated_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [
            id, caseNumber, court, procedure, actionType, plaintiffKind, filedOn, concludedOn, outcome, lossCause,
            $defendant.id, $region.id, createdAt ?? now, updatedAt ?? now,
        ]
    }
}

extension Hearing: BulkInsertable {
    static let columns = ["id", "case_id", "held_on", "head_appeared", "head_rank", "principal", "spoke"]

    func row(now: Date) -> [any Encodable & Sendable] {
        [id, $adminCase.id, heldOn, headAppeared, headRank, principal, spoke]
    }
}
