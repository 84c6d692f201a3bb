import NIOCore
import Vapor

/// A request body written to a private file under the data directory as it arrives, so that a large upload is never
/// held in memory. The file is removed when the spool is closed, and at the next start if the process died first.
struct Spool: Sendable {
    let url: URL
    let size: Int

    func close() { try? FileManager.default.removeItem(at: url) }

    /// Writes an upload already in memory to a spool file, to be read from there (see `SpreadsheetImport.read`).
    static func write(_ data: Data, _ config: AppConfig) throws -> Spool {
        Spool(url: try create(data, config), size: data.count)
    }

    /// A new private file under the data directory's tmp/, holding `contents`; nothing is left behind when it cannot be
    /// written whole (a full disk answers 507, `StorageFull`).
    fileprivate static func create(_ contents: Data?, _ config: AppConfig) throws -> URL {
        let url = DataDirectory.temporary(config).appendingPathComponent("upload-\(UUID().uuidString)")
        let descriptor = open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw IOError(errnoCode: errno, reason: "open \(url.path)") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            defer { try? handle.close() }
            if let contents { try handle.write(contentsOf: contents) }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return url
    }

    fileprivate static let unsaved = AppError(status: .internalServerError, code: "spool", reason: "无法保存上传的文件")
}

extension Request {
    /// Spools the body (on a route registered with `body: .stream`), refusing more than `limit` bytes with 413.
    func spoolBody(limit: Int) async throws -> Spool {
        let url = try Spool.create(nil, application.config)
        guard let handle = try? FileHandle(forWritingTo: url) else {
            try? FileManager.default.removeItem(at: url)
            throw Spool.unsaved
        }
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
