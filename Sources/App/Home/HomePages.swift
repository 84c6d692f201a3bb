import FuyuanCore
import Vapor

/// The home page and `GET /api/v1/home`: the same cards, as HTML and as JSON.
struct HomePages {
    func page(_ request: Request) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        let home = try await load(request, caller: caller, regionCode: request.parameters.require("code"))
        let model = HomeView.Model(
            regionName: home.region.name, parent: home.parent,
            who: "\(caller.displayName)（\(caller.role.label)）", today: CalendarDay(containing: request.now),
            cards: home.cards)
        return HomeView.render(model, shell: try await request.shell(regionCode: home.region.code))
    }

    /// `GET /api/v1/home[?region=CODE]`: the caller's cards for a region, their own by default.
    func api(_ request: Request) async throws -> HomeDTO.Home {
        let caller = try request.requireCaller()
        let code = (try? request.query.get(String.self, at: "region")) ?? caller.regionCode
        let home = try await load(request, caller: caller, regionCode: code)
        return HomeDTO.Home(region: home.region.code, cards: home.cards.map(HomeDTO.Card.init))
    }

    private func load(_ request: Request, caller: Caller, regionCode: String) async throws -> Home {
        try await Home.load(
            regionCode: regionCode, caller: caller, now: request.now,
            features: request.application.features, dueRules: request.application.dueRules,
            warnings: request.application.config.warnings, on: request.db)
    }
}

/// The home's JSON.
enum HomeDTO {
    struct Home: Content {
        let region: String
        let cards: [Card]
    }

    struct Card: Content {
        struct Row: Content {
            let title: String
            let href: String
            let note: String
        }

        let key: String
        let title: String
        let count: Int
        let href: String
        let rows: [Row]

        init(_ card: HomeCard) {
            (key, title, count, href) = (card.key, card.title, card.count, card.href.url)
            rows = card.rows.map { Row(title: $0.title, href: $0.href.url, note: $0.note) }
        }
    }
}
