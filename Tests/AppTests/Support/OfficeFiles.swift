import Foundation

/// Office files as LibreOffice Calc and openpyxl write them (Tests/OfficeFiles/make.py), made once per test run into a
/// folder of their own. scripts/test installs LibreOffice and openpyxl.
enum OfficeFiles {
    private static let folder: Result<URL, any Error> = Result {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("OfficeFiles")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-office-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("make.py").path, folder.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(status: process.terminationStatus) }
        return folder
    }

    struct Failure: Error, CustomStringConvertible {
        let status: Int32
        var description: String {
            "Tests/OfficeFiles/make.py exited with \(status): are LibreOffice and openpyxl installed?"
        }
    }

    /// The file `name` (`ledger-items.xlsx`, `shapes.xlsx`, …).
    static func url(_ name: String) throws -> URL {
        try folder.get().appendingPathComponent(name)
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }
}
