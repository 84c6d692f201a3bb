import Vapor

/// One limit on a request's body for each kind of body, the same on every connection: a form or JSON body up to
/// `CSRFMiddleware.formLimit`, an upload form up to `CSRFMiddleware.uploadLimit`. Vapor checks a route's own limit
/// only while it still has to read the body, so a body that arrived whole with its headers on a kept-alive
/// connection was taken whatever its size; this checks the declared length first and the arrived body as well.
/// Files sent as the body itself (the streamed case import) keep their own, larger limit (`Request.spoolBody`).
struct BodyLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let limit = Self.limit(for: request.headers.contentType) {
            let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
            let arrived = request.body.data?.readableBytes ?? 0
            if max(declared, arrived) > limit { throw Self.refusal(limit: limit) }
        }
        return try await next.respond(to: request)
    }

    /// The limit for a body of `type`; nil for files sent as they are (imports stream and count them as they read).
    static func limit(for type: HTTPMediaType?) -> Int? {
        switch type {
        case .none, .some(.json), .some(.urlEncodedForm): CSRFMiddleware.formLimit
        case .some(let type) where type.type == "multipart": CSRFMiddleware.uploadLimit
        default: nil
        }
    }

    static func refusal(limit: Int) -> AppError {
        AppError(
            status: .payloadTooLarge, code: "too_large",
            reason: limit >= 1 << 20
                ? "内容过大：上传的文件或提交的内容不能超过 \(limit >> 20) MB" : "内容过大：不能超过 \(limit >> 10) KB")
    }
}
