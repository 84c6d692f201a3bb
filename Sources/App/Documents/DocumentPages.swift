import Fluent
import FuyuanCore
import Vapor

/// The documents pages: upload, review beside the document, commit into the ledger, apply a roster.
struct DocumentPages {
    /// The review form as posted: items keyed by their place (`items[3][title]`), units as one text each.
    struct Posted: Content {
        struct Item: Content {
            var include: Bool?
            var number: String?
            var heading: String?
            var lines: String?
            var title: String
            var content: String?
            var area: TaskArea
            var deadline: String
            var lead: String?
            var responsible: String?
            var cooperating: String?
        }

        var kind: ListKind
        var title: String
        var issueNow: Bool?
        var again: Bool?
        var items: [String: Item]?

        var ordered: [Item] {
            (items ?? [:]).sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map(\.value)
        }

        /// The items kept, as the store takes them.
        var commit: DocumentStore.Commit {
            DocumentStore.Commit(
                kind: kind, title: title,
                items: ordered.filter { $0.include ?? false }.map {
                    .init(
                        title: $0.title, content: $0.content ?? "", area: $0.area, deadline: $0.deadline,
                        lead: Self.names($0.lead), responsible: Self.names($0.responsible),
                        cooperating: Self.names($0.cooperating))
                },
                issueNow: issueNow, again: again)
        }

        static func names(_ text: String?) -> [String] {
            (text ?? "").split { "、，,；; \u{3000}".contains($0) }.map(String.init)
        }

        var values: DocumentReviewView.Values {
            DocumentReviewView.Values(
                kind: kind, title: title, issueNow: issueNow ?? false, again: again ?? false,
                items: ordered.map { item in
                    // Posted back from the page; held to a sane range whatever was sent.
                    let bounds = (item.lines ?? "").split(separator: "-").compactMap { Int($0) }.map {
                        min(max($0, 1), 1_000_000)
                    }
                    return DocumentReviewView.ItemValues(
                        include: item.include ?? false, number: item.number ?? "", heading: item.heading ?? "",
                        title: item.title, content: item.content ?? "", area: item.area, deadline: item.deadline,
                        lead: item.lead ?? "", responsible: item.responsible ?? "", cooperating: item.cooperating ?? "",
                        lines: (bounds.first ?? 1)...max(bounds.first ?? 1, bounds.last ?? 1))
                })
        }
    }

    /// An office reads the documents of any region in its scope and uploads to its own.
    func list(_ request: Request) async throws -> HTMLPage {
        let acting = try request.acting()
        let caller = try acting.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await listPage(request, acting: acting, region: region, problems: [])
    }

    func upload(_ request: Request) async throws -> Response {
        struct Form: Decodable, Sendable { var file: File }
        let (acting, region) = try await officeRegion(request)
        let file = try await request.decodeUpload(Form.self).file
        do {
            let (document, _) = try await DocumentStore.upload(
                name: file.filename, data: Data(buffer: file.data), into: region, as: acting,
                threadPool: request.application.threadPool)
            return try request.redirect(to: SitePath.documentReview(document.requireID()).url)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await listPage(request, acting: acting, region: region, problems: error.problems)
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    func review(_ request: Request) async throws -> HTMLPage {
        let (acting, region, document) = try await documentOf(request)
        return try await reviewPage(
            request, acting: acting, region: region, document: document, posted: nil, problems: [])
    }

    func commit(_ request: Request) async throws -> Response {
        let (acting, region, document) = try await documentOf(request)
        let posted = try request.content.decode(Posted.self)
        do {
            let list = try await DocumentStore.commit(posted.commit, document: document, region: region, as: acting)
            return request.redirect(to: SitePath.ledgerList(region.code, try list.requireID()).url)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await reviewPage(
                request, acting: acting, region: region, document: document, posted: posted, problems: error.problems
            ).encodeResponse(status: error.status, for: request)
        }
    }

    /// The roster form of the joint meeting, filled from the document for the office to check and correct.
    func rosterForm(_ request: Request) async throws -> HTMLPage {
        let (acting, region, document) = try await documentOf(request)
        try DocumentStore.requireOffice(region, as: acting)
        guard !document.isCommitted else {
            throw AppError(status: .conflict, code: "already_committed", reason: "这份公文已经应用过，未重复应用")
        }
        let draft = try await DocumentStore.draft(
            of: document, in: region, as: acting, threadPool: request.application.threadPool
        ).draft
        let (input, version) = try await DocumentStore.rosterInput(
            draft.roster, date: draft.header.date, region: region, as: acting)
        return try await rosterPage(
            request, region: region, document: document, form: .init(input, version: version), problems: [])
    }

    func applyRoster(_ request: Request) async throws -> Response {
        let (acting, region, document) = try await documentOf(request)
        try DocumentStore.requireOffice(region, as: acting)
        let posted = try request.content.decode(RosterEditView.Posted.self)
        let form = posted.values
        do {
            try await DocumentStore.applyRoster(
                try posted.input(), expected: form.version == 0 ? nil : form.version, document: document,
                region: region, as: acting)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await rosterPage(
                request, region: region, document: document, form: form, problems: error.problems
            )
            .encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.meeting(region.code).url + "?saved=1")
    }

    private func rosterPage(
        _ request: Request, region: Region, document: LedgerDocument, form: RosterEditView.FormValues,
        problems: [String]
    ) async throws -> HTMLPage {
        let units = try await OrgQueries.units(of: region, on: request.db)
        return RosterEditView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                units: try units.map { (try $0.requireID(), $0.name) }, form: form, problems: problems,
                action: .documentRoster(try document.requireID())),
            shell: try await request.shell(regionCode: region.code))
    }

