import Vapor

/// Refuses text that holds a control character (a NUL, an escape, a backspace…) at the door, naming the field:
/// PostgreSQL cannot store a NUL, SQLite hands text back only up to one, and none belongs in what a person types.
/// Tab and line breaks are kept. Checked: the query string, form fields and every string of a JSON body (a raw
/// control character is not JSON at all, so only its escape `\u0000` can arrive there). File names of uploads are
/// checked where the file is taken (`AttachmentStore`).
struct ControlCharacterMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let field = try await Self.offendingField(request) { throw Self.refusal(field) }
        return try await next.respond(to: request)
    }

    static func refusal(_ field: String) -> AppError {
        AppError.invalid("\(field)：含有控制字符（如 NUL 或转义符），请删除后重试")
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    static func holdsControl(_ text: some StringProtocol) -> Bool { text.unicodeScalars.contains(where: isControl) }

    /// The name of the first field whose text holds a control character, or nil.
    private static func offendingField(_ request: Request) async throws -> String? {
        if let query = request.url.query, let field = formField(query) { return field }
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return nil }
        switch request.headers.contentType {
        case .some(.urlEncodedForm):
            let body = try await request.body.collect(max: CSRFMiddleware.formLimit).get()
            return body.flatMap { formField(String(buffer: $0)) }
        case .some(.json):
            let body = try await request.body.collect(max: CSRFMiddleware.formLimit).get()
            return body.flatMap { jsonField(Data(buffer: $0)) }
        default:
            return nil
        }
    }

    /// `a=1&b=x%00y` → "b".
    static func formField(_ encoded: String) -> String? {
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            let name = decoded(parts[0])
            if holdsControl(name) || (parts.count == 2 && holdsControl(decoded(parts[1]))) {
                return name.filter { !isControl($0.unicodeScalars.first ?? " ") }
            }
        }
        return nil
    }

    /// The key path of the first JSON string holding a control character (`members[2].name`), or nil. Bodies without
    /// a `\u00` or `\u007f` escape are passed without parsing.
    static func jsonField(_ data: Data) -> String? {
        guard data.range(of: Data(#"\u00"#.utf8)) != nil || data.range(of: Data(#"\u007"#.utf8)) != nil,
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        func find(_ value: Any, _ path: String) -> String? {
            switch value {
            case let text as String: return holdsControl(text) ? path : nil
            case let object as [String: Any]:
                for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                    let keyPath = path.isEmpty ? key : path + "." + key
                    if holdsControl(key) { return path.isEmpty ? "字段名" : path }
                    if let found = find(child, keyPath) { return found }
                }
                return nil
            case let array as [Any]:
                for (index, child) in array.enumerated() {
                    if let found = find(child, "\(path)[\(index)]") { return found }
                }
                return nil
            default: return nil
            }
        }
        return find(value, "").map { $0.isEmpty ? "请求内容" : $0 }
    }
}
