import Crypto
import Fluent
import FuyuanCore
import Vapor

/// `Idempotency-Key` on the API's POST requests: a request sent again with the same key (after a timeout, a lost
/// answer, a crash) gets the first answer again instead of doing the work twice. The key is recorded by
/// `Database.write` inside the write's own transaction, so a key is taken exactly when its write commits; the answer
/// is stored once it is known. Keys belong to their user; one used with a different request is refused.
struct IdempotencyMiddleware: AsyncMiddleware {
    static let header = "Idempotency-Key"
    /// Answers larger than this are not kept for replay (the key still guards against doing the work twice).
    static let maximumStoredBody = 1 << 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: Self.header),
            let caller = request.caller
        else { return try await next.respond(to: request) }
        guard (1...200).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x21 })
        else {
            throw AppError(status: .badRequest, code: "bad_request", reason: "Idempotency-Key 须为 1 至 200 个可见 ASCII 字符")
        }
        // A streamed body (the case import) cannot be fingerprinted; that import is idempotent by case number.
        guard let body = request.body.data ?? (request.headers.first(name: .contentLength) == nil ? ByteBuffer() : nil)
        else { return try await next.respond(to: request) }
        var digest = SHA256()
        digest.update(data: Data("\(request.method.rawValue) \(request.url.path)\n".utf8))
        digest.update(data: Self.canonical(Data(buffer: body), json: request.headers.contentType == .json))
        let fingerprint = digest.finalize().hex

        if let earlier = try await IdempotencyKey.query(on: request.db).filter(\.$userID == caller.userID)
            .filter(\.$key == key).first()
        {
            guard earlier.fingerprint == fingerprint else {
                throw AppError.invalid("Idempotency-Key “\(key)” 已用于另一个请求")
            }
            guard let status = earlier.status else {
                throw AppError(
                    status: .conflict, code: "already_done", reason: "该请求已经执行，但当时的答复未能保存；请查询结果，不要重复提交")
            }
            let response = Response(
                status: HTTPResponseStatus(statusCode: status), body: .init(string: earlier.body ?? ""))
            if let type = earlier.contentType { response.headers.replaceOrAdd(name: .contentType, value: type) }
            response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
            return response
        }

        let pending = IdempotencyKey(
            userID: caller.userID, key: key, fingerprint: fingerprint, createdAt: request.now)
        let response: Response
        do {
            response = try await IdempotencyKey.$pending.withValue(pending) { try await next.respond(to: request) }
        } catch let error as any DatabaseError where error.isConstraintFailure && pending.isRecorded == false {
            throw AppError(status: .conflict, code: "in_progress", reason: "同一 Idempotency-Key 的请求正在处理，请稍后重试")
        }
        guard (200..<300).contains(response.status.code) else { return response }
        let stored = response.body.buffer.flatMap { $0.readableBytes <= Self.maximumStoredBody ? $0 : nil }
        pending.status = Int(response.status.code)
        pending.body = stored.map { String(buffer: $0) }
        pending.contentType = response.headers.first(name: .contentType)
        if pending.isRecorded {
            try await pending.update(on: request.db)
        } else {
            // The handler wrote nothing through `Database.write`; keep the answer all the same.
            try? await pending.create(on: request.db)
        }
        return response
    }
}

extension IdempotencyMiddleware {
    /// JSON with its keys sorted, so that the same request written with its keys in another order is the same.
    static func canonical(_ body: Data, json: Bool) -> Data {
        guard json, let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
            let sorted = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        else { return body }
        return sorted
    }
}

/// A used `Idempotency-Key` with its request's fingerprint and, once known, the answer given.
final class IdempotencyKey: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    /// The key of the request this task is handling, for `Database.write` to record in its transaction.
    @TaskLocal static var pending: IdempotencyKey?

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "user_id") var userID: UUID
    @Field(key: "key") var key: String
    /// SHA-256 of the method, path and body.
    @Field(key: "fingerprint") var fingerprint: String
    /// The answer's status; nil while unknown (committed, answer not yet stored).
    @OptionalField(key: "status") var status: Int?
    @OptionalField(key: "body") var body: String?
    @OptionalField(key: "content_type") var contentType: String?
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] { [$id, $userID, $key, $fingerprint, $status, $body, $contentType, $createdAt] }

    init() {}

    init(userID: UUID, key: String, fingerprint: String, createdAt: Date) {
        self.userID = userID
        self.key = key
        self.fingerprint = fingerprint
        self.createdAt = createdAt
    }

    /// Whether `Database.write` has inserted this row in its transaction.
    var isRecorded: Bool { $id.exists }
}

struct CreateIdempotencyKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IdempotencyKey.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("key", .string, .required)
            .field("fingerprint", .string, .required)
            .field("status", .int)
            .field("body", .string)
            .field("content_type", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdempotencyKey.schema).delete()
    }
}
