import Fluent
import FuyuanCore
import Vapor

enum SupervisionDTO {
    struct Target: Content {
        let id: UUID
        let unitID: UUID
        let unitName: String
        let response: String?
        let respondedBy: String?
        let respondedAt: Date?
    }

    struct Supervision: Content {
        let id: UUID
        let kind: App.Supervision.Kind
        let tone: App.Supervision.Tone
        let reference: String
        let itemID: UUID?
        let text: String
        let respondBy: String
        let issuedBy: String
        let targets: [Target]
    }

    struct Response: Content {
        let text: String
    }

    static func from(_ row: SupervisionQueries.Row) -> Supervision {
        Supervision(
            id: row.id, kind: row.kind, tone: row.tone, reference: row.reference, itemID: row.itemID, text: row.text,
            respondBy: row.respondBy, issuedBy: row.issuedBy,
            targets: row.targets.map {
                Target(
                    id: $0.id, unitID: $0.unitID, unitName: $0.unitName, response: $0.response,
                    respondedBy: $0.respondedBy, respondedAt: $0.respondedAt)
            })
    }
}

struct SupervisionAPI {
    func list(_ request: Request) async throws -> [SupervisionDTO.Supervision] {
        let caller = try request.caller(for: .readLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await SupervisionQueries.rows(regionID: region.requireID(), on: request.db).map(SupervisionDTO.from)
    }

    func issue(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let supervision = try await SupervisionStore.issue(
            try request.content.decode(SupervisionStore.Input.self), region: region, as: try request.acting())
        let row = try await SupervisionQueries.rows(regionID: region.requireID(), on: request.db).first {
            $0.id == supervision.id
        }!
        return try await SupervisionDTO.from(row).encodeResponse(status: .created, for: request)
    }

    func respond(_ request: Request) async throws -> HTTPStatus {
        let caller = try request.caller(for: .handleParts)
        let target = try await SupervisionStore.target(request.idParameter(), scope: caller.scope, on: request.db)
        try await SupervisionStore.respond(
            target, text: try request.content.decode(SupervisionDTO.Response.self).text, as: try request.acting())
        return .noContent
    }
}
