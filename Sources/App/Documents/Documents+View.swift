import Foundation
import FuyuanCore

/// A region's documents into the ledger: the upload form and the documents uploaded, waiting or committed.
enum DocumentsView {
    struct Row: Sendable {
        let id: UUID
        let uploadedAt: String
        let fileName: String
        let number: String
        let title: String
        let uploadedBy: String
        /// What committing did; nil while it waits for review.
        let outcome: String?
    }

    struct Model {
        let regionCode: String
        let regionName: String
        let rows: [Row]
        /// The office of this region uploads; an upper office only reads.
        let canUpload: Bool
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        return Layout.page(
            title: "公文入账", shell: shell, breadcrumbs: [(model.regionName, .region(code)), ("公文入账", nil)]
        ) {
            h1 { "公文入账" }
            p(.class("muted")) {
                "上传收到的实施方案、工作方案（.docx，或 UTF-8 / GBK 编码的 .txt），系统识别出文号、各项任务及其牵头、责任、配合单位和完成时限，"
                    + "逐项核对后一次入账为一份清单；成立联席会议的通知可识别组成人员并更新联席会议组成。"
            }
            Form.problems(model.problems)
            if model.canUpload { uploadForm(code, csrf: shell.csrfToken) }
            documents(model.rows)
        }
    }

    private static func uploadForm(_ code: String, csrf: String) -> Node {
        return form(
            .post, .action(.documents(code)), .attr("enctype", "multipart/form-data"), .class("card"),
            .id("upload-form")
        ) {
            Layout.csrfField(csrf)
            div(.class("field")) {
                label(.for("f-file")) { "公文文件" }
                voidElement(
                    "input",
                    [
                        .type("file"), .id("f-file"), .name("file"), .required,
                        .attr("accept", ".docx,.txt,\(DocumentFile.docxType),text/plain"),
                    ])
                span(.class("hint")) { ".doc、.wps 和 PDF 请先在 Word 或 WPS 中另存为 .docx" }
            }
            button(.type("submit")) { "上传并识别" }
        }
    }

    private static func documents(_ rows: [Row]) -> Node {
        return div(.class("card")) {
            h2 { "已上传的公文" }
            if rows.isEmpty {
                p(.class("muted")) { "尚未上传公文。" }
            } else {
                table(.id("documents")) {
                    thead {
                        tr {
                            th { "上传时间" }; th { "文号" }; th { "标题" }; th { "上传人" }; th { "状态" }
                        }
                    }
                    tbody {
                        for row in rows {
                            tr {
                                td(.class("nowrap")) { row.uploadedAt }
                                td(.class("nowrap")) { row.number.isEmpty ? "—" : row.number }
                                td { a(.href(.documentReview(row.id))) { row.title } }
                                td { row.uploadedBy }
                                td { row.outcome ?? "待核对" }
                            }
                        }
                    }
                }
            }
        }
    }
}
