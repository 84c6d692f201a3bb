import FuyuanCore
import Vapor

extension Feature {
    /// A region's home page: each feature's cards for the caller (`Feature.homeCards`), the most urgent first.
    static let home = Feature(
        name: "首页",
        routes: { routes in
            let pages = HomePages()
            routes.pages.get(HomePath.region, use: pages.page)
            routes.api.get(HomePath.API.home, use: pages.api)
        },
        menu: [.init(label: "首页", place: 10, roles: Set(Role.allCases)) { .region($0) }],
        api: .home)
}
