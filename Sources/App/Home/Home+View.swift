import Foundation
import FuyuanCore

enum HomeView {
    struct Model {
        let regionName: String
        let parent: (code: String, name: String)?
        /// The caller's name and role, as the page greets them.
        let who: String
        let today: CalendarDay
        /// In the order shown: the most urgent first, the empty last.
        let cards: [HomeCard]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        var crumbs: [(String, SitePath?)] = []
        if let parent = model.parent { crumbs.append((parent.name, .region(parent.code))) }
        crumbs.append((model.regionName, nil))
        return Layout.page(title: model.regionName, shell: shell, breadcrumbs: crumbs) {
            h1 { "\(model.regionName) · 今日工作" }
            p(.class("muted")) { "\(model.who) · \(model.today.chinese)" }
            if model.cards.allSatisfy(\.isEmpty) {
                p(.class("card home-empty"), .id("home-empty")) { "今日无待办。" }
            }
            div(.class("home-cards")) {
                for card in model.cards { self.card(card) }
            }
        }
    }

    /// A card's element id: its key with the dot as a dash (`card-ledger-toSign`).
    static func elementID(_ key: String) -> String { "card-" + key.replacing(".", with: "-") }

    private static func card(_ card: HomeCard) -> Node {
        if card.isEmpty {
            return div(.class("card home-card empty"), .id(elementID(card.key)), .attr("data-count", "0")) {
                h2 { card.title }
                p(.class("muted")) { card.empty }
            }
        }
        return div(.class("card home-card"), .id(elementID(card.key)), .attr("data-count", String(card.count))) {
            h2 {
                a(.href(card.href)) { card.title }
                span(.class("count")) { String(card.count) }
            }
            ul(.class("home-rows")) {
                for row in card.rows {
                    li {
                        a(.href(row.href)) { row.title }
                        span(.class("note")) { row.note }
                    }
                }
            }
            p { a(.href(card.href), .class("more")) { card.count > card.rows.count ? "查看全部 ›" : "前往列表 ›" } }
        }
    }
}
