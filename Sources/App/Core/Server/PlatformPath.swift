/// The platform's addresses.
enum PlatformPath {
    static let asset: PathPattern = "/assets/:name"
    static let live: PathPattern = "/health/live"
    static let ready: PathPattern = "/health/ready"
    static let openAPI: PathPattern = "/api/v1/openapi.json"
}

extension SitePath {
    static func asset(_ name: String) -> SitePath { PlatformPath.asset.path(name) }
}
