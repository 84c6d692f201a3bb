import Foundation
import FuyuanCore

/// A mail address as people type it: one `@`, something on each side, no spaces or angle brackets.
enum MailAddress {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254
            && !text.contains(where: { $0.isWhitespace || "<>,;\"()[]\\".contains($0) || !$0.isASCII })
    }
}

extension MailAddress {
    /// The address as the audit log keeps it: the name masked, the domain whole (`fa*******t@fuyuan.test`).
    static func masked(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return FieldSeal.masked(address) }
        return FieldSeal.masked(String(address[..<at])) + String(address[at...])
    }
}

/// A mainland mobile number (手机号): eleven digits beginning with 1 and then 3 to 9.
enum MobileNumber {
    static func isValid(_ text: String) -> Bool {
        text.count == 11 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) && text.hasPrefix("1")
            && !text.dropFirst().hasPrefix("0") && !text.dropFirst().hasPrefix("1") && !text.dropFirst().hasPrefix("2")
    }
}

/// An address the product posts to: http or https, with a host.
enum WebAddress {
    static func isHTTP(_ text: String) -> Bool {
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty else { return false }
        return url.scheme == "http" || url.scheme == "https"
    }

    /// Whether a group robot may post to `text`: any http(s) address, or with `FUYUAN_ROBOT_HOSTS` one of its hosts.
    static func robotMayPost(to text: String, allowed hosts: Set<String>) -> Bool {
        guard isHTTP(text) else { return false }
        return hosts.isEmpty || hosts.contains(URLComponents(string: text)?.host?.lowercased() ?? "")
    }
}
