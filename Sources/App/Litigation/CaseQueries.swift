import Fluent
import FuyuanCore
import Vapor

/// The cases list and a single case, always within the caller's scope (applied in the query).
enum CaseQueries {
    enum State: String, CaseIterable, Sendable {
        case pending, concluded, lost

        var label: String {
            switch self {
            case .pending: "未结"
            case .concluded: "已结"
            case .lost: "败诉"
            }
        }
    }

    struct Filter: Sendable {
        var unit: UUID?
        var state: State?
        var number: String?
        var page = 1
    }

    struct Row: Sendable {
        let id: UUID
        let number: String
        let unitName: String
        let regionCode: String
        let regionName: String
        let actionType: ActionType
        let filedOn: String
        let concludedOn: String?
        let outcome: Outcome?
        let heard: Int
        let appeared: Int
    }

    static let pageSize = 50

    /// Cases of `region` and the regions below it, newest filing first, with the total for paging.
    static func list(region: Region, scope: Scope, filter: Filter, on db: any Database) async throws -> (
        rows: [Row], total: Int
    ) {
        var query = scope.restrict(
            AdminCase.query(on: db)
                .join(Region.self, on: \AdminCase.$region.$id == \Region.$id)
                .join(Unit.self, on: \AdminCase.$defendant.$id == \Unit.$id)
        )
        .group(.or) {
            $0.filter(Region.self, \.$path == region.path).filter(Region.self, \.$path =~ (region.path + "/"))
        }
        if let unit = filter.unit { query = query.filter(\.$defendant.$id == unit) }
        switch filter.state {
        case .pending: query = query.filter(\.$concludedOn == nil)
        case .concluded: query = query.filter(\.$concludedOn != nil)
        case .lost: query = query.filter(\.$outcome ~~ Outcome.allCases.filter(\.isLoss).map { Optional($0) })
        case nil: break
        }
        if let number = filter.number, !number.isEmpty { query = query.filter(\.$caseNumber ~~ number) }
        let total = try await query.copy().count()
        let start = (max(filter.page, 1) - 1) * pageSize
        let cases = try await query.sort(\.$filedOn, .descending).sort(\.$caseNumber).range(start..<start + pageSize)
            .all()
        let hearings = try await Hearing.query(on: db).filter(\.$adminCase.$id ~~ cases.compactMap(\.id)).all()
        let byCase = Dictionary(grouping: hearings, by: { $0.$adminCase.id })
        let rows = try cases.map { item in
            Row(
                id: try item.requireID(), number: item.caseNumber, unitName: try item.joined(Unit.self).name,
                regionCode: try item.joined(Region.self).code, regionName: try item.joined(Region.self).name,
                actionType: item.actionType, filedOn: item.filedOn,
                concludedOn: item.concludedOn, outcome: item.outcome, heard: byCase[item.id!]?.count ?? 0,
                appeared: byCase[item.id!]?.filter(\.headAppeared).count ?? 0)
        }
        return (rows, total)
    }

    struct Detail: Sendable {
        let adminCase: AdminCase
        let hearings: [Hearing]
        let unitName: String
        let region: Region
    }

    /// A case by id, or 404 when it does not exist or its region lies outside the scope.
    static func detail(id: UUID, scope: Scope, on db: any Database) async throws -> Detail {
        guard
            let item = try await scope.restrict(
                AdminCase.query(on: db)
                    .join(Region.self, on: \AdminCase.$region.$id == \Region.$id)
                    .join(Unit.self, on: \AdminCase.$defendant.$id == \Unit.$id)
            ).filter(\.$id == id).first()
        else { throw AppError.notFound("案件") }
        let hearings = try await Hearing.query(on: db).filter(\.$adminCase.$id == id).sort(\.$heldOn).all()
        return Detail(
            adminCase: item, hearings: hearings, unitName: try item.joined(Unit.self).name,
            region: try item.joined(Region.self))
    }
}
