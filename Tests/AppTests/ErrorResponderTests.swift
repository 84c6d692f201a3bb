import AsyncKit
import NIOConcurrencyHelpers
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

    /// A path that exists with another method is 405 naming the methods it has; a path parameter that cannot name
    /// anything on a path the method does have stays 404.
    @Test func anotherMethodIs405WithAllow() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let trace = try await app.send(.TRACE, "/api/v1/me", as: court)
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: .allow) == "GET, HEAD")
            #expect(trace.body.string.contains(#""code":"method_not_allowed""#))
            // A fixed segment wins over a parameter, as in the router and the API document.
            let getImport = try await app.send(.GET, "/api/v1/litigation/cases/import", as: court)
            #expect(getImport.status == .methodNotAllowed)
            #expect(getImport.headers.first(name: .allow) == "POST")
            let deleteUnit = try await app.send(.DELETE, "/api/v1/units/\(UUID())", as: court)
            #expect(deleteUnit.headers.first(name: .allow) == "GET, PATCH, HEAD")
            #expect(try await app.send(.GET, "/api/v1/units/not-a-uuid", as: court).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/nothing-here", as: court).status == .notFound)
            let page = try await app.send(.PUT, "/login", as: court)
            #expect(page.status == .methodNotAllowed)
            #expect(page.headers.first(name: .allow) == "GET, POST, HEAD")
        }
    }

    /// The paths' methods are indexed once, when the app is configured, not for each 404 (issue 28).
    @Test func theMethodsOfEveryPathAreIndexedOnce() async throws {
        try await withTestApp(demo: false) { app in
            let index = app.methodIndex
            #expect(index === app.methodIndex)
            #expect(index.methods(allowedAt: "/") == [.GET, .HEAD])
            #expect(index.methods(allowedAt: "/api/v1/items/\(UUID())/reports") == [.POST])
            #expect(index.methods(allowedAt: "/api/v1/nothing-here") == [])
            let trace = try await app.send(.TRACE, "/api/v1/regions")
            #expect(trace.headers.first(name: .allow) == "GET, POST, HEAD")
            #expect(app.methodIndex === index)
        }
    }
}

/// Shutdown closes the databases only once the requests it had taken are answered (or after its patience).
@Suite struct InFlightTests {
    @Test func shutdownWaitsForTheRequestsInFlight() async throws {
        try await withTestApp(demo: false) { app in
            let finished = NIOLockedValueBox(false)
            let request = Task {
                await app.inFlight.hold("a test's work") {
                    try? await Task.sleep(for: .milliseconds(300))
                    finished.withLockedValue { $0 = true }
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            let started = ContinuousClock.now
            await app.inFlight.shutdownAsync(app)
            #expect(finished.withLockedValue { $0 })
            #expect(ContinuousClock.now - started >= .milliseconds(200))
            await request.value
        }
    }
}
