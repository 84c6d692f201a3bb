import Foundation

/// Personal fields at rest (phone numbers, ID-card numbers): SM4 in CTR mode under a fresh random counter block,
/// then HMAC-SM3 over the prefix, the counter block and the ciphertext (encrypt-then-MAC). A sealed value is
/// `sm4:<key id>:` followed by base64 of counter ‖ ciphertext ‖ tag; the key id names the data key it was sealed
/// under, so that a value or backup sealed under another key says which. Values sealed before key ids (`sm4:` and
/// base64) still open. Opening checks the tag first, so a value altered in the database is refused rather than read
/// as garbage.
public struct FieldSeal: Sendable {
    public static let prefix = "sm4:"
    static let tagSize = 32

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    let encryptionKey: [UInt8]
    let macKey: [UInt8]
    /// Eight hex digits derived from the master key (not a secret: it tells keys apart, it reveals nothing of them).
    public let keyID: String

    /// Two independent keys and the key id, derived from one 32-byte master key.
    public init(masterKey: [UInt8]) {
        precondition(masterKey.count == 32, "the data key is 32 bytes")
        encryptionKey = Array(SM3.hmac(key: masterKey, Array("fuyuan field encryption".utf8)).prefix(16))
        macKey = SM3.hmac(key: masterKey, Array("fuyuan field authentication".utf8))
        keyID = SM3.hmac(key: masterKey, Array("fuyuan key id".utf8)).prefix(4).map { String(format: "%02x", $0) }
            .joined()
    }

    /// The id of the key `sealed` was sealed under; nil for a value sealed before key ids, or for no sealed value.
    public static func keyID(of sealed: String) -> String? {
        let parts = sealed.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "sm4", parts[1].count == 8 else { return nil }
        return String(parts[1])
    }

    public func seal(_ text: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return seal(text, counter: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    func seal(_ text: String, counter: [UInt8]) -> String {
        let ciphertext = SM4(key: encryptionKey).ctr(Array(text.utf8), counter: counter)
        let body = counter + ciphertext
        let prefix = Self.prefix + keyID + ":"
        return prefix + Data(body + SM3.hmac(key: macKey, Array(prefix.utf8) + body)).base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        let sealedUnder = Self.keyID(of: sealed)
        if let sealedUnder, sealedUnder != keyID {
            throw Problem(description: "加密字段用另一把数据密钥（编号 \(sealedUnder)）加密，当前密钥编号 \(keyID)")
        }
        let prefix = sealedUnder.map { Self.prefix + $0 + ":" } ?? Self.prefix
        guard sealed.hasPrefix(prefix), let data = Data(base64Encoded: String(sealed.dropFirst(prefix.count))),
            data.count >= 16 + Self.tagSize
        else { throw Problem(description: "不是加密字段") }
        let bytes = Array(data)
        let body = Array(bytes.dropLast(Self.tagSize))
        let tag = Array(bytes.suffix(Self.tagSize))
        let expected = SM3.hmac(key: macKey, Array(prefix.utf8) + body)
        guard zip(tag, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw Problem(description: "加密字段校验失败（数据被改动或密钥不符）")
        }
        let plain = SM4(key: encryptionKey).ctr(Array(body.dropFirst(16)), counter: Array(body.prefix(16)))
        return String(decoding: plain, as: UTF8.self)
    }

    /// A tag over `parts` for `purpose` (HMAC-SM3 under the authentication key, each part length-prefixed), as hex:
    /// rows whose integrity matters, such as a user's grant, carry it, and nobody without the key can make one.
    public func tag(_ purpose: String, _ parts: [String]) -> String {
        var message = Array(purpose.utf8) + [0]
        for part in parts { message += Array("\(part.utf8.count):".utf8) + Array(part.utf8) }
        return SM3.hmac(key: macKey, message).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `tag` is the tag over `parts`, compared in constant time.
    public func verifies(_ tag: String, _ purpose: String, _ parts: [String]) -> Bool {
        let expected = Array(self.tag(purpose, parts).utf8)
        let given = Array(tag.utf8)
        return given.count == expected.count && zip(given, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
    }

    /// What a sealed value that cannot be opened (a key no longer held, a damaged field) shows in its place.
    public static let unreadable = "（无法解密）"

    /// A value as shown by default: the first three and last four characters of a phone number, the first six and
    /// last four of an ID-card number; shorter values keep less, and always hide at least one character. The
    /// placeholder for a value that cannot be opened is shown as it is.
    public static func masked(_ text: String) -> String {
        guard text != unreadable else { return text }
        let characters = Array(text)
        let (head, tail) =
            switch characters.count {
            case 0...4: (0, 1)
            case 5...7: (1, 2)
            case 8...12: (3, 4)
            default: (6, 4)
            }
        guard !characters.isEmpty else { return "" }
        return String(characters.prefix(head)) + String(repeating: "*", count: characters.count - head - tail)
            + String(characters.suffix(tail))
    }
}
