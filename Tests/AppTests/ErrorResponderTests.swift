import AsyncKit
import Testing
import VaporTesting

@testable import App

/// A database that cannot be reached answers 503 with Retry-After, never a bare 500.
@Suite struct ErrorResponderTests {
    @Test func anUnreachableDatabaseIs503() async throws {
        try await withTestApp(demo: false) { app in
            let request = Request(application: app, method: .POST, url: "/api/v1/items", on: app.eventLoopGroup.next())
            let response = ErrorResponder().render(ConnectionPoolTimeoutError.connectionRequestTimeout, for: request)
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers.first(name: .retryAfter) == "5")
            #expect(response.body.string?.contains(#""code":"database_unavailable""#) == true)
            let other = ErrorResponder().render(CancellationError(), for: request)
            #expect(other.status == .internalServerError)
        }
    }
}
