import Foundation
import Vapor

/// The SMS platform's HTTP interface (短信平台): a JSON body from a template with `{{phone}}` and `{{text}}` posted
/// to its address, the text cut to the gateway's length. Set by the system administrator on the channels page,
/// sealed whole (the address often carries the account's key).
struct SMSGateway: Codable, Sendable, Equatable {
    static let defaultTemplate = #"{"mobile":"{{phone}}","content":"{{text}}"}"#

    var url: String
    var template: String
    /// The most characters one message may have (70 for one plain SMS in Chinese; longer ones the gateway splits).
    var maxLength: Int

    /// What a delivery says by SMS: 【府院通】, the title and the lines, cut to `maxLength` with an ellipsis.
    func text(_ title: String, lines: [String]) -> String {
        let whole = "【府院通】" + title + "：" + lines.joined(separator: "；")
        guard whole.count > maxLength else { return whole }
        return String(whole.prefix(maxLength - 1)) + "…"
    }

    /// The body posted for `text` to `phone`.
    func body(phone: String, text: String) -> String {
        (template.isEmpty ? Self.defaultTemplate : template)
            .replacingOccurrences(of: "{{phone}}", with: JSONText.escaped(phone))
            .replacingOccurrences(of: "{{text}}", with: JSONText.escaped(text))
    }

    /// Posts `text` to `phone`; answers the gateway's answer, or throws it when it is not 2xx.
    func send(_ text: String, to phone: String, app: Application) async throws -> String {
        let response: ClientResponse
        do {
            response = try await app.client.post(
                URI(string: url), headers: ["Content-Type": "application/json; charset=utf-8"]
            ) { request in request.body = ByteBuffer(string: body(phone: phone, text: text)) }.get()
        } catch {
            throw Deliverer.DeliveryFailure(description: "无法连接短信平台：\(error)")
        }
        let answer = "HTTP \(response.status.code) " + (response.body.map { String(buffer: $0) } ?? "").prefix(400)
        guard (200..<300).contains(response.status.code) else {
            throw Deliverer.DeliveryFailure(
                description: "短信平台拒绝：" + answer, permanent: (400..<500).contains(response.status.code))
        }
        return answer
    }
}

/// Text as the inside of a JSON string, for the robots' and the SMS gateway's templates.
enum JSONText {
    static func escaped(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
        return String(String(decoding: data, as: UTF8.self).dropFirst(2).dropLast(2))
    }

    /// Whether `template` makes valid JSON with each of `placeholders` filled in with awkward text.
    static func isValidTemplate(_ template: String, placeholders: [String]) -> Bool {
        var filled = template
        for placeholder in placeholders {
            filled = filled.replacingOccurrences(of: placeholder, with: escaped("一\"二\\\n三"))
        }
        return (try? JSONSerialization.jsonObject(with: Data(filled.utf8))) != nil
    }
}
