import Foundation
import Vapor

/// The shape of one address, such as `/regions/:code/ledger`: fixed segments and named parameters. A feature
/// registers its routes with it and builds its links and redirects from it (`SitePath`), so that every path is
/// written once, in the feature's own path type (`LedgerPath`, `OrgPath`, …).
struct PathPattern: Sendable, ExpressibleByStringLiteral {
    let text: String

    init(stringLiteral text: String) { self.text = text }

    /// The route's components for Vapor's router (`:code` is a parameter).
    var components: [PathComponent] { text.split(separator: "/").map { PathComponent(stringLiteral: String($0)) } }

    /// The address with `values` in place of the parameters, in order.
    func path(_ values: any CustomStringConvertible...) -> SitePath {
        var remaining = values.map(\.description)[...]
        let segments = text.split(separator: "/").map { segment in
            segment.hasPrefix(":") ? remaining.popFirst() ?? "" : String(segment)
        }
        return SitePath(url: "/" + segments.joined(separator: "/"))
    }
}

/// An address a page links to, posts to or redirects to, made from a feature's `PathPattern`. Each feature adds its
/// own (`SitePath.ledger(_:)` in `Ledger/LedgerPath.swift`), so that views write `.href(.ledger(code))`.
struct SitePath: Sendable, Equatable {
    let url: String
}

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ pattern: PathPattern, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.GET, pattern.components, use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ pattern: PathPattern, body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.POST, pattern.components, body: body, use: handler)
    }

    @discardableResult
    func put<Response: AsyncResponseEncodable>(
        _ pattern: PathPattern, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.PUT, pattern.components, use: handler)
    }

    @discardableResult
    func patch<Response: AsyncResponseEncodable>(
        _ pattern: PathPattern, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.PATCH, pattern.components, use: handler)
    }
}
