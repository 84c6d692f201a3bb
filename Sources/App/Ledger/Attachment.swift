import Crypto
import Fluent
import FuyuanCore
import Vapor

/// Evidence attached to an item (a document, a scan, a photo), kept under the data directory by content hash.
final class Attachment: Model, @unchecked Sendable {
    static let schema = "attachments"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: String
    @OptionalField(key: "unit_name") var unitName: String?

    // relationships
    @Parent(key: "item_id") var item: WorkItem

    var properties: [any AnyProperty] {
        [$id, $createdAt, $fileName, $contentType, $size, $sha256, $uploadedBy, $unitName, $item]
    }

    init() {}
}

struct CreateAttachment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Attachment.schema)
            .id()
            .field("item_id", .uuid, .required, .references(WorkItem.schema, "id"))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("unit_name", .string)
            .field("created_at", .datetime)
            .create()
        try await database.index(Attachment.schema, "item_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Attachment.schema).delete()
    }
}

/// Storing and checking attachments: the type is what the name, the sender and the content agree on
/// (`AttachmentKind`).
enum AttachmentStore {
    static let maximumSize = 20 << 20

    /// A stored file that no longer hashes to its name was changed on disk (DJ-DI-03): it is not sent, and the
    /// security administrator is alerted.
    static func requireIntact(_ data: Data, _ attachment: Attachment, as acting: Acting) async throws {
        guard SHA256.hash(data: data).hex != attachment.sha256 else { return }
        try await acting.db.write { db in
            try await acting.audit(
                .attachmentDamaged, object: ("attachment", try attachment.requireID().uuidString),
                summary: "附件“\(attachment.fileName)”的文件与上传时的 SHA-256 不符，未予下载", on: db)
        }
        throw AppError(
            status: .conflict, code: "attachment_damaged",
            reason: "附件文件校验未通过（与上传时不符），可能已被改动；已报告安全管理员，请联系系统管理员从备份恢复")
    }

    static func path(for sha256: String, in directory: String) -> String {
        "\(directory)/attachments/\(sha256.prefix(2))/\(sha256)"
    }

    /// Who may attach: the item's office, or a unit with a part in it. Returns whether the caller is the office.
    @discardableResult
    static func requireUploader(of item: WorkItem, as acting: Acting) async throws -> Bool {
        let caller = acting.caller
        let isOffice = caller.role.may(.manageLedger) && caller.regionID == item.$region.id
        let hasPart =
            caller.role.may(.handleParts)
            ? try await ItemPart.query(on: acting.db).filter(\.$item.$id == item.requireID()).filter(
                \.$unit.$id == caller.unitID
            ).count() > 0
            : false
        guard isOffice || hasPart else { throw AppError.forbidden }
        return isOffice
    }

    /// A multipart body as it was sent, parsed only once the caller may attach: on the thread pool, where reading,
    /// checking and hashing a file of up to 20 MB hold up no other request.
    struct Upload: Sendable {
        let contentType: HTTPMediaType?
        let body: ByteBuffer?
        let config: AppConfig
        let threadPool: NIOThreadPool

        init(_ request: Request) {
            (contentType, body) = (request.headers.contentType, request.body.data)
            (config, threadPool) = (request.application.config, request.application.threadPool)
        }
    }

    /// Stores the file of the form part `file`.
    static func attach(_ sent: Upload, to item: WorkItem, as acting: Acting) async throws -> Attachment {
        struct Form: Decodable { var file: File }
        let caller = acting.caller
        let isOffice = try await requireUploader(of: item, as: acting)
        try LedgerStore.requireOpen(item, to: "上传附件")
        let upload = try MultipartUpload(contentType: sent.contentType, body: sent.body)
        let config = sent.config
        let (name, type, data, digest) = try await sent.threadPool.runIfActive {
            let file = try upload.decode(Form.self).file
            let data = Data(buffer: file.data)
            guard !data.isEmpty else { throw AppError.invalid("附件：文件是空的") }
            guard data.count <= maximumSize else { throw AppError.invalid("附件：不能超过 \(maximumSize >> 20) MB") }
            guard !ControlCharacterMiddleware.holdsControl(file.filename) else {
                throw ControlCharacterMiddleware.refusal("附件文件名")
            }
            let name = String(String(file.filename.split(separator: "/").last ?? "附件").prefix(120))
            // Checked as a whole file in tmp/ and renamed into place, so that a crash never leaves half a file under
            // its final name.
            let spool = try Spool.write(data, config)
            defer { spool.close() }
            let type: String
            switch AttachmentKind.check(spool.url, name: name, declared: upload.declaredType(ofPart: "file")) {
            case .success(let kind): type = kind.contentType
            case .failure(let refusal): throw AppError.invalid("附件：" + refusal.reason)
            }
            let digest = SHA256.hash(data: data).hex
            let target = path(for: digest, in: config.dataDirectory)
            if !FileManager.default.fileExists(atPath: target) {
                try FileManager.default.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.moveItem(atPath: spool.url.path, toPath: target)
            }
            return (name, type, data, digest)
        }
        let attachment = Attachment()
        attachment.$item.id = try item.requireID()
        attachment.fileName = name
        attachment.contentType = type
        attachment.size = data.count
        attachment.sha256 = digest
        attachment.uploadedBy = caller.displayName
        attachment.unitName = isOffice ? nil : caller.unitName
        try await acting.db.write { db in
            try await attachment.create(on: db)
            try await ItemEvent(
                itemID: item.requireID(), at: acting.now, actor: caller.displayName, what: "上传附件：\(name)",
                unitName: attachment.unitName
            ).create(on: db)
            try await acting.audit(
                .attachmentAdded, object: ("work_item", item.requireID().uuidString),
                summary: "\(item.title) 上传附件 \(name)（\(data.count) 字节，SHA-256 \(digest.prefix(12))…）", on: db)
        }
        return attachment
    }
}
