import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The data directory holds the database, the attachments, the data key and uploads being read: only the account
/// the product runs as may open it. Files the process creates are private from the start (umask 077), so a
/// database, an attachment or a spooled upload is never readable by another account, even for a moment.
public enum DataDirectory {
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
        // Only with no instance serving: a command run beside one (a backup) must not take its uploads away.
        guard let alone = Lock(config, exclusive: true) else { return }
        defer { alone.release() }
        for leftover in (try? manager.contentsOfDirectory(atPath: temporary.path)) ?? [] {
            try? manager.removeItem(at: temporary.appendingPathComponent(leftover))
        }
    }

    /// `serving.lock` in the data directory: each serving instance holds it shared for as long as it runs; what
    /// must be alone with the directory (rotating the data key, emptying tmp/) takes it exclusively or not at all.
    /// An instance on another host, sharing only the database, is not seen: stop those by hand.
    public final class Lock: Sendable {
        private let descriptor: Int32

        /// nil when the lock is held the other way (an instance serves; or a rotation runs).
        public init?(_ config: AppConfig, exclusive: Bool) {
            let descriptor = open(config.dataDirectory + "/serving.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return nil }
            guard flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
                close(descriptor)
                return nil
            }
            self.descriptor = descriptor
        }

        public func release() { close(descriptor) }
    }
}
