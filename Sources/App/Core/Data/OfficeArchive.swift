import Foundation
import FuyuanCore
import ZIPFoundation

/// One Office file (.xlsx, .docx) opened for reading: each part is unpacked and scanned as it streams out of the
/// archive, never written to disk, within a size for each part and a time for the whole file.
struct OfficeArchive {
    struct Problem: Error, CustomStringConvertible, Equatable {
        let description: String
    }

    let archive: Archive
    /// `.xlsx` or `.docx`, for the messages.
    let kind: String
    let seconds: Double
    /// What to do when the time runs out (，请分批导入).
    let advice: String
    let deadline: UInt64

    init(archive: Archive, kind: String, seconds: Double, advice: String = "") {
        (self.archive, self.kind, self.seconds, self.advice) = (archive, kind, seconds, advice)
        deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
    }

    /// Scans `path` token by token; false when the archive has no such part.
    func scan(
        _ path: String, limit: Int, what: String, handle: (XMLScanner.Token, inout XMLScanner) throws -> Void
    ) throws -> Bool {
        guard let entry = archive[path] else { return false }
        let tooLarge = Problem(description: "文件过大：\(what.isEmpty ? path + " " : what)解压后超过 \(limit >> 20) MB")
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge }
        var scanner = XMLScanner()
        var size = 0
        var tokens = 0
        func drain(final: Bool) throws {
            while let token = try scanner.next(final: final) {
                try handle(token, &scanner)
                tokens &+= 1
                if tokens & 4095 == 0 && DispatchTime.now().uptimeNanoseconds > deadline {
                    throw Problem(description: "文件过大：读取超过 \(Int(seconds)) 秒仍未读完" + advice)
                }
            }
        }
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                size += chunk.count
                if size > limit { throw tooLarge }
                scanner.feed(chunk)
                try drain(final: false)
            }
            try drain(final: true)
        } catch is EndOfPart {
            return true
        } catch let forwarded as Forwarded {
            throw forwarded.error
        } catch let problem as Problem {
            throw problem
        } catch let problem as XMLScanner.Problem {
            throw Problem(description: "不是有效的 \(kind) 文件（\(path)：\(problem.description)）")
        } catch {
            throw Problem(description: "不是有效的 \(kind) 文件（\(path) 已损坏）")
        }
        return true
    }
}

/// Stops a scan once what is needed has been read.
struct EndOfPart: Error {}

/// An error of the caller's handler, passed through the scan unchanged.
struct Forwarded: Error {
    let error: any Error
}
