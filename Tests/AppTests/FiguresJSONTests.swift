import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// The figures answer written by hand (`JSONBytes`) is, byte for byte, what the app's `JSONEncoder` writes.
@Suite struct FiguresJSONTests {
    @Test func theHandWrittenAnswerIsTheEncodersByteForByte() async throws {
        try await withTestApp { app in
            let encoder = try ContentConfiguration.global.requireEncoder(for: .json)
            func same(_ answer: LitigationAPI.Answer) async throws {
                var expected = ByteBuffer()
                var headers = HTTPHeaders()
                try encoder.encode(answer, to: &expected, headers: &headers)
                let written = try await answer.encodeResponse(
                    for: Request(application: app, on: app.eventLoopGroup.any()))
                #expect(written.headers.contentType == .json)
                #expect(written.body.string == expected.getString(at: 0, length: expected.readableBytes))
            }
            let regions = try await Region.query(on: app.db).all()
            let period = DayRange(from: CalendarDay(parsing: "2023-01-01")!, to: CalendarDay(parsing: "2024-06-30")!)
            var rows = 0
            for region in regions {
                for breakdown in LitigationQueries.Breakdown.allCases {
                    let result = try await LitigationQueries.figures(
                        region: region, unit: nil, period: period, breakdown: breakdown, on: app.db)
                    rows += result.rows.count
                    try await same(
                        .init(
                            region: region.code, from: "2023-01-01", to: "2024-06-30", figures: .init(result.current),
                            previous: .init(result.previous), doubleDecline: result.doubleDecline,
                            breakdown: result.rows.map {
                                .init(key: $0.key, label: $0.label, figures: .init($0.figures))
                            }))
                }
            }
            #expect(rows > 100)
            // Rates of 100 %, 0 % and over nothing; names with quotes, slashes and control characters; no breakdown.
            var whole = LitigationFigures()
            (whole.new, whole.concluded, whole.losses, whole.heard, whole.appeared) = (3, 3, 3, 2, 0)
            let odd = "单位\"甲\"\\乙/丙\n\t\r\u{8}\u{C}\u{1}\u{1F}丁"
            try await same(
                .init(
                    region: "410423", from: "2026-01-01", to: "2026-11-23", figures: .init(whole),
                    previous: .init(LitigationFigures()), doubleDecline: true,
                    breakdown: [.init(key: odd, label: odd, figures: .init(whole))]))
            try await same(
                .init(
                    region: "410423", from: "2026-01-01", to: "2026-11-23", figures: .init(whole),
                    previous: .init(whole), doubleDecline: false, breakdown: nil))
        }
    }

    @Test func integersAsTheirDecimalText() {
        for value in [0, 7, -7, 1_000_000, Int.max, Int.min] {
            var json = JSONBytes(capacity: 32)
            json.int(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
        }
    }
}
