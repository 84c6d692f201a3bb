import Fluent
import FuyuanCore
import Vapor

/// What the documents pages and API read: the region's units to match names against, and its documents.
enum DocumentQueries {
    static func units(of region: Region, on db: any Database) async throws -> RegionUnits {
        struct Row: Decodable {
            let name: String
            let kind: UnitKind
        }
        let rows = try await db.sql().raw(
            "SELECT name, kind FROM units WHERE region_id = \(bind: try region.requireID()) ORDER BY name"
        ).all(decoding: Row.self)
        return RegionUnits(rows.map { .init(name: $0.name, kind: $0.kind) }, regionName: region.name)
    }

    /// The region's documents, newest first (a region uploads a few a year).
    static func documents(of region: Region, on db: any Database) async throws -> [LedgerDocument] {
        try await LedgerDocument.query(on: db).filter(\.$region.$id == region.requireID())
            .sort(\.$createdAt, .descending).sort(\.$id).limit(200).all()
    }

    /// The document `id` and its region, when the region lies in `scope`; 404 otherwise.
    static func document(_ id: UUID, within scope: Scope, on db: any Database) async throws -> (
        LedgerDocument, Region
    ) {
        guard
            let region = try await scope.regions(on: db)
                .join(LedgerDocument.self, on: \Region.$id == \LedgerDocument.$region.$id)
                .filter(LedgerDocument.self, \.$id == id).first()
        else { throw AppError.notFound("公文") }
        return (try await document(id, of: region, on: db), region)
    }

    /// The document `id` of `region`; 404 when it is another region's.
    static func document(_ id: UUID, of region: Region, on db: any Database) async throws -> LedgerDocument {
        guard
            let document = try await LedgerDocument.query(on: db).filter(\.$id == id)
                .filter(\.$region.$id == region.requireID()).first()
        else { throw AppError.notFound("公文") }
        return document
    }
}
