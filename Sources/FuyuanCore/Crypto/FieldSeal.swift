import Foundation

/// Personal fields at rest (phone numbers, ID-card numbers): SM4 in CTR mode under a fresh random counter block,
/// then HMAC-SM3 over the version, the counter block and the ciphertext (encrypt-then-MAC). A sealed value is
/// `sm4:` followed by base64 of counter ‖ ciphertext ‖ tag. Opening checks the tag first, so a value altered in the
/// database is refused rather than read as garbage.
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

    /// Two independent keys derived from one 32-byte master key.
    public init(masterKey: [UInt8]) {
        precondition(masterKey.count == 32, "the data key is 32 bytes")
        encryptionKey = Array(SM3.hmac(key: masterKey, Array("fuyuan field encryption".utf8)).prefix(16))
        macKey = SM3.hmac(key: masterKey, Array("fuyuan field authentication".utf8))
    }

    public func seal(_ text: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return seal(text, counter: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    func seal(_ text: String, counter: [UInt8]) -> String {
        let ciphertext = SM4(key: encryptionKey).ctr(Array(text.utf8), counter: counter)
        let body = counter + ciphertext
        return Self.prefix + Data(body + SM3.hmac(key: macKey, Array(Self.prefix.utf8) + body)).base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix(Self.prefix),
            let data = Data(base64Encoded: String(sealed.dropFirst(Self.prefix.count))),
            data.count >= 16 + Self.tagSize
        else { throw Problem(description: "不是加密字段") }
        let bytes = Array(data)
        let body = Array(bytes.dropLast(Self.tagSize))
        let tag = Array(bytes.suffix(Self.tagSize))
        let expected = SM3.hmac(key: macKey, Array(Self.prefix.utf8) + body)
        guard zip(tag, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw Problem(description: "加密字段校验失败（数据被改动或密钥不符）")
        }
        let plain = SM4(key: encryptionKey).ctr(Array(body.dropFirst(16)), counter: Array(body.prefix(16)))
        return String(decoding: plain, as: UTF8.self)
    }

    /// A value as shown by default: the first three and last four characters of a phone number, the first six and
    /// last four of an ID-card number; shorter values keep only their last character.
    public static func masked(_ text: String) -> String {
        let characters = Array(text)
        switch characters.count {
        case 0: return ""
        case 1...4: return String(repeating: "*", count: characters.count - 1) + String(characters.last!)
        case 5...12:
            return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7)
                + String(characters.suffix(4))
        default:
            return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10)
                + String(characters.suffix(4))
        }
    }
}
