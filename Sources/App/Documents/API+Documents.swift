import Fluent
import FuyuanCore
import Vapor

/// `/api/v1/regions/{code}/documents`: parsing a document (writes nothing), uploading one for review, reading its
/// draft, and committing the reviewed items into the ledger.
struct DocumentsAPI {
    struct DocumentDTO: Content {
        let id: UUID
        let fileName: String
        let number: String?
        let title: String
        let uploadedBy: String
        let uploadedAt: String
        let committedAt: String?
        /// What committing it did.
        let outcome: String?
        /// The list its items went into.
        let listID: UUID?

        init(_ document: LedgerDocument) throws {
            (id, fileName, title) = (try document.requireID(), document.fileName, document.title)
            number = document.number.isEmpty ? nil : document.number
            uploadedBy = document.uploadedBy
            uploadedAt = ChineseTime.minute(document.createdAt ?? Date())
            committedAt = document.committedAt.map(ChineseTime.minute)
            (outcome, listID) = (document.outcome, document.$list.id)
        }
    }

    struct Answer: Content {
        let document: DocumentDTO
        let draft: DraftDTO
    }

    func parse(_ request: Request) async throws -> DraftDTO {
        let (acting, region) = try await officeRegion(request)
        return DraftDTO(
            try await DocumentStore.read(
                try body(request), region: region, on: acting.db, config: acting.config,
                threadPool: request.application.threadPool))
    }

    func upload(_ request: Request) async throws -> Response {
        let (acting, region) = try await officeRegion(request)
        let name = request.headers.first(name: "X-File-Name")?.removingPercentEncoding ?? "公文"
        let (document, draft) = try await DocumentStore.upload(
            name: name, data: try body(request), into: region, as: acting, threadPool: request.application.threadPool)
        return try await Answer(document: DocumentDTO(document), draft: DraftDTO(draft)).encodeResponse(
            status: .created, for: request)
    }

    /// Any office whose scope holds the region reads its documents.
    func read(_ request: Request) async throws -> Answer {
        let acting = try request.acting()
        let caller = try acting.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let document = try await DocumentQueries.document(request.idParameter(), of: region, on: acting.db)
        let draft = try await DocumentStore.draft(
            of: document, in: region, as: acting, threadPool: request.application.threadPool
        ).draft
        return Answer(document: try DocumentDTO(document), draft: DraftDTO(draft))
    }

    func commit(_ request: Request) async throws -> Response {
        let (acting, region) = try await officeRegion(request)
        let document = try await DocumentQueries.document(request.idParameter(), of: region, on: acting.db)
        _ = try await DocumentStore.commit(
            try request.content.decode(DocumentStore.Commit.self), document: document, region: region, as: acting)
        return try await DocumentDTO(document).encodeResponse(status: .created, for: request)
    }

    func applyRoster(_ request: Request) async throws -> DocumentDTO {
        let (acting, region) = try await officeRegion(request)
        let document = try await DocumentQueries.document(request.idParameter(), of: region, on: acting.db)
        let draft = try await DocumentStore.draft(
            of: document, in: region, as: acting, threadPool: request.application.threadPool
        ).draft
        let (input, version) = try await DocumentStore.rosterInput(
            draft.roster, date: draft.header.date, region: region, as: acting)
        try await DocumentStore.applyRoster(
            input, expected: version == 0 ? nil : version, document: document, region: region, as: acting)
        return try DocumentDTO(try await DocumentQueries.document(document.requireID(), of: region, on: acting.db))
    }

    /// The region in the address, for its own office.
    private func officeRegion(_ request: Request) async throws -> (Acting, Region) {
        let acting = try request.acting()
        return (acting, try await DocumentStore.ownRegion(code: request.parameters.require("code"), as: acting))
    }

    /// The file sent as the body itself.
    private func body(_ request: Request) throws -> Data {
        if let type = request.headers.contentType,
            type == .json || type == .urlEncodedForm || type.type == "multipart"
        {
            throw AppError(
                status: .badRequest, code: "bad_request",
                reason: "请求体须为文件本身（Content-Type 为 .docx 的类型或 text/plain; charset=utf-8）")
        }
        return Data(buffer: request.body.data ?? ByteBuffer())
    }
}
