import FuyuanCore
import Vapor

/// The key that seals personal fields at rest and backups (SM4 + HMAC-SM3, `FieldSeal`): `FUYUAN_DATA_KEY` (64 hex
/// digits), or else `data.key` in the data directory, made with 32 random bytes on first start and readable by its
/// owner only. Several instances on PostgreSQL must share one `FUYUAN_DATA_KEY`. Losing the key loses the sealed
/// fields and every backup: keep a copy apart from the backups.
enum DataKey {
    static let fileName = "data.key"

    static func load(_ config: AppConfig) throws -> [UInt8] {
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

    /// The keys a restore may need, newest first: the current one and, after `fuyuan rotate-data-key` with a key
    /// file, the one before it (`data.key.previous`), which older backups are sealed under.
    static func keyring(_ config: AppConfig) throws -> [FieldSeal] {
        let previous =
            (try? String(contentsOfFile: config.dataDirectory + "/" + fileName + ".previous", encoding: .utf8))
            .flatMap { [UInt8](hex: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }.flatMap {
                $0.count == 32 ? FieldSeal(masterKey: $0) : nil
            }
        return [FieldSeal(masterKey: try load(config))] + (previous.map { [$0] } ?? [])
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
