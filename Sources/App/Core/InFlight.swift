import NIOConcurrencyHelpers
import Vapor

/// The requests being answered, counted so that shutdown waits for them: Vapor stops taking connections on SIGTERM
/// and then closes the databases, while requests already taken may still be using them. Streamed answers that keep
/// working after the handler returned (the case import) hold their own count with `hold`.
final class InFlight: AsyncMiddleware, LifecycleHandler, Sendable {
    /// The longest shutdown waits for requests to finish.
    static let patience: Duration = .seconds(30)
    private let count = NIOLockedValueBox(0)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await hold { try await next.respond(to: request) }
    }

    func hold<T>(_ work: () async throws -> T) async rethrows -> T {
        count.withLockedValue { $0 += 1 }
        defer { count.withLockedValue { $0 -= 1 } }
        return try await work()
    }

    func shutdownAsync(_ application: Application) async {
        let clock = ContinuousClock()
        let deadline = clock.now + Self.patience
        while count.withLockedValue({ $0 }) > 0, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
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
