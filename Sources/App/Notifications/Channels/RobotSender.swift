import Vapor

/// Posts to a group robot (`JSONPost` reads its answer).
enum RobotSender {
    /// Posts `title` and `lines` with the link to the page at `link` (a path).
    static func post(_ robot: Robot, title: String, lines: [String], link: String, app: Application) async throws
        -> String
    {
        guard WebAddress.robotMayPost(to: try app.fieldSeal.open(robot.sealedURL), allowed: app.config.robotHosts)
        else {
            throw DeliveryFailure(description: "群机器人的地址已不在允许的主机之列（FUYUAN_ROBOT_HOSTS）", permanent: true)
        }
        let post = RobotPost.make(
            preset: robot.preset, url: try app.fieldSeal.open(robot.sealedURL),
            secret: robot.sealedSecret.isEmpty ? "" : try app.fieldSeal.open(robot.sealedSecret),
            template: robot.template, title: title, lines: lines, link: app.config.publicURL + link,
            now: app.clock.now())
        return try await JSONPost.send(
            post.body, to: post.url, headers: post.headers, named: "群机器人", timeout: app.config.deliveryLease / 2,
            app: app)
    }
}
