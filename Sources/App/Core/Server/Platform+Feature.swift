import Vapor

extension Feature {
    /// What every feature stands on: the assets, the health checks, the API description and the table of
    /// `Idempotency-Key`s.
    static let platform = Feature(
        name: "平台",
        migrations: { _ in [CreateIdempotencyKeys()] },
        routes: { routes in
            routes.open.get(PlatformPath.asset) { request -> Response in
                guard let response = Assets.response(named: try request.parameters.require("name")) else {
                    throw AppError.notFound("文件")
                }
                return response
            }
            let health = HealthCheck()
            routes.open.get(PlatformPath.live, use: health.live)
            routes.open.get(PlatformPath.ready, use: health.ready)
            routes.open.get(PlatformPath.openAPI, use: OpenAPIDocument.serve)
        },
        api: .platform)
}
