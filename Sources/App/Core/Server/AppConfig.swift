import Foundation
import FuyuanCore
import Vapor

/// Everything the app reads from its environment, read once at start.
public struct AppConfig: Sendable {
    public enum DatabaseKind: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String, searchPath: String?)
    }

    public var database: DatabaseKind
    public var dataDirectory: String
    public var host: String
    public var port: Int
    /// bcrypt cost; tests lower it to keep sign-in fast.
    public var bcryptCost: Int
    public var idleTimeout: TimeInterval
    public var absoluteLifetime: TimeInterval
    public var lockoutThreshold: Int
    public var lockoutDuration: TimeInterval
    /// Mark cookies `Secure`; set when the app is reached over TLS (directly or through a proxy).
    public var secureCookies: Bool
    /// Items due within this many days are 临期 (yellow).
    public var dueSoonDays = 7
    /// When a unit's loss rate or appearance rate raises a yellow, orange or red warning.
    public var warnings = WarningThresholds()
    /// `FUYUAN_PASSWORD_*`: length, kinds of character, age and history of passwords.
    public var passwordPolicy = PasswordPolicy()
    /// `FUYUAN_PG_CONNECTIONS`: PostgreSQL connections per event loop (one loop per core). More than one also keeps
    /// a loop serving when one of its connections is stuck reconnecting after the database restarted.
    public var postgresConnectionsPerLoop = 4
    /// `FUYUAN_ADDRESS_FAILURES`: failed sign-ins from one network address, whatever the names tried, after which
    /// that address gets 429 for the lockout duration.
    public var addressFailureLimit = 30
    /// `FUYUAN_DATA_KEY`: the key sealing personal fields and backups; nil to use `data.key` in the data directory.
    public var dataKey: String?
    /// `FUYUAN_REQUIRE_SECOND_FACTOR=administrators`: the three administrators must set up a TOTP second factor
    /// before they can do anything else, and cannot turn it off.
    public var secondFactorRequiredForAdministrators = false
    /// `FUYUAN_ALERT_REFUSALS`, `FUYUAN_ALERT_MISSES`: refusals (403) or misses (404) of one account within a minute
    /// that raise a security alert.
    var intrusionThresholds = IntrusionWatch.Thresholds()
    /// `FUYUAN_AUDIT_SYSLOG=tcp://host:port`: the central syslog collector that gets a copy of every audit entry.
    public var auditCollector: Collector?
    /// `FUYUAN_DORMANT_DAYS`: business accounts unused this many days are disabled by the daily jobs (0: never).
    public var dormantDays = 90
    /// `FUYUAN_TRUSTED_PROXIES`: addresses of the intranet gateways in front of the app, whose `X-Forwarded-For`
    /// is believed (comma-separated); empty, the peer's address is the client's.
    public var trustedProxies: Set<String> = []
    /// Run scheduled work (the daily digest) in this process; `fuyuan serve` turns it on.
    public var runsScheduler = false
    /// `FUYUAN_SMTP_URL`: the mail server (`smtp://host:port`, `smtp://user:password@host:587?starttls=required`,
    /// `smtps://user:password@host:465`, with `from=` the sender); nil, as set on the channels page.
    var mailServer: MailServer?
    /// `FUYUAN_ROBOT_HOSTS`: the only hosts group robots may post to (comma-separated names or addresses, such as
    /// the messenger's gateway); empty, any host an office or unit types.
    public var robotHosts: Set<String> = []
    /// `FUYUAN_PUBLIC_URL`: the product's address as people open it, for the links in mail and robot posts.
    public var publicURL = "http://127.0.0.1:8080"
    /// `FUYUAN_DELIVERY_LEASE_SECONDS`: how long an instance holds a delivery it is sending; another instance sends it
    /// only after that (an instance killed mid-send leaves its lease to run out). Sending gives up at half of it.
    public var deliveryLease: TimeInterval = 300
    /// `FUYUAN_DELIVERY_RETRY_SECONDS`: the wait before the first retry; later ones wait 5, 15, 60 and 180 times it.
    public var deliveryRetry: TimeInterval = 60

    public init(
        database: DatabaseKind, dataDirectory: String, host: String = "127.0.0.1", port: Int = 8080,
        bcryptCost: Int = 10, idleTimeout: TimeInterval = 30 * 60, absoluteLifetime: TimeInterval = 12 * 3600,
        lockoutThreshold: Int = 5, lockoutDuration: TimeInterval = 15 * 60, secureCookies: Bool = false
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.bcryptCost = bcryptCost
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
        self.lockoutThreshold = lockoutThreshold
        self.lockoutDuration = lockoutDuration
        self.secureCookies = secureCookies
    }

    public struct Collector: Sendable, Equatable, CustomStringConvertible {
        public var host: String
        public var port: Int
        /// `tls://`: syslog over TLS (RFC 5425), the collector's certificate checked against `caFile` (its name or
        /// IP address too); `tcp://`: plain TCP, for a collector on a protected segment.
        public var tls: Bool
        /// `FUYUAN_AUDIT_SYSLOG_CA`: the PEM file of the CA that signed the collector's certificate; nil, the
        /// system's trusted CAs.
        public var caFile: String?

        public var description: String { "\(tls ? "tls" : "tcp")://\(host):\(port)" }

        /// `tcp://host:port` or `tls://host:port`; nil for anything else.
        init?(_ text: String, caFile: String? = nil) {
            guard let url = URLComponents(string: text), url.scheme == "tcp" || url.scheme == "tls",
                let host = url.host, !host.isEmpty, let port = url.port, (1...65535).contains(port), url.path.isEmpty
            else { return nil }
            self.host = host
            self.port = port
            tls = url.scheme == "tls"
            self.caFile = caFile
        }
    }

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `FUYUAN_*` and `DATABASE_URL`; a bad value is named, a secret never printed.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfig
    {
        func integer(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = env[key], !text.isEmpty else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw Problem(description: "\(key) 须为 \(range.lowerBound)…\(range.upperBound) 之间的整数")
            }
            return value
        }
        let dataDirectory = env["FUYUAN_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data"
        let database: DatabaseKind
        if let url = env["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw Problem(description: "DATABASE_URL 须以 postgres:// 开头")
            }
            database = .postgres(url: url, searchPath: nil)
        } else {
            database = .sqlite(path: dataDirectory + "/fuyuan.sqlite")
        }
        var config = AppConfig(
            database: database,
            dataDirectory: dataDirectory,
            host: env["FUYUAN_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
            port: try integer("FUYUAN_PORT", 8080, 1...65535),
            bcryptCost: try integer("FUYUAN_BCRYPT_COST", 10, 4...16),
            idleTimeout: TimeInterval(try integer("FUYUAN_IDLE_MINUTES", 30, 1...1440) * 60),
            absoluteLifetime: TimeInterval(try integer("FUYUAN_SESSION_HOURS", 12, 1...72) * 3600),
            lockoutThreshold: try integer("FUYUAN_LOCKOUT_FAILURES", 5, 1...100),
            lockoutDuration: TimeInterval(try integer("FUYUAN_LOCKOUT_MINUTES", 15, 1...1440) * 60),
            secureCookies: env["FUYUAN_SECURE_COOKIES"] == "1"
        )
        config.dueSoonDays = try integer("FUYUAN_DUE_SOON_DAYS", 7, 0...90)
        config.addressFailureLimit = try integer("FUYUAN_ADDRESS_FAILURES", 30, 5...10_000)
        config.postgresConnectionsPerLoop = try integer("FUYUAN_PG_CONNECTIONS", 4, 1...64)
        config.intrusionThresholds.refusals = try integer("FUYUAN_ALERT_REFUSALS", 20, 3...10_000)
        config.intrusionThresholds.misses = try integer("FUYUAN_ALERT_MISSES", 30, 3...10_000)
        if let text = env["FUYUAN_AUDIT_SYSLOG"], !text.isEmpty {
            let caFile = env["FUYUAN_AUDIT_SYSLOG_CA"].flatMap { $0.isEmpty ? nil : $0 }
            guard let collector = Collector(text, caFile: caFile) else {
                throw Problem(
                    description: "FUYUAN_AUDIT_SYSLOG 须为 tls://主机:端口（RFC 5425）或 tcp://主机:端口，如 tls://10.1.2.3:6514")
            }
            if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
                throw Problem(description: "FUYUAN_AUDIT_SYSLOG_CA：无法读取 \(caFile)")
            }
            if caFile != nil, !collector.tls {
                throw Problem(description: "FUYUAN_AUDIT_SYSLOG_CA 只用于 tls:// 的采集端")
            }
            config.auditCollector = collector
        }
        if let text = env["FUYUAN_TRUSTED_PROXIES"], !text.isEmpty {
            let addresses = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let bad = addresses.first(where: { !ClientAddress.isAddress($0) }) {
                throw Problem(description: "FUYUAN_TRUSTED_PROXIES 须为逗号分隔的 IP 地址，“\(bad)”不是")
            }
            config.trustedProxies = Set(addresses)
        }
        config.dormantDays = try integer("FUYUAN_DORMANT_DAYS", 90, 0...3650)
        if let text = env["FUYUAN_SMTP_URL"], !text.isEmpty {
            guard let server = MailServer(url: text) else {
                throw Problem(
                    description:
                        "FUYUAN_SMTP_URL 须为 smtp://主机:端口、smtp://用户:密码@主机:587?starttls=required 或 smtps://用户:密码@主机:465（可加 from=发件地址）"
                )
            }
            config.mailServer = server
        }
        config.publicURL =
            env["FUYUAN_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "http://\(config.host):\(config.port)"
        while config.publicURL.hasSuffix("/") { config.publicURL.removeLast() }
        guard config.publicURL.hasPrefix("http://") || config.publicURL.hasPrefix("https://") else {
            throw Problem(description: "FUYUAN_PUBLIC_URL 须以 http:// 或 https:// 开头")
        }
        if let text = env["FUYUAN_ROBOT_HOSTS"], !text.isEmpty {
            let hosts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let bad = hosts.first(where: { $0.isEmpty || $0.contains(where: { "/:@ ".contains($0) }) }) {
                throw Problem(description: "FUYUAN_ROBOT_HOSTS 须为逗号分隔的主机名或 IP 地址（不带 http:// 和端口），“\(bad)”不是")
            }
            config.robotHosts = Set(hosts)
        }
        config.deliveryLease = TimeInterval(try integer("FUYUAN_DELIVERY_LEASE_SECONDS", 300, 4...3600))
        config.deliveryRetry = TimeInterval(try integer("FUYUAN_DELIVERY_RETRY_SECONDS", 60, 1...3600))
        config.dataKey = env["FUYUAN_DATA_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        switch env["FUYUAN_REQUIRE_SECOND_FACTOR"] ?? "" {
        case "", "none": config.secondFactorRequiredForAdministrators = false
        case "administrators": config.secondFactorRequiredForAdministrators = true
        default: throw Problem(description: "FUYUAN_REQUIRE_SECOND_FACTOR 须为 administrators 或 none")
        }
        config.passwordPolicy = PasswordPolicy(
            minimumLength: try integer("FUYUAN_PASSWORD_MIN_LENGTH", 8, 8...64),
            requiredKinds: try integer("FUYUAN_PASSWORD_KINDS", 3, 3...4),
            maximumAgeDays: try integer("FUYUAN_PASSWORD_MAX_AGE_DAYS", 90, 0...3650),
            historyCount: try integer("FUYUAN_PASSWORD_HISTORY", 5, 0...24))
        for (key, path) in [
            ("FUYUAN_LOSS_RATE_WARNINGS", \WarningThresholds.lossRate),
            ("FUYUAN_APPEARANCE_WARNINGS", \.appearanceRate),
        ] {
            guard let text = env[key], !text.isEmpty else { continue }
            guard let levels = WarningThresholds.levels(text) else {
                throw Problem(description: "\(key) 须为三个 0–100 的整数百分比（黄、橙、红），如 15,20,30")
            }
            config.warnings[keyPath: path] = levels
        }
        return config
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    public var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:config:) was not called") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
