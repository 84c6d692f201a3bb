import Foundation
import FuyuanCore
import ZIPFoundation

/// An official document as an office uploads it: a .docx, or text in UTF-8 (with or without a byte-order mark) or
/// GBK. The kind is told by the content, not by the name: an old .doc, a .wps, a PDF or a workbook is refused with
/// what to do instead.
enum DocumentFile {
    static let maximumSize = 20 << 20
    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let saveAsDocx = "请在 Word 或 WPS 中打开后“另存为”.docx 格式再上传"

    /// The document's lines; a refusal names what the file is and what to send instead. A .docx is read from a
    /// spool file under the data directory, never from memory (ZIPFoundation's in-memory archive traps on a damaged
    /// entry offset, docs/architecture.md).
    static func lines(of data: Data, config: AppConfig) throws -> DocumentLines {
        guard !data.isEmpty else { throw AppError.invalid("文件：文件是空的") }
        guard data.count <= maximumSize else { throw AppError.invalid("文件：不能超过 \(maximumSize >> 20) MB") }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let spool = try Spool.write(data, config)
            defer { spool.close() }
            return try docx(spool.url)
        }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw AppError.invalid("文件：这是旧版 Word（.doc）或 WPS（.wps）文件，" + saveAsDocx)
        }
        if data.starts(with: Array("%PDF".utf8)) {
            throw AppError.invalid("文件：PDF 文件读不出段落和表格，请上传印发时的 .docx 原文件（或在 WPS 中转为 .docx 后再上传）")
        }
        if data.starts(with: Array("{\\rtf".utf8)) { throw AppError.invalid("文件：这是 RTF 文件，" + saveAsDocx) }
        if data.prefix(4096).contains(0) && !data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFE, 0xFF]) {
            throw AppError.invalid("文件：不是 .docx 或文本文件，" + saveAsDocx)
        }
        do {
            return try DocumentLines(textFile: data)
        } catch let problem as CSV.Problem {
            throw AppError.invalid("文件：" + problem.description)
        }
    }

    private static func docx(_ file: URL) throws -> DocumentLines {
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw AppError.invalid("文件：不是有效的 .docx 文件（无法作为压缩包打开）")
        }
        guard archive[DocxReader.documentPart] != nil else {
            let workbook = archive["xl/workbook.xml"] != nil
            throw AppError.invalid(
                workbook ? "文件：这是 Excel 工作簿，不是 Word 文档；任务清单请在“工作台账”中导入" : "文件：不是有效的 .docx 文件（没有正文）")
        }
        do {
            return try DocxReader.lines(of: archive)
        } catch let problem as OfficeArchive.Problem {
            throw AppError.invalid("文件：" + problem.description)
        }
    }
}
