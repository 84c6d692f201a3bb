import Vapor

/// Posts to a group robot and reads its answer: an HTTP status other than 2xx, or a messenger's `errcode` other
/// than 0, is a failure quoting the answer.
enum RobotSender {
    /// Posts `title` and `lines` with the link to the page at `link` (a path).
    static func post(_ robot: Robot, title: String, lines: [String], link: String, app: Application) async throws
        -> String
    {
        let post = RobotPost.make(
            preset: robot.preset, url: try app.fieldSeal.open(robot.sealedURL),
            secret: robot.sealedSecret.isEmpty ? "" : try app.fieldSeal.open(robot.sealedSecret),
            template: robot.template, title: title, lines: lines, link: app.config.publicURL + link,
            now: app.clock.now())
        var headers = HTTPHeaders([("Content-Type", "application/json; charset=utf-8")])
        for (name, value) in post.headers { headers.add(name: name, value: value) }
        let response: ClientResponse
        do {
            response = try await app.client.post(URI(string: post.url), headers: headers) { request in
                request.body = ByteBuffer(string: post.body)
            }.get()
        } catch {
            throw Deliverer.DeliveryFailure(description: "无法连接群机器人地址：\(error)")
        }
        let body = response.body.map { String(buffer: $0) } ?? ""
        let answer = "HTTP \(response.status.code) \(body.prefix(400))"
        guard (200..<300).contains(response.status.code) else {
            throw Deliverer.DeliveryFailure(
                description: "群机器人拒绝：" + answer, permanent: (400..<500).contains(response.status.code))
        }
        if let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let code = json["errcode"] as? Int, code != 0
        {
            throw Deliverer.DeliveryFailure(description: "群机器人拒绝：" + answer)
        }
        return answer
    }
}
