import Vapor

extension Routes {
    /// The methods of the path `path` reaches, for a 405 with `Allow` when a request uses another method. The path is
    /// found the way the API document names paths: a fixed segment wins over a parameter (`/cases/import` is not
    /// `/cases/{id}`).
    func methods(allowedAt path: String) -> [HTTPMethod] {
        var methodsByPath: [[PathComponent]: [HTTPMethod]] = [:]
        for route in all {
            let pattern = route.path.map { if case .parameter = $0 { PathComponent.anything } else { $0 } }
            methodsByPath[pattern, default: []].append(route.method)
        }
        let router = TrieRouter([HTTPMethod].self)
        for (pattern, methods) in methodsByPath where !pattern.isEmpty { router.register(methods, at: pattern) }
        let parts = path.split(separator: "/").map(String.init)
        var parameters = Parameters()
        let found = parts.isEmpty ? methodsByPath[[]] ?? [] : router.route(path: parts, parameters: &parameters) ?? []
        return found.contains(.GET) ? found + [.HEAD] : found
    }
}

/// Thrown by a handler whose path parameter cannot name anything: answered like a path no route has (405 when
/// another method has it, else 404).
struct PathNotFound: AbortError {
    var status: HTTPResponseStatus { .notFound }
}
