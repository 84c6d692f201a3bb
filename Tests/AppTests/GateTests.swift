import Testing
import VaporTesting

@testable import App

/// `Gate` lets in at most its capacity, the rest in the order they came, and gives the place back on failure.
@Suite struct GateTests {
    actor Log {
        var entries: [String] = []
        func add(_ entry: String) { entries.append(entry) }
    }

    struct Failed: Error {}

    @Test func letsInItsCapacityAndTheRestInTurn() async throws {
        let gate = Gate(capacity: 2)
        let log = Log()
        await gate.enter()
        await gate.enter()
        let third = Task {
            await gate.enter()
            await log.add("third")
        }
        while await gate.queued < 1 { try await Task.sleep(for: .milliseconds(1)) }
        let fourth = Task {
            await gate.enter()
            await log.add("fourth")
        }
        while await gate.queued < 2 { try await Task.sleep(for: .milliseconds(1)) }
        #expect(await log.entries == [])
        await gate.leave()
        await third.value
        #expect(await log.entries == ["third"])
        #expect(await gate.queued == 1)
        await gate.leave()
        await fourth.value
        #expect(await log.entries == ["third", "fourth"])
    }

    @Test func aFailureGivesThePlaceBack() async throws {
        let gate = Gate(capacity: 1)
        do {
            let _: Int = try await gate.pass { throw Failed() }
            Issue.record("the failure was swallowed")
        } catch is Failed {}
        #expect(try await gate.pass { 7 } == 7)
    }

    /// While a city's or the province's figures are being counted, another such request waits for the gate; a
    /// county's figures do not.
    @Test func wideFiguresTakeTurnsAndCountyFiguresDoNotWait() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("pds.office")
            let log = Log()
            let query = "from=2024-01-01&to=2024-12-31&breakdown=unit"
            await Gate.wideFigures.enter()
            let city = Task {
                let answer = try await app.send(.GET, "/api/v1/litigation/figures?region=410400&\(query)", as: office)
                await log.add("city \(answer.status.code)")
            }
            let county = try await app.send(.GET, "/api/v1/litigation/figures?region=410423&\(query)", as: office)
            #expect(county.status == .ok)
            try await Task.sleep(for: .milliseconds(200))
            #expect(await log.entries == [])
            await Gate.wideFigures.leave()
            try await city.value
            #expect(await log.entries == ["city 200"])
        }
    }
}
