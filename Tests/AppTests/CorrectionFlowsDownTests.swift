import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// An office's correction of an item's wording reaches the copies already handed down, at every level below: each
/// takes the corrected field unless its own office had reworded it, and shows the change in its history (issue 28).
@Suite struct CorrectionFlowsDownTests {
    func item(_ app: Application, region code: String) async throws -> WorkItem {
        try #require(
            try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                .filter(Region.self, \.$code == code).filter(\.$number == 2)
                .filter(\.$title == "行政机关败诉率高、行政争议实质性化解不佳的问题").first())
    }

    @Test func theProvincesCorrectionReachesTheCityAndTheCounty() async throws {
        try await withTestApp { app in
            let province = try await item(app, region: "410000")
            let city = try await item(app, region: "410400")
            let county = try await item(app, region: "410423")
            #expect(city.$parentItem.id == province.id && county.$parentItem.id == city.id)
            // 鲁山县 words its copy's content its own way first; that stays.
            let lushan = try await app.signIn("lushan.office")
            let own = try await app.send(
                .PATCH, "/api/v1/items/\(county.id!.uuidString)", as: lushan, json: ["content": "鲁山县：逐案分析败诉原因"])
            #expect(own.status == .ok)

            let henan = try await app.signIn("henan.office")
            let corrected = try await app.send(
                .PATCH, "/api/v1/items/\(province.id!.uuidString)", as: henan,
                json: ["title": "行政机关败诉率高、行政争议实质性化解不佳的问题（2026年修订）", "content": "逐案分析，按月通报"])
            #expect(corrected.status == .ok)

            let cityNow = try #require(try await WorkItem.find(city.id, on: app.db))
            let countyNow = try #require(try await WorkItem.find(county.id, on: app.db))
            #expect(cityNow.title == "行政机关败诉率高、行政争议实质性化解不佳的问题（2026年修订）")
            #expect(cityNow.content == "逐案分析，按月通报")
            #expect(cityNow.version == city.version + 1)
            #expect(countyNow.title == "行政机关败诉率高、行政争议实质性化解不佳的问题（2026年修订）")
            #expect(countyNow.content == "鲁山县：逐案分析败诉原因")
            #expect(countyNow.version == county.version + 2)

            func lastEvent(_ item: WorkItem) async throws -> (String, String) {
                let event = try #require(
                    try await ItemEvent.query(on: app.db).filter(\.$item.$id == item.id!).sort(\.$at, .descending)
                        .first())
                return (event.what, event.reason)
            }
            let cityEvent = try await lastEvent(city)
            #expect(cityEvent.0 == "河南省更正事项（事项、具体内容）")
            #expect(cityEvent.1 == "原事项：行政机关败诉率高、行政争议实质性化解不佳的问题；原具体内容：（无）")
            #expect(try await lastEvent(county) == ("河南省更正事项（事项）", "原事项：行政机关败诉率高、行政争议实质性化解不佳的问题"))
            // The county's item page shows the corrected wording and the change.
            let page = try await app.send(.GET, "/items/\(county.id!.uuidString)", as: lushan).text
            #expect(page.contains("<h1>行政机关败诉率高、行政争议实质性化解不佳的问题（2026年修订）</h1>"))
            #expect(page.contains("河南省更正事项（事项）"))
            #expect(
                try await app.auditEntries(.itemEdited).last?.summary
                    == "修改事项：行政机关败诉率高、行政争议实质性化解不佳的问题（事项、具体内容），下级 6 份同步更正")
        }
    }
}
