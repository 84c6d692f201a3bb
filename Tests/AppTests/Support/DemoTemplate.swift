import Fluent
import FluentPostgresDriver
import Foundation
import FuyuanCore
import SQLKit
import VaporTesting

@testable import App

/// The demo, loaded once per test process and copied for each test that wants it: loading it takes a second on
/// SQLite and more on PostgreSQL, and most tests want it. On SQLite the copy is the data directory (the database
/// file and the data key); on PostgreSQL a database made from a template database (`CREATE DATABASE … TEMPLATE`).
/// The demo's dates follow the day it is loaded, so a run that crosses midnight in Shanghai loads it again.
actor DemoTemplate {
    static let shared = DemoTemplate()

    /// The loaded data directory (SQLite), or the template database and the directory of its data key
    /// (PostgreSQL), by day. A task, so that the tests that ask while it loads wait for the same one.
    private var sqlite: [String: Task<String, any Error>] = [:]
    private var postgres: [String: Task<(database: String, keyDirectory: String), any Error>] = [:]
    private var swept = false

    private static var today: String { CalendarDay(containing: Date()).description }

    /// Fills `directory` (which must not exist yet) with a copy of the demo's data directory.
    func copySQLite(to directory: String) async throws {
        let template = try await sqliteTemplate()
        try FileManager.default.copyItem(atPath: template, toPath: directory)
    }

    private func sqliteTemplate() async throws -> String {
        if let task = sqlite[Self.today] { return try await task.value }
        let task = Task {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "fuyuan-demo-\(UUID().uuidString)"
            ).path
            try await Self.load(.sqlite(path: directory + "/test.sqlite"), dataDirectory: directory)
            return directory
        }
        sqlite[Self.today] = task
        return try await task.value
    }

    /// Makes database `name` on the server of `baseURL` as a copy of the demo, with the demo's data key and files in
    /// `dataDirectory`.
    func copyPostgres(baseURL: String, to name: String, dataDirectory: String) async throws {
        let template = try await postgresTemplate(baseURL: baseURL)
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: template.keyDirectory + "/" + DataKey.fileName, toPath: dataDirectory + "/" + DataKey.fileName)
        // The demo's files (its uploaded document) live beside the key.
        if FileManager.default.fileExists(atPath: template.keyDirectory + "/attachments") {
            try FileManager.default.copyItem(
                atPath: template.keyDirectory + "/attachments", toPath: dataDirectory + "/attachments")
        }
        try await Self.administer(baseURL) { sql in
            try await sql.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template.database)").run()
        }
    }

    private func postgresTemplate(baseURL: String) async throws -> (database: String, keyDirectory: String) {
        if let task = postgres[Self.today] { return try await task.value }
        let sweep = !swept
        swept = true
        let task = Task {
            let database = "tpl_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "fuyuan-demo-\(UUID().uuidString)"
            ).path
            try await Self.administer(baseURL) { sql in
                if sweep {
                    // What an earlier run left when it was killed: one test run at a time uses a server's databases.
                    struct Name: Decodable { let datname: String }
                    let stale = try await sql.raw(
                        #"SELECT datname FROM pg_database WHERE datname LIKE 'tpl\_%' OR datname LIKE 't\_%'"#
                    ).all(decoding: Name.self)
                    for name in stale { try await sql.raw("DROP DATABASE \(ident: name.datname) WITH (FORCE)").run() }
                }
                try await sql.raw("CREATE DATABASE \(ident: database)").run()
            }
            try await Self.load(
                .postgres(url: Self.url(baseURL, database: database), searchPath: nil), dataDirectory: directory)
            return (database: database, keyDirectory: directory)
        }
        postgres[Self.today] = task
        return try await task.value
    }

    /// Drops a test's database.
    static func drop(baseURL: String, database name: String) async {
        try? await administer(baseURL) { sql in
            try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
        }
    }

    /// `url` with its database replaced by `database`.
    static func url(_ url: String, database: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + database
        return components.string ?? url
    }

    private static func load(_ database: AppConfig.DatabaseKind, dataDirectory: String) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: AppConfig(database: database, dataDirectory: dataDirectory, bcryptCost: 4))
            try await prepareDatabase(app)
            try await DemoLoader.load(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Runs `body` on a connection to the server's base database, for creating and dropping databases.
    private static func administer(_ baseURL: String, _ body: (SQLDoor) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: baseURL)), as: .psql)
            try await body(try app.db.sql())
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
