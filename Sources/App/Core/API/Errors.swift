import AsyncKit
import PostgresNIO
import Vapor

/// An error whose message is meant for the person or system that made the request.
struct AppError: AbortError {
    let status: HTTPResponseStatus
    let code: String
    let reason: String

    static func notFound(_ what: String) -> AppError {
        AppError(status: .notFound, code: "not_found", reason: "\(what)不存在或无权查看")
    }
    static let unauthorized = AppError(status: .unauthorized, code: "unauthorized", reason: "请先登录")
    static let forbidden = AppError(status: .forbidden, code: "forbidden", reason: "当前角色无权执行此操作")
    static func invalid(_ reason: String) -> AppError {
        AppError(status: .unprocessableEntity, code: "invalid", reason: reason)
    }
    static func conflict(_ reason: String) -> AppError {
        AppError(status: .conflict, code: "conflict", reason: reason)
    }

    /// The reason's problems one by one, as a form lists them (`FieldProblems.summary` joins them with "；").
    var problems: [String] { reason.components(separatedBy: "；") }
}

/// Form and API input problems, each naming the field it concerns.
struct FieldProblems: Error {
    var items: [(field: String, reason: String)] = []
    var isEmpty: Bool { items.isEmpty }
    mutating func add(_ field: String, _ reason: String) { items.append((field, reason)) }
    var summary: String { items.map { "\($0.field)：\($0.reason)" }.joined(separator: "；") }
    func throwIfAny() throws { if !isEmpty { throw AppError.invalid(summary) } }
}

/// Turns every error into a JSON body under `/api` and a page elsewhere; internals never reach a client.
struct ErrorResponder: AsyncMiddleware {
    struct Body: Content {
        struct Detail: Content {
            let code: String
            let message: String
        }
        let error: Detail
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            if let denied = error as? AppError, denied.status == .forbidden { await Self.recordDenial(denied, request) }
            let response = render(error, for: request)
            await IntrusionWatch.note(response.status, request)
            return response
        }
    }

    /// A signed-in caller refused (role, CSRF) is in the audit log; recording never hides the refusal itself.
    private static func recordDenial(_ error: AppError, _ request: Request) async {
        guard request.caller != nil else { return }
        let route = "\(request.method.rawValue) \(request.url.path)"
        try? await request.db.write { db in
            try await request.audit(
                .accessDenied, object: ("route", route), summary: "拒绝 \(route)：\(error.reason)", on: db)
        }
    }

    /// The database cannot be reached right now (PostgreSQL down, restarting or the connection lost): the request may
    /// be sent again and will work once the pool has reconnected, which it does by itself.
    static func databaseUnavailable(_ error: any Error) -> Bool {
        if error is ConnectionPoolTimeoutError { return true }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .connectionError, .clientClosedConnection, .serverClosedConnection, .uncleanShutdown, .poolClosed:
            return true
        case .server:
            // Class 08: connection exception; 57P01–57P03: shutdown, crash shutdown, cannot connect now.
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default:
            return false
        }
    }

    /// Names the field a decoding error concerns, in Chinese.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "请求内容" : "字段 " + keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return (parent == "请求内容" ? "" : parent + " 中") + "缺少字段 \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)) 的类型或取值不正确"
        case .dataCorrupted(let context):
            return "\(path(context)) 的取值不正确：\(context.debugDescription)"
        @unknown default:
            return "请求内容格式错误"
        }
    }

    func render(_ error: any Error, for request: Request) -> Response {
        let status: HTTPResponseStatus
        let code: String
        let message: String
        var allowed: [HTTPMethod] = []
        if error is RouteNotFound || error is PathNotFound {
            allowed = request.application.methodIndex.methods(allowedAt: request.url.path)
            if allowed.contains(request.method) { allowed = [] }
        }
        switch error {
        case _ where StorageFull.holds(error):
            request.logger.error("storage full: \(String(reflecting: error))")
            request.application.storageWatch.noteFull()
            (status, code, message) = (StorageFull.refusal.status, StorageFull.refusal.code, StorageFull.refusal.reason)
        case let appError as AppError:
            (status, code, message) = (appError.status, appError.code, appError.reason)
        case let decoding as DecodingError:
            (status, code, message) = (.badRequest, "bad_request", Self.describe(decoding))
        case _ where Self.databaseUnavailable(error):
            request.logger.warning("database unavailable: \(String(reflecting: error))")
            (status, code, message) = (.serviceUnavailable, "database_unavailable", "数据库暂时不可用，请稍后重试；若持续出现请联系系统管理员")
        case _ where !allowed.isEmpty:
            let names = allowed.map(\.rawValue).joined(separator: "、")
            (status, code, message) = (
                .methodNotAllowed, "method_not_allowed", "该地址不支持 \(request.method.rawValue) 方法；可用：\(names)"
            )
        case let abort as any AbortError where abort.status == .payloadTooLarge:
            let refusal = BodyLimitMiddleware.refusal(
                limit: BodyLimitMiddleware.limit(for: request.headers.contentType) ?? CSRFMiddleware.uploadLimit)
            (status, code, message) = (refusal.status, refusal.code, refusal.reason)
        case let abort as any AbortError where abort.status.code < 500:
            status = abort.status
            code = abort.status == .notFound ? "not_found" : "bad_request"
            message = abort.status == .notFound ? "页面或接口不存在" : "请求有误：\(abort.reason)"
        default:
            request.logger.report(error: error)
            (status, code, message) = (.internalServerError, "internal", "服务器内部错误，请稍后重试或联系系统管理员")
        }
        let response: Response
        // Pages' own scripts ask for JSON with the Accept header.
        if request.url.path.hasPrefix("/api/") || request.headers.accept.mediaTypes.first == .json {
            response = Response(status: status)
            try? response.content.encode(Body(error: .init(code: code, message: message)), as: .json)
        } else {
            response = Response(status: status, body: .init(string: Layout.errorPage(status: status, message: message)))
            response.headers.contentType = .html
        }
        if !allowed.isEmpty {
            response.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
        }
        if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
        if status == .unauthorized, request.url.path.hasPrefix("/api/") {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
        }
        return response
    }
}
