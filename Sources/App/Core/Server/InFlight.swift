import NIOConcurrencyHelpers
import Vapor

/// The requests being answered, counted so that shutdown waits for them. On SIGTERM Vapor shuts the app's lifecycle
/// handlers down (the databases among them) before it stops its HTTP server, which meanwhile keeps answering: a
/// request arriving on a kept-alive connection after the databases closed stopped the process (Fluent's force
/// unwrap). So this handler, which shuts down before the databases, first stops the server — no new connections,
/// open ones closed once their request is answered — and then waits for what is still running. Streamed answers that
/// keep working after the handler returned (the case import) hold their own count with `hold`.
final class InFlight: AsyncMiddleware, LifecycleHandler, Sendable {
    /// The longest shutdown waits for requests to finish, the HTTP server's closing of open connections included.
    static let patience: Duration = .seconds(10)
    /// What is running, by a number of its own: its label and since when.
    private let running = NIOLockedValueBox((next: 0, work: [Int: (label: String, since: ContinuousClock.Instant)]()))

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await hold("\(request.method.rawValue) \(request.url.path)") { try await next.respond(to: request) }
    }

    func hold<T>(_ label: String, _ work: () async throws -> T) async rethrows -> T {
        let number = running.withLockedValue {
            $0.next += 1
            $0.work[$0.next] = (label, .now)
            return $0.next
        }
        defer { _ = running.withLockedValue { $0.work.removeValue(forKey: number) } }
        return try await work()
    }

    /// Stops the server and waits for what runs, both within one `patience` in all.
    func shutdownAsync(_ application: Application) async {
        let clock = ContinuousClock()
        let deadline = clock.now + Self.patience
        await application.server.shutdown()
        while !running.withLockedValue({ $0.work.isEmpty }), clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        // What did not finish is named, so that a hang can be found; the databases close under it.
        for (label, since) in running.withLockedValue({ Array($0.work.values) }) {
            application.logger.warning(
                "shutdown: still running after \(Self.patience): \(label), for \(since.duration(to: clock.now))")
        }
    }
}

extension Application {
    private struct InFlightKey: StorageKey {
        typealias Value = InFlight
    }

    /// Set by `configure`.
    var inFlight: InFlight {
        get { storage[InFlightKey.self]! }
        set { storage[InFlightKey.self] = newValue }
    }
}
