import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The data directory holds the database, the attachments, the data key and uploads being read: only the account
/// the product runs as may open it. Files the process creates are private from the start (umask 077), so a
/// database, an attachment or a spooled upload is never readable by another account, even for a moment.
enum DataDirectory {
    /// Uploads being read: private, and emptied at start of whatever a crash left there.
    static func temporary(_ config: AppConfig) -> URL {
        URL(fileURLWithPath: config.dataDirectory).appendingPathComponent("tmp", isDirectory: true)
    }

    static func prepare(_ config: AppConfig) throws {
        umask(0o077)
        let manager = FileManager.default
        let temporary = temporary(config)
        try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: config.dataDirectory)
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: temporary.path)
        for leftover in (try? manager.contentsOfDirectory(atPath: temporary.path)) ?? [] {
            try? manager.removeItem(at: temporary.appendingPathComponent(leftover))
        }
    }
}
