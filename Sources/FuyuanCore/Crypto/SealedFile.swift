import Foundation

/// Whole files sealed as `FieldSeal` seals fields, for backups: a header line naming what the file holds and the id
/// of the key it is sealed under (`FUYUAN-SEALED-2 sqlite key=1a2b3c4d`), a random 16-byte counter block, the SM4-CTR
/// ciphertext, and HMAC-SM3 over everything before it. Files of the first format (no key id) still open. Read and
/// written a megabyte at a time; opening checks the tag over the whole file before it writes a byte.
public enum SealedFile {
    static let magic = "FUYUAN-SEALED-2 "
    static let firstMagic = "FUYUAN-SEALED-1 "
    static let chunk = 1 << 20

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public static func seal(_ source: URL, to target: URL, kind: String, with seal: FieldSeal) throws {
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        let output = try create(target)
        defer { try? output.close() }
        var generator = SystemRandomNumberGenerator()
        var counter = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let head = Array((magic + kind + " key=" + seal.keyID + "\n").utf8) + counter
        var mac = SM3.HMAC(key: seal.macKey)
        mac.update(head)
        try output.write(contentsOf: head)
        let cipher = SM4(key: seal.encryptionKey)
        while let piece = try input.read(upToCount: chunk), !piece.isEmpty {
            let sealed = cipher.ctr(Array(piece), advancing: &counter)
            mac.update(sealed)
            try output.write(contentsOf: sealed)
        }
        try output.write(contentsOf: mac.finalize())
    }

    /// What the sealed file says it holds (the header's kind), after checking the whole file's tag.
    public static func kind(of source: URL, with seal: FieldSeal) throws -> String {
        try check(source, with: seal).kind
    }

    /// The id of the key the file says it is sealed under (nil for the first format), from its header alone.
    public static func keyID(of source: URL) throws -> String? {
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        return try header(Array(try input.read(upToCount: 256) ?? Data())).keyID
    }

    /// The header line's kind and key id, and its length with the newline.
    private static func header(_ start: [UInt8]) throws -> (kind: String, keyID: String?, length: Int) {
        guard let newline = start.firstIndex(of: 0x0A),
            let magic = [magic, firstMagic].first(where: { start.starts(with: Array($0.utf8)) })
        else { throw Problem(description: "不是府院通的加密备份文件") }
        let line = String(decoding: start[magic.utf8.count..<newline], as: UTF8.self)
        guard magic == self.magic else { return (line, nil, newline + 1) }
        let parts = line.components(separatedBy: " key=")
        guard parts.count == 2 else { throw Problem(description: "不是府院通的加密备份文件") }
        return (parts[0], parts[1], newline + 1)
    }

    /// Checks the tag, then writes the plain content to `target`; returns the header's kind.
    @discardableResult
    public static func open(_ source: URL, to target: URL, with seal: FieldSeal) throws -> String {
        let (kind, headLength, bodyLength) = try check(source, with: seal)
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        try input.seek(toOffset: UInt64(headLength - 16))
        var counter = Array(try input.read(upToCount: 16) ?? Data())
        let output = try create(target)
        defer { try? output.close() }
        let cipher = SM4(key: seal.encryptionKey)
        var remaining = bodyLength
        while remaining > 0, let piece = try input.read(upToCount: min(chunk, remaining)), !piece.isEmpty {
            remaining -= piece.count
            try output.write(contentsOf: cipher.ctr(Array(piece), advancing: &counter))
        }
        return kind
    }

    private static func check(_ source: URL, with seal: FieldSeal) throws -> (
        kind: String, headLength: Int, bodyLength: Int
    ) {
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        let size = Int(try input.seekToEnd())
        try input.seek(toOffset: 0)
        let (kind, keyID, lineLength) = try header(Array(try input.read(upToCount: 256) ?? Data()))
        guard size >= lineLength + 16 + FieldSeal.tagSize else { throw Problem(description: "不是府院通的加密备份文件") }
        if let keyID, keyID != seal.keyID {
            throw Problem(description: "备份用编号 \(keyID) 的数据密钥加密，当前密钥编号 \(seal.keyID)：请以 FUYUAN_DATA_KEY 给出当时的密钥")
        }
        let headLength = lineLength + 16
        let bodyLength = size - headLength - FieldSeal.tagSize
        try input.seek(toOffset: 0)
        var mac = SM3.HMAC(key: seal.macKey)
        var remaining = headLength + bodyLength
        while remaining > 0, let piece = try input.read(upToCount: min(chunk, remaining)), !piece.isEmpty {
            remaining -= piece.count
            mac.update(piece)
        }
        let tag = Array(try input.read(upToCount: FieldSeal.tagSize) ?? Data())
        guard zip(tag, mac.finalize()).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0, tag.count == FieldSeal.tagSize else {
            throw Problem(description: "备份文件校验失败：文件已损坏、被改动，或不是用本系统的数据密钥加密的")
        }
        return (kind, headLength, bodyLength)
    }

    private static func create(_ url: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw Problem(description: "无法写入 \(url.path)") }
        return try FileHandle(forWritingTo: url)
    }
}
