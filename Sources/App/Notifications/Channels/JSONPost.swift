import Foundation
import Vapor

/// A JSON body posted to a group robot or the SMS platform, and its answer read as a delivery's: 2xx with no
/// messenger `errcode` other than 0 is sent; another 4xx but 408 and 429 is for good; the rest is tried again. The
/// answer keeps the status and the messenger's `errcode` and `errmsg` only, never the rest of what an address sent
/// back (an office types the address, and must not read other hosts' pages through it).
enum JSONPost {
    static func send(
        _ body: String, to url: String, headers extra: [(String, String)] = [], named target: String,
        timeout: TimeInterval, app: Application
    ) async throws -> String {
        var headers = HTTPHeaders([("Content-Type", "application/json; charset=utf-8")])
        for (name, value) in extra { headers.add(name: name, value: value) }
        let response: ClientResponse
        do {
            response = try await app.client.post(URI(string: url), headers: headers) { request in
                request.body = ByteBuffer(string: body)
                request.timeout = .seconds(Int64(timeout))
            }.get()
        } catch {
            throw DeliveryFailure(description: "无法连接\(target)：\(error)")
        }
        let code = Int(response.status.code)
        let fields =
            response.body.flatMap {
                try? JSONSerialization.jsonObject(with: Data(buffer: $0)) as? [String: Any]
            } ?? [:]
        let errcode = fields["errcode"] as? Int
        let answer =
            "HTTP \(code)"
            + (errcode.map { " errcode \($0)" } ?? "")
            + ((fields["errmsg"] as? String).map { " " + String($0.prefix(200)) } ?? "")
        guard (200..<300).contains(code), errcode ?? 0 == 0 else {
            let again = !(400..<500).contains(code) || code == 408 || code == 429 || errcode != nil
            throw DeliveryFailure(description: target + "拒绝：" + answer, permanent: !again)
        }
        return answer
    }
}
