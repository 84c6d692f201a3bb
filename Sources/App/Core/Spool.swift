import Vapor

/// A request body written to a temporary file as it arrives, so that a large upload is never held in memory.
/// The file is removed when the spool is closed.
struct Spool: Sendable {
    let url: URL
    let size: Int

    func close() { try? FileManager.default.removeItem(at: url) }
}

extension Request {
    /// Spools the body (on a route registered with `body: .stream`), refusing more than `limit` bytes with 413.
    func spoolBody(limit: Int) async throws -> Spool {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-upload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = try? FileHandle(forWritingTo: url)
        else { throw AppError(status: .internalServerError, code: "spool", reason: "无法保存上传的文件") }
        var size = 0
        do {
            defer { try? handle.close() }
            for try await buffer in body {
                size += buffer.readableBytes
                guard size <= limit else {
                    throw AppError(
                        status: .payloadTooLarge, code: "too_large", reason: "文件超过 \(limit >> 20) MB，请分批导入")
                }
                let data = Data(buffer: buffer)
                try await application.threadPool.runIfActive { try handle.write(contentsOf: data) }
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return Spool(url: url, size: size)
    }
}
