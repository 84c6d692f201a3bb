import Foundation
import FuyuanCore
import Vapor

/// RFC 6238 one-time codes — HMAC-SHA1, 30-second steps, 6 digits — which every authenticator app computes.
struct TOTP {
    static let period = 30.0
    static let digits = 6
    let key: [UInt8]

    static func makeKey() -> [UInt8] { (0..<20).map { _ in UInt8.random(in: .min ... .max) } }

    static func step(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / period).rounded(.down)) }

    func code(atStep step: Int64) -> String {
        let counter = withUnsafeBytes(of: UInt64(step).bigEndian) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let number = mac[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } & 0x7FFF_FFFF
        let text = String(number % 1_000_000)
        return String(repeating: "0", count: Self.digits - text.count) + text
    }

    /// The step `code` was made for: this one or one either side (clocks drift), and only later than `after`, the
    /// step last used, so that a code seen over a shoulder cannot be used again.
    func step(of code: String, at date: Date, after last: Int64?) -> Int64? {
        let code = code.filter { !$0.isWhitespace }
        guard code.count == Self.digits else { return nil }
        let now = Self.step(at: date)
        return [now - 1, now, now + 1].first { step in step > (last ?? .min) && self.code(atStep: step) == code }
    }

    /// What an authenticator app scans or takes by hand.
    func uri(account: String) -> String {
        let issuer = "府院通".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let name = account.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "otpauth://totp/\(issuer):\(name)?secret=\(Base32.encode(key))&issuer=\(issuer)&digits=6&period=30"
    }
}
