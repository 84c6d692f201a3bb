import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import FuyuanCore
import SQLKit
import Vapor

/// Sets up databases, middleware and routes from `config`.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.config = config
    try DataDirectory.prepare(config)
    switch config.database {
    case .sqlite(let path):
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case let .postgres(url, searchPath):
        var postgres = try SQLPostgresConfiguration(url: url)
        if let searchPath { postgres.searchPath = [searchPath] }
        app.databases.use(
            .postgres(configuration: postgres, maxConnectionsPerEventLoop: config.postgresConnectionsPerLoop), as: .psql
        )
    }
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.dueRules = DueRules(dueSoonDays: config.dueSoonDays)
    let keyring = try DataKey.keyring(config)
    app.fieldSeal = keyring[0]
    app.previousFieldSeal = keyring.dropFirst().first
    app.features = Feature.all
    app.migrations.add(Feature.migrations(of: app.features, seal: app.fieldSeal))
    app.decoyPasswordHash = try Bcrypt.hash(Secret.make(), cost: config.bcryptCost)
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.http.server.configuration.serverName = nil
    app.http.server.configuration.shutdownTimeout = .seconds(Int64(InFlight.patience.components.seconds))

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(decoder: decoder, for: .json)

    app.middleware = .init()
    app.inFlight = InFlight()
    app.intrusionWatch = IntrusionWatch(thresholds: config.intrusionThresholds)
    app.storageWatch = StorageWatch()
    app.middleware.use(app.inFlight)
    app.lifecycle.use(app.inFlight)
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorResponder())
    app.middleware.use(StorageWatch.Middleware())
    app.middleware.use(BodyLimitMiddleware())
    app.routes.defaultMaxBodySize = ByteCount(value: CSRFMiddleware.formLimit)
    app.middleware.use(CallerMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(ControlCharacterMiddleware())
    if config.runsScheduler {
        app.lifecycle.use(DailyJobs())
        app.lifecycle.use(Deliverer())
    }
    if config.runsScheduler, let collector = config.auditCollector {
        app.lifecycle.use(AuditForwarder(collector: collector))
    }
    try Feature.registerRoutes(of: app.features, on: app)
    app.methodIndex = MethodIndex(app.routes)
    let sessionCookie = Cookies.name(Cookies.session, secure: config.secureCookies)
    app.openAPIDocument = ByteBuffer(
        data: try OpenAPIDocument.document(of: app.features, sessionCookie: sessionCookie).prettyBytes)
}

/// Today's digest, once; for `fuyuan digest` and cron-like use.
public func runDigest(_ app: Application) async throws -> Int {
    try await Digest.run(of: app.features, on: app.db, now: app.clock.now(), rules: app.dueRules)
}

/// Sends what the outbox holds that is due now, at once; for `fuyuan digest --send`.
public func sendDeliveries(_ app: Application) async throws -> Deliverer.Tally {
    try await Deliverer.drain(app)
}

/// Verifies the audit chain, raising a security alert when it is broken; for `fuyuan verify-audit`.
public func verifyAuditChain(_ app: Application) async throws -> AuditChain.Verdict {
    try await AuditChain.verify(on: app.db, alerting: .system, at: app.clock.now())
}

/// Disables the dormant accounts, once; for `fuyuan sweep`.
public func runDormancyCheck(_ app: Application) async throws -> [String] {
    try await Dormancy.disable(on: app.db, now: app.clock.now(), days: app.config.dormantDays)
}

/// The retention sweep, once; for `fuyuan sweep`.
public func runRetentionSweep(_ app: Application) async throws -> Int {
    try await Retention.sweep(on: app.db, now: app.clock.now(), config: app.config).total
}

/// Brings the database to the current schema and checks the SQLite settings the app relies on: WAL, commits
/// synced to disk (`synchronous` FULL), and deleted content overwritten with zeros (`secure_delete`, compiled in
/// by sqlite-nio, so every connection has it).
public func prepareDatabase(_ app: Application) async throws {
    if case .sqlite = app.config.database {
        let sql = try app.db.sql()
        struct Mode: Decodable { let journal_mode: String }
        let mode = try await sql.raw("PRAGMA journal_mode=WAL").first(decoding: Mode.self)
        guard mode?.journal_mode.lowercased() == "wal" else {
            throw AppConfig.Problem(description: "SQLite 未能切换到 WAL 模式（当前：\(mode?.journal_mode ?? "未知")）")
        }
        for (pragma, expected) in [("synchronous", 2), ("secure_delete", 1)] {
            let value = try await sql.raw("PRAGMA \(unsafeRaw: pragma)").first()?.decode(column: pragma, as: Int.self)
            guard value == expected else {
                throw AppConfig.Problem(
                    description: "SQLite 设置 \(pragma) 应为 \(expected)（当前：\(value.map(String.init) ?? "未知")）")
            }
        }
    }
    try await app.autoMigrate()
}
