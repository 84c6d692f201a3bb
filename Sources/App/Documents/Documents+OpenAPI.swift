import Foundation
import FuyuanCore

extension APIDescription {
    /// The file a document operation takes as its body.
    private static let document = APIBody.files([
        DocumentFile.docxType: ["type": "string", "format": "binary"],
        "text/plain": ["type": "string"],
    ])

    static let documents = APIDescription(
        operations: [
            .init(
                method: .POST, path: DocumentsPath.API.parse, id: "parseDocument",
                summary: "识别公文（本区划联席办）：请求体为 .docx 文件或 UTF-8 / GBK 文本；答复文号、各编号事项及其单位和完成时限，单位为本区划单位全称；不写入任何数据",
                body: document, responses: [.json(200, "识别结果", DraftDTO.self)], errors: [400, 401, 403, 404, 413, 422]),
            .init(
                method: .POST, path: DocumentsPath.API.documents, id: "uploadDocument",
                summary: "上传公文待核对入账（本区划联席办）；文件名可放在 X-File-Name 头（URL 编码）",
                body: document, responses: [.json(201, "已上传，附识别结果", DocumentsAPI.Answer.self)],
                errors: [400, 401, 403, 404, 413, 422]),
            .init(
                method: .GET, path: DocumentsPath.API.document, id: "getDocument", summary: "已上传的公文及其识别结果",
                pathNotes: ["id": "公文 id"], responses: [.json(200, "公文", DocumentsAPI.Answer.self)],
                errors: [400, 401, 403, 404]),
            .init(
                method: .POST, path: DocumentsPath.API.commit, id: "commitDocument",
                summary: "将核对后的事项一次入账为新清单（全部写入或全部不写）；同一公文或同一文号已入账的，须 again 为 true",
                pathNotes: ["id": "公文 id"], body: .json(DocumentStore.Commit.self),
                responses: [.json(201, "已入账", DocumentsAPI.DocumentDTO.self)], errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .POST, path: DocumentsPath.API.roster, id: "applyDocumentRoster",
                summary: "将成立联席会议的通知中的组成人员、成员单位和办公室应用为一次联席会议组成调整",
                pathNotes: ["id": "公文 id"], responses: [.json(200, "已应用", DocumentsAPI.DocumentDTO.self)],
                errors: [400, 401, 403, 404, 409, 422]),
        ],
        schemas: [
            .answer("DocumentDraft", DraftDTO.self),
            .answer("UploadedDocument", DocumentsAPI.Answer.self),
            .answer("Document", DocumentsAPI.DocumentDTO.self),
            .input("DocumentCommit", DocumentStore.Commit.self),
        ])
}

extension ReportingPeriod: APIChoices {}

extension DraftDTO.Document: APIFieldNotes {
    static var apiFields: [String: APIField] {
        ["number": .init(description: "文号，如 方政办〔2021〕29号"), "date": .init(format: "date")]
    }
}

extension DraftDTO.DeadlineDTO: APIFieldNotes {
    static var apiFields: [String: APIField] {
        [
            "date": .init(description: "限期或月底前的完成日", format: "date"),
            "period": .init(description: "kind 为 periodic 时的周期"),
        ]
    }
}

extension DocumentStore.Commit.Item: APIFieldNotes {
    static var apiFields: [String: APIField] {
        [
            "deadline": .init(description: "如 2025年6月底前、2021年10月31日、长期坚持、持续推进、每季度、适时"),
            "lead": .init(description: "本区划单位的名称（全称或通行简称）"),
        ]
    }
}
