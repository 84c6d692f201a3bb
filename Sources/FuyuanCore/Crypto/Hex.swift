import Foundation

extension Array where Element == UInt8 {
    /// The bytes of lower- or upper-case hexadecimal text (keys, digests); nil when the text is not an even number of hexadecimal digits.
    public init?(hex text: String) {
        guard text.count % 2 == 0, text.allSatisfy(\.isHexDigit) else { return nil }
        let characters = [Character](text)
        let bytes = stride(from: 0, to: characters.count, by: 2).compactMap {
            UInt8(String(characters[$0..<$0 + 2]), radix: 16)
        }
        // `isHexDigit` also takes fullwidth digits (０–９, Ａ–Ｆ), which `UInt8(_:radix:)` refuses.
        guard bytes.count == characters.count / 2 else { return nil }
        self = bytes
    }
}
