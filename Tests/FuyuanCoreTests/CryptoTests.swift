import Foundation
import Testing

@testable import FuyuanCore

struct SMTests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
    func bytes(_ hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).map {
            UInt8(
                hex[hex.index(hex.startIndex, offsetBy: $0)..<hex.index(hex.startIndex, offsetBy: $0 + 2)], radix: 16)!
        }
    }

    /// The examples of GB/T 32905-2016, appendix A.
    @Test func sm3OfTheStandardsExamples() {
        #expect(hex(SM3.hash(Array("abc".utf8))) == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
        #expect(
            hex(SM3.hash(Array(String(repeating: "abcd", count: 16).utf8)))
                == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
        var pieces = SM3()
        pieces.update(Array("ab".utf8))
        pieces.update(Array("c".utf8))
        #expect(hex(pieces.finalize()) == hex(SM3.hash(Array("abc".utf8))))
    }

    /// Checked against OpenSSL: `printf 'abc' | openssl mac -digest SM3 -macopt hexkey:… HMAC`.
    @Test func hmacSM3() {
        #expect(
            hex(SM3.hmac(key: Array("key".utf8), Array("abc".utf8)))
                == "28e63256e7c5a087b1f073265dc53092163f7b82729735d06f28f10af9d52393")
    }

    /// The example of GB/T 32907-2016, appendix A: one block, and the same block encrypted 1 000 000 times.
    @Test func sm4OfTheStandardsExample() {
        let key = bytes("0123456789abcdeffedcba9876543210")
        let cipher = SM4(key: key)
        #expect(hex(cipher.encrypt(block: key)) == "681edf34d206965e86b3e94f536e4246")
        #expect(cipher.decrypt(block: bytes("681edf34d206965e86b3e94f536e4246")) == key)
    }

    /// Checked against `openssl enc -sm4-ctr`, with a counter that wraps past all ones.
    @Test func sm4CTRAsOpenSSLDoesIt() {
        let cipher = SM4(key: bytes("0123456789abcdeffedcba9876543210"))
        let counter = bytes("fffffffffffffffffffffffffffffffe")
        #expect(
            hex(cipher.ctr((0..<40).map { UInt8($0) }, counter: counter))
                == "661316b2cd2d2589977512f08f82f6577800bd6d1d6672f09ee25fd541877eef0656d6482de404eb")
    }

    @Test func sm4CTRRoundTripsAnyLength() {
        let cipher = SM4(key: bytes("0123456789abcdeffedcba9876543210"))
        let counter = [UInt8](repeating: 0xFF, count: 16)
        for length in [0, 1, 15, 16, 17, 40] {
            let plain = (0..<length).map { UInt8($0) }
            let sealed = cipher.ctr(plain, counter: counter)
            #expect(sealed.count == length)
            #expect(cipher.ctr(sealed, counter: counter) == plain)
        }
    }
}

struct FieldSealTests {
    let seal = FieldSeal(masterKey: Array(0..<32))

    @Test func sealsOpensAndRefusesAlteredValues() throws {
        let sealed = seal.seal("13812345678")
        let prefix = "sm4:\(seal.keyID):"
        #expect(sealed.hasPrefix(prefix))
        #expect(!sealed.contains("13812345678"))
        #expect(seal.seal("13812345678") != sealed, "a fresh counter each time")
        #expect(try seal.open(sealed) == "13812345678")
        var bytes = Array(Data(base64Encoded: String(sealed.dropFirst(prefix.count)))!)
        bytes[20] ^= 1
        #expect(throws: FieldSeal.Problem(description: "加密字段校验失败（数据被改动或密钥不符）")) {
            try seal.open(prefix + Data(bytes).base64EncodedString())
        }
        #expect(throws: FieldSeal.Problem(description: "不是加密字段")) { try seal.open("13812345678") }
    }

    /// The key id names the key: derived from it, the same every time, different for another key, and a value
    /// sealed under another key says so instead of failing its check.
    @Test func aSealedValueNamesItsKey() throws {
        #expect(seal.keyID.count == 8 && seal.keyID.allSatisfy(\.isHexDigit))
        #expect(FieldSeal(masterKey: Array(0..<32)).keyID == seal.keyID)
        let other = FieldSeal(masterKey: Array(1...32))
        #expect(other.keyID != seal.keyID)
        let sealed = seal.seal("13812345678")
        #expect(FieldSeal.keyID(of: sealed) == seal.keyID)
        #expect(FieldSeal.keyID(of: "13812345678") == nil)
        #expect(
            throws: FieldSeal.Problem(description: "加密字段用另一把数据密钥（编号 \(seal.keyID)）加密，当前密钥编号 \(other.keyID)")
        ) { try other.open(sealed) }
        // Sealed by the format before key ids (master key 0…31, counter block of sevens): still opens.
        let legacy = "sm4:BwcHBwcHBwcHBwcHBwcHB268ASm3RpjbLwrHufJTxzNydRryKgj2qnHnL7inM6q8WOmtfO2RQh/80/0="
        #expect(FieldSeal.keyID(of: legacy) == nil)
        #expect(try seal.open(legacy) == "13812345678")
        #expect(throws: FieldSeal.Problem(description: "加密字段校验失败（数据被改动或密钥不符）")) { try other.open(legacy) }
    }

    @Test func masks() {
        #expect(FieldSeal.masked("13812345678") == "138****5678")
        #expect(FieldSeal.masked("0375-5051234") == "037*****1234")
        #expect(FieldSeal.masked("410423199001011234") == "410423********1234")
        #expect(FieldSeal.masked("1234") == "***4")
        #expect(FieldSeal.masked("") == "")
        // Lengths 5 to 7 trapped (a negative count of stars); the placeholder of an unopenable value is 6 long.
        #expect(FieldSeal.masked("12345") == "1**45")
        #expect(FieldSeal.masked("1234567") == "1****67")
        #expect(FieldSeal.masked(FieldSeal.unreadable) == "（无法解密）")
        for length in 0...30 {
            let masked = FieldSeal.masked(String(repeating: "9", count: length))
            #expect(masked.count == length)
            #expect(length <= 1 || masked.contains("*"))
        }
    }
}