    /// The file as it was uploaded, for an office whose scope holds its region; the download is in the audit log.
    func file(_ request: Request) async throws -> Response {
        let (acting, _, document) = try await documentOf(request)
        let data = try await DocumentStore.storedFile(
            of: document, as: acting, threadPool: request.application.threadPool)
        try await acting.db.write { db in
            try await acting.audit(
                .fileDownloaded, object: ("ledger_document", try document.requireID().uuidString),
                summary: "下载公文“\(document.fileName)”", on: db)
        }
        return Response.download(
            .init(data: data), contentType: document.contentType, name: document.fileName, fallback: "document")
    }

    private func officeRegion(_ request: Request) async throws -> (Acting, Region) {
        let acting = try request.acting()
        return (acting, try await DocumentStore.ownRegion(code: request.parameters.require("code"), as: acting))
    }

    /// The document in the address, for an office whose scope holds its region (only the region's own office
    /// commits it, `DocumentStore.requireOffice`).
    private func documentOf(_ request: Request) async throws -> (Acting, Region, LedgerDocument) {
        let acting = try request.acting()
        let caller = try acting.caller(for: .manageLedger)
        let (document, region) = try await DocumentQueries.document(
            request.idParameter(), within: caller.scope, on: acting.db)
        return (acting, region, document)
    }

    private func listPage(_ request: Request, acting: Acting, region: Region, problems: [String]) async throws
        -> HTMLPage
    {
        let rows = try await DocumentQueries.documents(of: region, on: acting.db).map(Self.row)
        return DocumentsView.render(
            .init(
                regionCode: region.code, regionName: region.name, rows: rows,
                canUpload: region.id == acting.caller.regionID, problems: problems),
            shell: try await request.shell(regionCode: region.code))
    }

    private func reviewPage(
        _ request: Request, acting: Acting, region: Region, document: LedgerDocument, posted: Posted?,
        problems: [String]
    ) async throws -> HTMLPage {
        let (lines, draft) = try await DocumentStore.draft(
            of: document, in: region, as: acting, threadPool: request.application.threadPool)
        let values =
            posted?.values
            ?? DocumentReviewView.Values(
                kind: .responsibility, title: document.title, items: draft.items.map(DocumentReviewView.ItemValues.init)
            )
        return DocumentReviewView.render(
            .init(
                regionCode: region.code, regionName: region.name, document: Self.row(document), header: draft.header,
                lines: lines.lines.indices.map { lines.text(ofLine: $0 + 1) }, values: values, roster: draft.roster,
                unmatched: draft.unmatched, listID: document.$list.id,
                canCommit: region.id == acting.caller.regionID && document.outcome == nil,
                problems: problems),
            shell: try await request.shell(regionCode: region.code))
    }

    static func row(_ document: LedgerDocument) -> DocumentsView.Row {
        DocumentsView.Row(
            id: document.id ?? UUID(), uploadedAt: ChineseTime.minute(document.createdAt ?? Date()),
            fileName: document.fileName, number: document.number, title: document.title,
            uploadedBy: document.uploadedBy, outcome: document.outcome)
    }
}

extension RosterEditView.FormValues {
    /// A roster to be saved, as the roster form shows it.
    init(_ input: RosterStore.Input, version: Int) {
        self.init(
            name: input.name, officeUnitID: input.officeUnitID?.uuidString ?? "",
            people: input.people.map { .init(role: $0.role.rawValue, name: $0.name, post: $0.post) },
            members: Dictionary(
                input.memberUnits.map {
                    ($0.unitID, .init(checked: true, liaisonName: $0.liaisonName, liaisonPhone: $0.liaisonPhone))
                }, uniquingKeysWith: { a, _ in a }),
            order: input.memberUnits.map(\.unitID), approvedBy: input.approvedBy,
            approvedOn: input.approvedOn.description, version: version)
    }
}
