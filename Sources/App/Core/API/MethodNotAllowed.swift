import Vapor

/// The methods each registered path answers, for a 405 with `Allow` when a request uses another method: built once
/// from the routes when the app is configured (a router per 404 cost more than the request). The path is found the
/// way the API document names paths: a fixed segment wins over a parameter (`/cases/import` is not `/cases/{id}`).
final class MethodIndex: @unchecked Sendable {
    /// Only read once built (`route` does not change it), so it is shared by every request.
    private let router: TrieRouter<[HTTPMethod]>
    private let root: [HTTPMethod]

    init(_ routes: Routes) {
        var methodsByPath: [[PathComponent]: [HTTPMethod]] = [:]
        for route in routes.all {
            let pattern = route.path.map { if case .parameter = $0 { PathComponent.anything } else { $0 } }
            methodsByPath[pattern, default: []].append(route.method)
        }
        let router = TrieRouter([HTTPMethod].self)
        for (pattern, methods) in methodsByPath where !pattern.isEmpty { router.register(methods, at: pattern) }
        self.router = router
        root = methodsByPath[[]] ?? []
    }

    /// The methods of the path `path` reaches (with HEAD where GET is), none when no route has it.
    func methods(allowedAt path: String) -> [HTTPMethod] {
        let parts = path.split(separator: "/").map(String.init)
        var parameters = Parameters()
        let found = parts.isEmpty ? root : router.route(path: parts, parameters: &parameters) ?? []
        return found.contains(.GET) ? found + [.HEAD] : found
    }
}

extension Application {
    private struct MethodIndexKey: StorageKey {
        typealias Value = MethodIndex
    }

    /// The methods of every path; set by `configure` once the routes are registered.
    var methodIndex: MethodIndex {
        get { storage[MethodIndexKey.self] ?? MethodIndex(routes) }
        set { storage[MethodIndexKey.self] = newValue }
    }
}

/// Thrown by a handler whose path parameter cannot name anything: answered like a path no route has (405 when
/// another method has it, else 404).
struct PathNotFound: AbortError {
    var status: HTTPResponseStatus { .notFound }
}
