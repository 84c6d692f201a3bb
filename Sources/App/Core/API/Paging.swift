import Foundation
import FuyuanCore

/// Page numbers as clients send them, made safe to compute with.
enum Paging {
    /// `asked`, at least 1 and at most the largest page whose rows' positions (up to one past the page, to see
    /// whether another follows) fit in an `Int`: a page past the last one is simply empty, never an overflow.
    static func page(_ asked: Int?, size: Int) -> Int {
        min(max(1, asked ?? 1), Int.max / size - 1)
    }
}

/// Where a keyset page ends: the last row's day in the list's order and its id, so that the next page starts after
/// it however deep it is. As a token (`next`, `after`) it is opaque to clients: base64url of `day,id`.
struct DayCursor: Sendable, Equatable {
    let day: String
    let id: UUID

    init(day: String, id: UUID) { (self.day, self.id) = (day, id) }

    init?(token: String) {
        guard let data = Data(base64URL: token), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ",")
        guard parts.count == 2, CalendarDay(parsing: String(parts[0])) != nil,
            let id = UUID(uuidString: String(parts[1]))
        else { return nil }
        (day, self.id) = (String(parts[0]), id)
    }

    var token: String { Data("\(day),\(id.uuidString)".utf8).base64URL }
}

extension SitePath {
    /// `path` with `items` as its query.
    init(_ path: SitePath, query items: [URLQueryItem]) {
        var components = URLComponents()
        components.queryItems = items
        let query = components.percentEncodedQuery ?? ""
        self.init(url: path.url + (query.isEmpty ? "" : "?" + query))
    }
}
