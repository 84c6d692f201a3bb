import Vapor

/// Reading the list parameters every register's API shares, refusing what does not parse (422 naming it).
enum APIQuery {
    /// One of a choice's raw values, or nil when not asked.
    static func choice<Choice: RawRepresentable<String> & CaseIterable>(_ text: String?, _ name: String) throws
        -> Choice?
    {
        guard let text else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw AppError.invalid("\(name)：须为 \(Choice.allCases.map(\.rawValue).joined(separator: "、")) 之一")
        }
        return choice
    }

    /// A keyset cursor from the page before, or nil when not asked.
    static func cursor(_ token: String?) throws -> DayCursor? {
        guard let token else { return nil }
        guard let cursor = DayCursor(token: token) else { throw AppError.invalid("after：须为上一页返回的 next") }
        return cursor
    }
}
