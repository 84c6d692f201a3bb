import Foundation
import ZIPFoundation

@testable import App

/// `data` in a file of its own for the length of `body`: the product reads every upload from a file.
func withTemporaryFile<T>(_ data: Data, _ body: (URL) async throws -> T) async throws -> T {
    let file = try temporaryFile(data)
    defer { try? FileManager.default.removeItem(at: file) }
    return try await body(file)
}

private func temporaryFile(_ data: Data) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-test-\(UUID().uuidString)")
    try data.write(to: file)
    return file
}

extension XLSX {
    /// The rows of the sheet of `file` as text, rows the sheet leaves out as empty rows.
    static func rows(of file: URL) throws -> [[String]] {
        var rows: [[String]] = []
        try eachRow(of: Archive(url: file, accessMode: .read)) { row in
            while rows.count < row.number - 1 { rows.append([]) }
            rows.append(row.cells)
        }
        return rows
    }

    /// The rows of a workbook in memory (an export, a hostile file), read as an upload is.
    static func rows(of data: Data) throws -> [[String]] {
        let file = try temporaryFile(data)
        defer { try? FileManager.default.removeItem(at: file) }
        return try rows(of: file)
    }
}
