import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// The audit log as a hash chain: each entry carries a sequence number, the hash of the entry before it and its own
/// hash, SM3 over both and its content. `audit_chain` holds the head (last number and hash); appending moves the
/// head with `UPDATE … RETURNING` inside the write's transaction, which also serialises concurrent appends. An
/// edited, deleted or inserted row breaks the chain, and `verify` says where. Triggers refuse UPDATE and DELETE on
/// `audit_entries` as a first line of defence.
public enum AuditChain {
    static let table = "audit_chain"
    static let genesis = String(repeating: "0", count: 64)

    struct Head: Decodable {
        let seq: Int
        let hash: String
    }

    /// Gives `entry` the next sequence number and its hashes, and moves the head; call in the write's transaction.
    static func link(_ entry: AuditEntry, on db: any Database) async throws {
        let sql = try db.sql()
        guard
            let head = try await sql.raw("UPDATE audit_chain SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
                .first(decoding: Head.self)
        else { throw AppError(status: .internalServerError, code: "audit_chain", reason: "审计日志链头缺失") }
        entry.seq = head.seq
        entry.previousHash = head.hash
        entry.hash = hash(of: entry)
        try await sql.raw("UPDATE audit_chain SET hash = \(bind: entry.hash) WHERE id = 1").run()
    }

    /// SM3 over the previous hash and every field of the entry, each field length-prefixed so that no two different
    /// entries read alike.
    static func hash(of entry: AuditEntry) -> String {
        let milliseconds = Int64((entry.at.timeIntervalSince1970 * 1000).rounded())
        let fields: [String] = [
            entry.previousHash, String(entry.seq), String(milliseconds), entry.actorID?.uuidString ?? "",
            entry.actorName, entry.regionPath, entry.ipAddress, entry.action, entry.objectType, entry.objectID,
            entry.summary, entry.before ?? "\u{0}", entry.after ?? "\u{0}",
        ]
        var hasher = SM3()
        for field in fields {
            let bytes = Array(field.utf8)
            hasher.update(Array("\(bytes.count):".utf8))
            hasher.update(bytes)
        }
        return hasher.finalize().hex
    }

    public struct Verdict: Equatable, Sendable {
        /// Entries checked.
        public var checked = 0
        /// Every break, in the order of the chain, said in words: one break never hides a later one.
        public var problems: [String] = []

        public var intact: Bool { problems.isEmpty }

        /// The breaks in one line, for the alert and the command's answer.
        public var summary: String { problems.joined(separator: "；") }
    }

    /// Verifies the chain and, when it is broken, raises a security alert in the log itself, for the security
    /// administrator and the collector.
    static func verify(on db: any Database, alerting actor: AuditActor, at now: Date) async throws -> Verdict {
        let verdict = try await verify(on: db)
        if !verdict.intact {
            try await Audit.record(
                .auditChainBroken, by: actor, object: ("audit", "chain"),
                summary: "审计日志完整性校验未通过：\(verdict.summary)（已校验 \(verdict.checked) 条）", at: now, on: db)
        }
        return verdict
    }

    /// Walks the whole chain in order, a page at a time: every entry's hash, its link to the one before, the sequence
    /// without gaps, and the head at the end. Goes on past a break, so that every break is named.
    public static func verify(on db: any Database, pageSize: Int = 2_000) async throws -> Verdict {
        var verdict = Verdict()
        var previous = genesis
        var expectedSeq = 1
        while true {
            let page = try await AuditEntry.query(on: db).filter(\.$seq >= expectedSeq).sort(\.$seq)
                .limit(pageSize).all()
            for entry in page {
                if entry.seq != expectedSeq {
                    verdict.problems.append(
                        entry.seq == expectedSeq + 1
                            ? "第 \(expectedSeq) 条缺失（被删除）" : "第 \(expectedSeq)–\(entry.seq - 1) 条缺失（被删除）")
                } else if entry.previousHash != previous {
                    verdict.problems.append("第 \(entry.seq) 条与前一条的链接不符")
                }
                if hash(of: entry) != entry.hash { verdict.problems.append("第 \(entry.seq) 条的内容被改动") }
                previous = entry.hash
                expectedSeq = entry.seq + 1
                verdict.checked += 1
            }
            if page.count < pageSize { break }
        }
        guard
            let head = try await db.sql().raw("SELECT seq, hash FROM audit_chain WHERE id = 1").first(
                decoding: Head.self)
        else {
            verdict.problems.append("审计日志链头缺失")
            return verdict
        }
        if head.seq != expectedSeq - 1 || head.hash != previous {
            verdict.problems.append("链头记录 \(head.seq) 条，实有 \(verdict.checked) 条（末尾的记录被删除）")
        }
        return verdict
    }
}

/// Adds the chain to the audit log, links the entries already there in the order they were written, and makes the
/// table refuse UPDATE and DELETE.
struct ChainAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema(AuditEntry.schema).field("seq", .int, .required, .sql(.default(0))).update()
        try await database.schema(AuditEntry.schema).field("previous_hash", .string, .required, .sql(.default("")))
            .update()
        try await database.schema(AuditEntry.schema).field("hash", .string, .required, .sql(.default(""))).update()
        try await database.schema(AuditChain.table)
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int, .required)
            .field("hash", .string, .required)
            .create()
        let sql = try database.sql()
        try await sql.raw("INSERT INTO audit_chain (id, seq, hash) VALUES (1, 0, \(bind: AuditChain.genesis))").run()
        for entry in try await AuditEntry.query(on: database).sort(\.$at).all() {
            try await AuditChain.link(entry, on: database)
            try await entry.update(on: database)
        }
        try await sql.raw("CREATE UNIQUE INDEX idx_audit_entries_seq ON audit_entries (seq)").run()
        if sql.dialect == .sqlite {
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_entries_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_entries
                    BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        if sql.dialect == .sqlite {
            try await sql.raw("DROP TRIGGER audit_entries_no_update").run()
            try await sql.raw("DROP TRIGGER audit_entries_no_delete").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_entries_append_only ON audit_entries").run()
            try await sql.raw("DROP FUNCTION audit_entries_append_only()").run()
        }
        try await sql.raw("DROP INDEX idx_audit_entries_seq").run()
        try await database.schema(AuditChain.table).delete()
        for field in ["seq", "previous_hash", "hash"] {
            try await database.schema(AuditEntry.schema).deleteField(.key(.init(stringLiteral: field))).update()
        }
    }
}
