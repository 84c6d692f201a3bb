import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

@testable import App

/// The SQL statements requests send to the database, as the drivers log them ("Executing query" at debug level
/// through the request's logger), so that a test can count what a page costs.
final class QueryLog: Sendable {
    private let statements = NIOLockedValueBox<[String]>([])

    /// Statements sent by the requests `body` makes, in order.
    func recording(_ body: () async throws -> Void) async rethrows -> [String] {
        statements.withLockedValue { $0 = [] }
        try await body()
        return statements.withLockedValue { $0 }
    }

    fileprivate func append(_ sql: String) { statements.withLockedValue { $0.append(sql) } }

    /// Gives every request a logger that records into this log; first in the chain, so that the session and
    /// caller lookups count too.
    struct Middleware: AsyncMiddleware {
        let log: QueryLog

        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            request.logger = Logger(label: "query-log") { _ in Handler(log: log) }
            return try await next.respond(to: request)
        }
    }

    private struct Handler: LogHandler {
        let log: QueryLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.message.description == "Executing query", case .string(let sql)? = event.metadata?["sql"]
            else { return }
            log.append(sql)
        }
    }
}
