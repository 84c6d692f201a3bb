import Vapor

extension Response {
    /// A file sent as a download, never rendered inline: its name in UTF-8 (RFC 6266), `fallback` for old clients.
    static func download(_ body: Response.Body, contentType: String, name: String, fallback: String) -> Response {
        let response = Response(status: .ok, body: body)
        response.headers.replaceOrAdd(name: .contentType, value: contentType)
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? fallback
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)")
        return response
    }
}
