import Foundation
import Vapor

/// The app's notion of now. Tests move it forward to exercise timeouts and lockouts.
public final class AppClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    public init() {}

    public func now() -> Date {
        lock.withLock { Date().addingTimeInterval(offset) }
    }

    public func advance(by interval: TimeInterval) {
        lock.withLock { offset += interval }
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    public var clock: AppClock {
        if let clock = storage[ClockKey.self] { return clock }
        let clock = AppClock()
        storage[ClockKey.self] = clock
        return clock
    }
}

extension Request {
    var now: Date { application.clock.now() }
}
