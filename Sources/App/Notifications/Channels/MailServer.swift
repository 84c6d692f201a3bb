import Foundation

/// The intranet mail server (政务邮箱) the product sends through: set by `FUYUAN_SMTP_URL`, or else by the system
/// administrator on the channels page (stored sealed, `NoticeChannel`).
struct MailServer: Codable, Sendable, Equatable {
    enum Security: String, Codable, CaseIterable, Sendable {
        /// Plain SMTP, for a relay on a protected segment.
        case none
        /// STARTTLS required after the greeting (usually port 587).
        case starttls
        /// Implicit TLS from the first byte (usually port 465).
        case tls

        var label: String {
            switch self {
            case .none: "不加密"
            case .starttls: "STARTTLS"
            case .tls: "SSL/TLS（隐式）"
            }
        }
    }

    var host: String
    var port: Int
    var security: Security
    /// Empty: no AUTH.
    var user = ""
    var password = ""
    /// The sender's address (`From`, `MAIL FROM`).
    var sender: String
    /// The PEM file of the CA that signed the server's certificate; nil, the system's trusted CAs.
    var caFile: String? = nil

    /// `smtp://host:port`, `smtp://user:password@host:587?starttls=required`, `smtps://user:password@host:465`;
    /// `from=` names the sender (default `fuyuan@` the host), `ca=` a CA file. Nil for anything else.
    init?(url text: String) {
        guard let url = URLComponents(string: text), let scheme = url.scheme, scheme == "smtp" || scheme == "smtps",
            let host = url.host, !host.isEmpty, url.path.isEmpty || url.path == "/"
        else { return nil }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { $1 }
        guard Set(query.keys).isSubset(of: ["starttls", "from", "ca"]) else { return nil }
        switch (scheme, query["starttls"]) {
        case ("smtps", nil): security = .tls
        case ("smtp", nil): security = .none
        case ("smtp", "required"): security = .starttls
        default: return nil
        }
        self.host = host
        port = url.port ?? (security == .tls ? 465 : 25)
        guard (1...65535).contains(port) else { return nil }
        user = url.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? ""
        password = url.percentEncodedPassword.flatMap { $0.removingPercentEncoding } ?? ""
        sender = query["from"] ?? ("fuyuan@" + host)
        guard MailAddress.isValid(sender) || query["from"] == nil else { return nil }
        caFile = query["ca"].flatMap { $0.isEmpty ? nil : $0 }
    }

    init(host: String, port: Int, security: Security, user: String, password: String, sender: String) {
        self.host = host
        self.port = port
        self.security = security
        self.user = user
        self.password = password
        self.sender = sender
    }

    /// How the server is shown on the channels page: never the password.
    var description: String {
        "\(security == .tls ? "smtps" : "smtp")://\(user.isEmpty ? "" : user + "@")\(host):\(port)"
            + (security == .starttls ? "（STARTTLS）" : "") + "，发件人 \(sender)"
    }
}
