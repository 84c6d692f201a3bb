import Fluent
import FuyuanCore
import Vapor

/// A group robot of the work messenger (政务钉钉, 企业微信, 蓝信): the office of a region adds one for itself or for
/// one of its units, and the robot gets that unit's (or office's) daily digest in the group. Its address and secret
/// are sealed with the data key: whoever holds them can post into the group.
final class Robot: Model, @unchecked Sendable {
    static let schema = "notice_robots"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// `office` or `unit:<id>`, as a notice's recipient (`Notice.recipient`).
    @Field(key: "recipient") var recipient: String
    @Field(key: "name") var name: String
    @Field(key: "preset") var preset: Preset
    @Field(key: "sealed_url") var sealedURL: String
    /// Empty: the robot signs nothing.
    @Field(key: "sealed_secret") var sealedSecret: String
    /// The JSON body of a `generic` robot, with `{{title}}`, `{{text}}` and `{{link}}`; empty for the presets.
    @Field(key: "template") var template: String

    // relationships
    @Parent(key: "region_id") var region: Region

    var properties: [any AnyProperty] {
        [$id, $createdAt, $recipient, $name, $preset, $sealedURL, $sealedSecret, $template, $region]
    }

    init() {}

    init(
        regionID: UUID, recipient: String, name: String, preset: Preset, sealedURL: String, sealedSecret: String,
        template: String
    ) {
        self.$region.id = regionID
        self.recipient = recipient
        self.name = name
        self.preset = preset
        self.sealedURL = sealedURL
        self.sealedSecret = sealedSecret
        self.template = template
    }

    /// The messengers' robot formats.
    enum Preset: String, Codable, CaseIterable, Sendable {
        /// 钉钉 (and 政务钉钉): markdown; with a secret, `timestamp` and `sign` (HMAC-SHA256) on the address.
        case dingtalk
        /// 企业微信: markdown; the key is in the address, no signature.
        case wecom
        /// Any other (蓝信 and the like): the body from `template`; with a secret, `X-Fuyuan-Timestamp` and
        /// `X-Fuyuan-Signature: sha256=<hex of HMAC-SHA256(secret, timestamp + "." + body)>`.
        case generic

        var label: String {
            switch self {
            case .dingtalk: "钉钉 / 政务钉钉"
            case .wecom: "企业微信"
            case .generic: "其他（自定义 JSON）"
            }
        }
    }

    static let defaultTemplate = #"{"title":"{{title}}","text":"{{text}}","link":"{{link}}"}"#
}

/// What a robot posts: the address (signed where the preset signs it), the headers and the JSON body.
struct RobotPost: Equatable {
    let url: String
    let headers: [(String, String)]
    let body: String

    static func == (lhs: RobotPost, rhs: RobotPost) -> Bool {
        lhs.url == rhs.url && lhs.body == rhs.body && lhs.headers.map { $0.0 + $0.1 } == rhs.headers.map { $0.0 + $0.1 }
    }

    /// The post of `title` and `lines` with a `link`, at `now` (the signatures' timestamp, in milliseconds).
    static func make(
        preset: Robot.Preset, url: String, secret: String, template: String, title: String, lines: [String],
        link: String, now: Date
    ) -> RobotPost {
        let timestamp = String(now.milliseconds)
        let markdown = "### \(title)\n\n" + lines.map { "- " + $0 }.joined(separator: "\n") + "\n\n[打开府院通](\(link))"
        switch preset {
        case .dingtalk:
            let body = json(["msgtype": "markdown", "markdown": ["title": title, "text": markdown]])
            guard !secret.isEmpty else { return RobotPost(url: url, headers: [], body: body) }
            let sign = Data(hmac(secret, "\(timestamp)\n\(secret)")).base64EncodedString()
            let separator = url.contains("?") ? "&" : "?"
            return RobotPost(
                url: url + separator + "timestamp=\(timestamp)&sign=" + percentEncoded(sign), headers: [], body: body)
        case .wecom:
            return RobotPost(
                url: url, headers: [], body: json(["msgtype": "markdown", "markdown": ["content": markdown]]))
        case .generic:
            let text = lines.joined(separator: "\n")
            let body = (template.isEmpty ? Robot.defaultTemplate : template)
                .replacingOccurrences(of: "{{title}}", with: JSONText.escaped(title))
                .replacingOccurrences(of: "{{text}}", with: JSONText.escaped(text))
                .replacingOccurrences(of: "{{link}}", with: JSONText.escaped(link))
            guard !secret.isEmpty else { return RobotPost(url: url, headers: [], body: body) }
            let signature = hmac(secret, timestamp + "." + body).hex
            return RobotPost(
                url: url, headers: [("X-Fuyuan-Timestamp", timestamp), ("X-Fuyuan-Signature", "sha256=" + signature)],
                body: body)
        }
    }

    /// Whether a generic robot's template makes valid JSON whatever the text.
    static func templateIsValid(_ template: String) -> Bool {
        JSONText.isValidTemplate(template, placeholders: ["{{title}}", "{{text}}", "{{link}}"])
    }

    private static func hmac(_ key: String, _ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(key.utf8))))
    }

    private static func json(_ object: [String: Any]) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
