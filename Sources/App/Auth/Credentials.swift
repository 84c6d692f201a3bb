import Crypto
import FuyuanCore
import Vapor

/// Random secrets and their stored digests.
enum Secret {
    /// 32 bytes from the system CSPRNG, URL-safe base64 without padding.
    static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64URL
    }

    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hex
    }

    /// Compares without leaking the position of the first difference.
    static func matches(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A one-time password that satisfies the password policy.
    static func oneTimePassword() -> String {
        "Fy-" + make(bytes: 9) + "#7"
    }
}

/// The product's cookies. Over TLS (`FUYUAN_SECURE_COOKIES=1`) their names take the `__Host-` prefix, which
/// browsers accept only on a Secure cookie for `/` with no Domain: no other host or path can set or shadow them.
enum Cookies {
    static let session = "fuyuan_session"
    static let loginCSRF = "fuyuan_login_csrf"

    /// The name a cookie goes by, with or without TLS.
    static func name(_ base: String, secure: Bool) -> String { secure ? "__Host-" + base : base }

    /// The value the browser sent for the cookie `base`, under the name it goes by in this deployment.
    static func value(_ base: String, in request: Request) -> String? {
        request.cookies[name(base, secure: request.application.config.secureCookies)]?.string
    }

    static func set(_ base: String, _ value: String, on response: Response, secure: Bool) {
        response.cookies[name(base, secure: secure)] = HTTPCookies.Value(
            string: value, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }

    static func clear(_ base: String, on response: Response, secure: Bool) {
        response.cookies[name(base, secure: secure)] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure,
            isHTTPOnly: true, sameSite: .strict)
    }
}
