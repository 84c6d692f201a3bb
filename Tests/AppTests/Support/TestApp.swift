import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// Bounds how many test apps (each with its own database connections) run at once.
actor TestGate {
    static let shared = TestGate(limit: 6)
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func enter() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { available += 1 } else { waiting.removeFirst().resume() }
    }
}

/// Runs `body` against a freshly migrated app: a new SQLite file, or, when `DATABASE_URL` is set, a new
/// PostgreSQL schema of its own. With `demo`, the seeds' demo organisation and accounts are there: a copy of the
/// demo loaded once per run (`DemoTemplate`), in a database of the test's own.
func withTestApp(demo: Bool = true, _ body: (Application) async throws -> Void) async throws {
    await TestGate.shared.enter()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuyuan-test-\(UUID().uuidString)")
        .path
    let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    let postgresURL = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let app = try await Application.make(.testing)
    var failure: (any Error)?
    var database: AppConfig.DatabaseKind = .sqlite(path: directory + "/test.sqlite")
    do {
        switch (postgresURL, demo) {
        case (nil, false): break
        case (nil, true): try await DemoTemplate.shared.copySQLite(to: directory)
        case (let url?, false): database = .postgres(url: url, searchPath: name)
        case (let url?, true):
            try await DemoTemplate.shared.copyPostgres(baseURL: url, to: name, dataDirectory: directory)
            database = .postgres(url: DemoTemplate.url(url, database: name), searchPath: nil)
        }
        try await configure(app, config: AppConfig(database: database, dataDirectory: directory, bcryptCost: 4))
        if case .postgres(_, let schema?) = database {
            try await (try app.db.sql()).raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
        }
        try await prepareDatabase(app)
        if demo {
            // Every copy of the demo would share the figures' generation, which keys the process-wide
            // `FiguresCache`; a database of its own gets an epoch of its own, as a new database does.
            try await (try app.db.sql()).raw(
                "UPDATE \(ident: CountFiguresGenerations.table) SET epoch = \(bind: UUID().uuidString)"
            ).run()
        }
        try await body(app)
    } catch {
        failure = error
    }
    if case .postgres(_, let schema?) = database {
        try? await (try app.db.sql()).raw("DROP SCHEMA IF EXISTS \(unsafeRaw: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    if let postgresURL, demo { await DemoTemplate.drop(baseURL: postgresURL, database: name) }
    try? FileManager.default.removeItem(atPath: directory)
    await TestGate.shared.leave()
    if let failure { throw failure }
}

/// A signed-in session as a browser holds it.
struct TestSession: Sendable {
    let cookie: String
    let csrf: String
}

extension Application {
    var isPostgres: Bool {
        if case .postgres = config.database { return true }
        return false
    }

    /// Signs in through `POST /api/v1/auth/login`.
    func signIn(_ username: String, password: String = DemoData.password) async throws -> TestSession {
        let response = try await send(.POST, "/api/v1/auth/login", json: ["username": username, "password": password])
        #expect(response.status == .ok, "sign-in of \(username): \(response.body.string)")
        let me = try JSONDecoder().decode(AuthAPI.Me.self, from: Data(response.body.readableBytesView))
        return TestSession(cookie: try #require(response.sessionCookie), csrf: try #require(me.csrfToken))
    }

    func send(
        _ method: HTTPMethod, _ path: String, as session: TestSession? = nil, form: [(String, String)]? = nil,
        json: (any Encodable)? = nil, headers extra: [(String, String)] = [], body raw: Data? = nil, csrf: Bool = true
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders(extra)
        if let session {
            headers.add(name: .cookie, value: "\(Cookies.session)=\(session.cookie)")
            if csrf, form == nil { headers.add(name: "X-CSRF-Token", value: session.csrf) }
        }
        var body = ByteBuffer()
        if var fields = form {
            if let session, csrf { fields.append(("_csrf", session.csrf)) }
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&"))
        } else if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONEncoder().encode(json))
        } else if let raw {
            body = ByteBuffer(data: raw)
        }
        return try await testing().sendRequest(method, path, headers: headers, body: body)
    }

    private func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? text
    }

    func unit(named name: String) async throws -> App.Unit {
        try #require(try await App.Unit.query(on: db).filter(\.$name == name).first())
    }

    func user(named name: String) async throws -> User {
        try #require(try await User.query(on: db).filter(\.$username == name).first())
    }

    /// `username` acting now without a request, as a command or a job calls a store.
    func acting(_ username: String) async throws -> Acting {
        let user = try await self.user(named: username)
        let unit = try #require(try await App.Unit.find(user.$unit.id, on: db))
        let region = try #require(try await Region.find(unit.$region.id, on: db))
        let caller = Caller(
            userID: try user.requireID(), username: user.username, displayName: user.displayName, role: user.role,
            unitID: try unit.requireID(), unitName: unit.name, regionID: try region.requireID(),
            regionCode: region.code,
            regionName: region.name, regionPath: region.path, mustChangePassword: false, credential: .token(id: UUID()))
        return Acting(
            caller: caller, address: "local", now: clock.now(), db: db, dueRules: dueRules, seal: fieldSeal,
            passwords: password.async, config: config)
    }

    func auditEntries(_ action: AuditAction) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: db).filter(\.$action == action.rawValue).sort(\.$at).all()
    }
}

extension Application {
    /// Posts fields and one file as a browser's multipart/form-data form does, with the session's CSRF field.
    func upload(
        _ path: String, as session: TestSession, fields: [(String, String)] = [], fileName: String, data: Data,
        contentType: String = "application/octet-stream"
    ) async throws -> TestingHTTPResponse {
        let boundary = "----fuyuan-test-boundary"
        var body = Data()
        for (field, value) in [("_csrf", session.csrf)] + fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: \(contentType)\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(Cookies.session)=\(session.cookie)")
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }
}

extension TestingHTTPResponse {
    var sessionCookie: String? { headers.setCookie?[Cookies.session]?.string }
    var location: String? { headers.first(name: .location) }
    var text: String { body.string }
}
