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

    /// Posts `text` to `phone` (`JSONPost` reads the answer).
    func send(_ text: String, to phone: String, app: Application) async throws -> String {
        try await JSONPost.send(
            body(phone: phone, text: text), to: url, named: "短信平台", timeout: app.config.deliveryLease / 2, app: app)
    }

    /// The address as the channels page shows it: without its query, which often holds the account's key.
    var shownURL: String {
        guard var parts = URLComponents(string: url), parts.query != nil else { return url }
        parts.query = nil
        return (parts.string ?? url) + "?…"
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
