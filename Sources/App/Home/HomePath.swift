import Foundation

/// The address of a region's home page, where everyone lands, and of its cards in the API.
enum HomePath {
    static let region: PathPattern = "/regions/:code"

    enum API {
        static let home: PathPattern = "/api/v1/home"
    }
}

extension SitePath {
    static func region(_ code: String) -> SitePath { HomePath.region.path(code) }
}
