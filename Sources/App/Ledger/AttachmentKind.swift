import Foundation
import Vapor
import ZIPFoundation

/// The kinds of evidence an item accepts. A file is taken only when its name's extension, the type its sender
/// declared and its content all say the same kind: a PDF named invoice.html, a JPEG named photo.svg or a zip named
/// report.docx is refused, naming which of the three disagree.
enum AttachmentKind: CaseIterable {
    case pdf, png, jpeg, docx, xlsx

    var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: XLSX.contentType
        }
    }

    var label: String {
        switch self {
        case .pdf: "PDF 文档"
        case .png: "PNG 图片"
        case .jpeg: "JPEG 图片"
        case .docx: "Word 文档（.docx）"
        case .xlsx: "Excel 工作簿（.xlsx）"
        }
    }

    var extensions: [String] {
        switch self {
        case .pdf: ["pdf"]
        case .png: ["png"]
        case .jpeg: ["jpg", "jpeg"]
        case .docx: ["docx"]
        case .xlsx: ["xlsx"]
        }
    }

    /// Other names senders give the same type.
    private var declaredAliases: [String] {
        switch self {
        case .jpeg: ["image/jpg", "image/pjpeg"]
        case .png: ["image/x-png"]
        default: []
        }
    }

    static let accepted = "只接受 PDF、PNG、JPEG 图片和 Office 文档（.docx、.xlsx）"

    /// The kind of the file, by its content: a signature, and for an Office document the part that makes it one.
    /// Read from a file, never from memory: ZIPFoundation's in-memory archive traps on an offset past its end.
    init?(of file: URL) {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        let head = (try? handle.read(upToCount: 8)).map(Array.init) ?? []
        try? handle.close()
        if head.starts(with: Array("%PDF-".utf8)) {
            self = .pdf
        } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]),
            let archive = try? Archive(url: file, accessMode: .read, pathEncoding: nil),
            archive["[Content_Types].xml"] != nil
        {
            if archive["word/document.xml"] != nil {
                self = .docx
            } else if archive["xl/workbook.xml"] != nil {
                self = .xlsx
            } else {
                return nil
            }
        } else {
            return nil
        }
    }

    /// The kind of the file when its name and declared type agree with its content; otherwise why not, in words.
    static func check(_ file: URL, name: String, declared: String?) -> Result<AttachmentKind, Refusal> {
        guard let kind = AttachmentKind(of: file) else {
            return .failure(Refusal(reason: "文件“\(name)”的内容不是可接受的类型：\(accepted)"))
        }
        let suffix = name.split(separator: ".").count > 1 ? (name.split(separator: ".").last ?? "").lowercased() : ""
        guard kind.extensions.contains(suffix) else {
            return .failure(
                Refusal(
                    reason: "文件名“\(name)”的扩展名" + (suffix.isEmpty ? "缺失" : "“.\(suffix)”")
                        + "与内容（\(kind.label)）不符，请改为 .\(kind.extensions[0])"))
        }
        let type =
            (declared ?? "").split(separator: ";").first.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            } ?? ""
        let undeclared = type.isEmpty || type == "application/octet-stream"
        guard undeclared || type == kind.contentType || kind.declaredAliases.contains(type) else {
            return .failure(Refusal(reason: "文件“\(name)”声明的类型 \(type) 与内容（\(kind.label)）不符"))
        }
        return .success(kind)
    }

    struct Refusal: Error {
        let reason: String
    }
}
