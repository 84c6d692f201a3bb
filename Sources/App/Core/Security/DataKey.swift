import FuyuanCore
import Vapor

/// The key that seals personal fields at rest and backups (SM4 + HMAC-SM3, `FieldSeal`): `FUYUAN_DATA_KEY` (64 hex
/// digits), or else `data.key` in the data directory, made with 32 random bytes on first start and readable by its
/// owner only. Several instances on PostgreSQL must share one `FUYUAN_DATA_KEY`. Losing the key loses the sealed
/// fields and every backup: keep a copy apart from the backups.
enum DataKey {
    static let fileName = "data.key"
    /// Every key a rotation retired, one a line, oldest first; only ever appended to, so that any older backup can
    /// still be restored.
    static let retiredFileName = "data.key.retired"
    /// Where the one key before the last rotation was kept until retired keys were kept as a ring; still read.
    static let previousFileName = "data.key.previous"

    /// The current key. Made on first start unless `creating` is false (a restore never makes a key: data sealed
    /// under a new one could be opened by nobody).
    static func load(_ config: AppConfig, creating: Bool = true) throws -> [UInt8] {
        if let hex = config.dataKey {
            guard let key = [UInt8](hex: hex), key.count == 32 else {
                throw AppConfig.Problem(description: "FUYUAN_DATA_KEY 须为 64 位十六进制数字（32 字节）")
            }
            return key
        }
        let path = config.dataDirectory + "/" + fileName
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            guard let key = [UInt8](hex: text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count == 32 else {
                throw AppConfig.Problem(description: "\(path) 不是有效的数据密钥（64 位十六进制数字）")
            }
            return key
        }
        guard creating else {
            throw AppConfig.Problem(description: "数据目录 \(config.dataDirectory) 中没有数据密钥 \(fileName)：请先放入备份所用的密钥")
        }
        try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let hex = key.hex + "\n"
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(hex.utf8), attributes: [.posixPermissions: 0o600])
        else { throw AppConfig.Problem(description: "无法写入数据密钥 \(path)") }
        return key
    }

    /// The keys a restore may need, newest first: the current one, then every key `fuyuan rotate-data-key` retired
    /// (`data.key.retired`, and `data.key.previous` from before the ring), which older backups are sealed under.
    static func keyring(_ config: AppConfig, creating: Bool = true) throws -> [FieldSeal] {
        let current = FieldSeal(masterKey: try load(config, creating: creating))
        var retired: [FieldSeal] = []
        for name in [previousFileName, retiredFileName] {
            let text = (try? String(contentsOfFile: config.dataDirectory + "/" + name, encoding: .utf8)) ?? ""
            for line in text.split(whereSeparator: \.isNewline) {
                guard let key = [UInt8](hex: line.trimmingCharacters(in: .whitespaces)), key.count == 32 else {
                    continue
                }
                retired.append(FieldSeal(masterKey: key))
            }
        }
        var seen: Set<String> = [current.keyID]
        return [current] + retired.reversed().filter { seen.insert($0.keyID).inserted }
    }

    /// Adds `key` to the retired keys, keeping every one already there.
    static func retire(_ key: [UInt8], _ config: AppConfig) throws {
        let path = config.dataDirectory + "/" + retiredFileName
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw AppConfig.Problem(description: "无法写入 \(path)") }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((key.hex + "\n").utf8))
        try handle.synchronize()
    }
}

extension Application {
    private struct FieldSealKey: StorageKey {
        typealias Value = FieldSeal
    }

    private struct PreviousFieldSealKey: StorageKey {
        typealias Value = FieldSeal
    }

    /// The key before the last rotation (`data.key.previous`), if any; set by `configure`.
    var previousFieldSeal: FieldSeal? {
        get { storage[PreviousFieldSealKey.self] }
        set { storage[PreviousFieldSealKey.self] = newValue }
    }

    /// Seals and opens personal fields; set by `configure` from the data key.
    var fieldSeal: FieldSeal {
        get {
            guard let seal = storage[FieldSealKey.self] else { fatalError("configure(_:config:) sets the field seal") }
            return seal
        }
        set { storage[FieldSealKey.self] = newValue }
    }
}

extension Request {
    var fieldSeal: FieldSeal { application.fieldSeal }
}
