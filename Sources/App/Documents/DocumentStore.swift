import Crypto
import Fluent
import FuyuanCore
import Vapor

/// Uploading a document for review, and committing what the reviewer kept: items into a new list of the ledger in
/// one transaction, or the roster into the joint meeting as a recorded change.
enum DocumentStore {
    /// Items as the reviewer corrected them: units by name (full or short, as `RegionUnits` reads them).
    struct Commit: Content {
        struct Item: Content {
            var title: String
            var content: String
            var area: TaskArea
            var deadline: String
            var lead: [String]
            var responsible: [String]
            var cooperating: [String]
        }

        var kind: ListKind
        var title: String
        var items: [Item]
        /// Issue the items to their units at once (下发); otherwise they stay drafts of the office.
        var issueNow: Bool?
        /// Commit although the same file was committed before.
        var again: Bool?
    }

    /// The region `code`, for its own office acting: 403 for another role or another region's office, 404 for a
    /// region outside the caller's scope.
    static func ownRegion(code: String, as acting: Acting) async throws -> Region {
        let caller = try acting.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: code, on: acting.db)
        try requireOffice(region, as: acting)
        return region
    }

    /// The office of `region`, who alone turns documents into its ledger.
    static func requireOffice(_ region: Region, as acting: Acting) throws {
        let caller = try acting.caller(for: .manageLedger)
        guard caller.regionID == region.id else { throw AppError.forbidden }
    }

    /// The draft of a file: read and parsed on `threadPool` (a 20 MB .docx takes long enough to hold up an event
    /// loop), against the region's units. A file that is not a .docx or text is refused, saying what to send.
    static func read(
        _ data: Data, region: Region, on db: any Database, config: AppConfig, threadPool: NIOThreadPool
    ) async throws -> PlanDraft {
        try await readWithLines(data, region: region, on: db, config: config, threadPool: threadPool).draft
    }

    /// The draft with the lines it was read from, for the review page.
    static func readWithLines(
        _ data: Data, region: Region, on db: any Database, config: AppConfig, threadPool: NIOThreadPool
    ) async throws -> (lines: DocumentLines, draft: PlanDraft) {
        let units = try await DocumentQueries.units(of: region, on: db)
        return try await threadPool.runIfActive {
            let lines = try DocumentFile.lines(of: data, config: config)
            return (lines, PlanParser.parse(lines, units: units))
        }
    }

    /// Keeps the file under the data directory by its hash and records it for review. Nothing of the ledger changes.
    static func upload(
        name: String, data: Data, into region: Region, as acting: Acting, threadPool: NIOThreadPool
    ) async throws -> (LedgerDocument, PlanDraft) {
        try requireOffice(region, as: acting)
        let draft = try await read(data, region: region, on: acting.db, config: acting.config, threadPool: threadPool)
        let document = try keep(
            data, name: name, header: draft.header, region: region, by: acting.caller.displayName,
            in: acting.config.dataDirectory)
        try await acting.db.write { db in
            try await document.create(on: db)
            try await acting.audit(
                .documentUploaded, object: ("ledger_document", document.requireID().uuidString),
                summary: "上传公文待入账：\(document.title)\(document.number.isEmpty ? "" : "（\(document.number)）")"
                    + "，识别出 \(draft.items.count) 项", on: db)
        }
        return (document, draft)
    }

    /// Writes the file under `directory` by its hash (atomically: a crash leaves no half file under its name) and
    /// makes the row that names it, not yet saved.
    static func keep(
        _ data: Data, name: String, header: PlanDraft.Header, region: Region, by uploader: String, in directory: String
    ) throws -> LedgerDocument {
        let digest = SHA256.hash(data: data).hex
        let target = AttachmentStore.path(for: digest, in: directory)
        if !FileManager.default.fileExists(atPath: target) {
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        }
        let fileName = String(String(name.split(separator: "/").last ?? "").prefix(120))
        return LedgerDocument(
            regionID: try region.requireID(), fileName: fileName.isEmpty ? "公文" : fileName,
            contentType: data.starts(with: [0x50, 0x4B]) ? DocumentFile.docxType : "text/plain; charset=utf-8",
            size: data.count, sha256: digest, number: header.number,
            title: header.title.isEmpty ? fileName : header.title, uploadedBy: uploader)
    }

    /// The stored file's draft, read again (the parser is pure and quick, so nothing of it is stored), with its
    /// lines.
    static func draft(of document: LedgerDocument, in region: Region, as acting: Acting, threadPool: NIOThreadPool)
        async throws -> (lines: DocumentLines, draft: PlanDraft)
    {
        let data = try await storedFile(of: document, as: acting, threadPool: threadPool)
        return try await readWithLines(
            data, region: region, on: acting.db, config: acting.config, threadPool: threadPool)
    }

    /// The file as it was uploaded. One that no longer hashes to its name was changed on disk: it is not read, and
    /// the security administrator is alerted, as for an attachment (`AttachmentStore.requireIntact`).
    static func storedFile(of document: LedgerDocument, as acting: Acting, threadPool: NIOThreadPool) async throws
        -> Data
    {
        let path = AttachmentStore.path(for: document.sha256, in: acting.config.dataDirectory)
        guard
            let (data, digest) = try await threadPool.runIfActive({
                FileManager.default.contents(atPath: path).map { ($0, SHA256.hash(data: $0).hex) }
            })
        else { throw AppError.notFound("公文文件") }
        guard digest != document.sha256 else { return data }
        try await acting.db.write { db in
            try await acting.audit(
                .attachmentDamaged, object: ("ledger_document", document.requireID().uuidString),
                summary: "公文“\(document.fileName)”的文件与上传时的 SHA-256 不符，未予读取", on: db)
        }
        throw AppError(
            status: .conflict, code: "attachment_damaged",
            reason: "公文文件校验未通过（与上传时不符），可能已被改动；已报告安全管理员，请联系系统管理员从备份恢复")
    }

    /// Writes the reviewed items into a new list in one transaction, all or none, and attaches the document to it.
    /// A document committed before, or another file with the same 文号, is refused (409) unless `again`.
    static func commit(_ input: Commit, document: LedgerDocument, region: Region, as acting: Acting) async throws
        -> WorkList
    {
        try requireOffice(region, as: acting)
        let regionID = try region.requireID()
        let units = try await OrgQueries.units(of: region, on: acting.db)
        let checked = try check(input, units: units, regionName: region.name)
        return try await acting.db.write { db in
            try await db.sql().lockRow(LedgerDocument.schema, id: document.requireID())
            if !(input.again ?? false), let earlier = try await committedBefore(document, on: db) {
                throw AppError(
                    status: .conflict, code: "already_committed",
                    reason: "这份公文已于 \(ChineseTime.minute(earlier.committedAt ?? acting.now)) 入账"
                        + "（\(earlier.title)\(earlier.number.isEmpty ? "" : "，\(earlier.number)")）；确需再次入账请勾选“仍然入账”")
            }
            let list = try await LedgerStore.insertList(
                regionID: regionID, kind: input.kind, title: input.title,
                source: document.number.isEmpty ? document.title : document.number, on: db, as: acting)
            for item in checked {
                _ = try await LedgerStore.insertItem(
                    list: list, title: item.title, content: item.content, area: item.area, deadline: item.deadline,
                    parts: item.parts, issueNow: input.issueNow ?? false, on: db, as: acting)
            }
            document.$list.id = try list.requireID()
            document.committedAt = acting.now
            document.committedBy = acting.caller.displayName
            document.outcome = "入账为“\(list.title)”（\(checked.count) 项）"
            try await document.save(on: db)
            try await acting.audit(
                .documentCommitted, object: ("ledger_document", document.requireID().uuidString),
                summary: "公文入账：\(document.title) → \(list.title)（\(checked.count) 项）", on: db)
            return list
        }
    }

    /// The roster a document sets up, as the roster form and `RosterStore.save` take it: people and member units as
    /// the document names them, liaisons kept where a unit stays a member, the office where the document puts it (or
    /// where it was), approved by the convener on the document's date (not after today). 422 when it sets up none.
    static func rosterInput(_ draft: RosterDraft, date: CalendarDay?, region: Region, as acting: Acting) async throws
        -> (input: RosterStore.Input, version: Int)
    {
        guard !draft.isEmpty else { throw AppError.invalid("组成人员：这份公文没有联席会议的组成") }
        let units = try await OrgQueries.units(of: region, on: acting.db)
        let ids = Dictionary(
            units.compactMap { unit in unit.id.map { (unit.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let before = try await RosterStore.load(region: region, seal: acting.seal, on: acting.db)
        let liaisons = Dictionary(
            before.members.map { ($0.unit.name, $0.member) }, uniquingKeysWith: { a, _ in a })
        let input = RosterStore.Input(
            name: before.meeting?.name ?? "\(region.name)府院联动联席会议",
            officeUnitID: ids[draft.officeHost] ?? before.officeUnit?.id,
            people: draft.people.map { .init(role: $0.role, name: $0.name, post: $0.post) },
            memberUnits: draft.memberUnits.compactMap { member in
                ids[member.unit].map {
                    .init(
                        unitID: $0,
                        liaisonName: member.liaison.isEmpty ? liaisons[member.unit]?.liaisonName ?? "" : member.liaison,
                        liaisonPhone: liaisons[member.unit]?.liaisonPhone ?? "")
                }
            },
            approvedBy: draft.people.first { $0.role == .convener }?.name ?? "",
            approvedOn: min(date ?? acting.today, acting.today))
        return (input, before.meeting?.version ?? 0)
    }

    /// Saves the roster as reviewed (`rosterInput`, corrected on the roster form) as one recorded change, and marks
    /// the document applied in the same transaction; `expected` is the meeting's version the form was made from.
    @discardableResult
    static func applyRoster(
        _ input: RosterStore.Input, expected: Int?, document: LedgerDocument, region: Region, as acting: Acting
    ) async throws -> RosterChange {
        try requireOffice(region, as: acting)
        guard !document.isCommitted else {
            throw AppError(status: .conflict, code: "already_committed", reason: "这份公文已经应用过，未重复应用")
        }
        let documentID = try document.requireID()
        return try await RosterStore.save(input, region: region, expected: expected, as: acting) { db, _ in
            try await db.sql().lockRow(LedgerDocument.schema, id: documentID)
            guard let stored = try await LedgerDocument.find(documentID, on: db), !stored.isCommitted else {
                throw AppError(status: .conflict, code: "already_committed", reason: "这份公文已经应用过，未重复应用")
            }
            stored.committedAt = acting.now
            stored.committedBy = acting.caller.displayName
            stored.outcome = "更新联席会议组成（\(input.people.count) 名组成人员、\(input.memberUnits.count) 个成员单位）"
            try await stored.save(on: db)
            try await acting.audit(
                .documentCommitted, object: ("ledger_document", documentID.uuidString),
                summary: "公文应用于联席会议组成：\(stored.title)", on: db)
        }
    }

    /// The document itself if it was committed, or another of the region's documents with the same file or 文号
    /// that was.
    private static func committedBefore(_ document: LedgerDocument, on db: any Database) async throws
        -> LedgerDocument?
    {
        if document.isCommitted { return document }
        return try await LedgerDocument.query(on: db)
            .filter(\.$region.$id == document.$region.id)
            .filter(\.$committedAt != nil)
            .group(.or) {
                $0.filter(\.$sha256 == document.sha256)
                if !document.number.isEmpty { $0.filter(\.$number == document.number) }
            }
            .first()
    }

    struct CheckedItem: Sendable {
        let title: String
        let content: String
        let area: TaskArea
        let deadline: Deadline
        let parts: [([UUID], PartRole)]
    }

    /// Every item's wording, deadline and units checked, each problem named by item and field.
    static func check(_ input: Commit, units: [Unit], regionName: String) throws -> [CheckedItem] {
        var problems = FieldProblems()
        if input.title.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("清单名称", "不能为空") }
        if !ListKind.own.contains(input.kind) { problems.add("清单类别", "须为问题清单或责任清单") }
        if input.items.isEmpty { problems.add("事项", "至少保留一项") }
        let finder = RegionUnits(units.map { .init(name: $0.name, kind: $0.kind) }, regionName: regionName)
        let ids = Dictionary(
            units.compactMap { unit in unit.id.map { (unit.name, $0) } }, uniquingKeysWith: { a, _ in a })
        var checked: [CheckedItem] = []
        for (index, item) in input.items.enumerated() {
            var itemProblems = FieldProblems()
            let (title, deadline) = LedgerStore.wording(
                title: item.title, deadline: item.deadline, problems: &itemProblems)
            var seen = Set<UUID>()
            var parts: [([UUID], PartRole)] = []
            for (names, role) in [
                (item.lead, PartRole.lead), (item.responsible, .responsible), (item.cooperating, .cooperating),
            ] {
                var chosen: [UUID] = []
                for name in names.map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                    switch finder.find(name) {
                    case .units(let found):
                        for id in found.compactMap({ ids[$0] }) where seen.insert(id).inserted { chosen.append(id) }
                    case .unmatched(let candidates):
                        itemProblems.add(
                            role.label,
                            "“\(name)”不是本区划的单位"
                                + (candidates.isEmpty ? "" : "（是否为：\(candidates.joined(separator: "、"))）"))
                    }
                }
                parts.append((chosen, role))
            }
            if parts[0].0.isEmpty && parts[1].0.isEmpty { itemProblems.add("责任单位", "至少指定一个牵头或责任单位") }
            for problem in itemProblems.items { problems.add("第 \(index + 1) 项\(problem.field)", problem.reason) }
            if let deadline, itemProblems.isEmpty {
                checked.append(
                    CheckedItem(
                        title: title, content: item.content.trimmingCharacters(in: .whitespacesAndNewlines),
                        area: item.area, deadline: deadline, parts: parts))
            }
        }
        try problems.throwIfAny()
        return checked
    }
}
