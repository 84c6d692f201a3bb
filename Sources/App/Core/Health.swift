import SQLKit
import Vapor

/// `/health/live` says the process answers; `/health/ready` that it can also reach its database.
struct HealthCheck {
    struct Status: Content {
        let status: String
    }

    func live(_ request: Request) async throws -> Status { Status(status: "ok") }

    func ready(_ request: Request) async throws -> Response {
        do {
            guard let sql = request.db as? any SQLDatabase else { throw AppError.forbidden }
            _ = try await sql.raw("SELECT 1").all()
            return try await Status(status: "ok").encodeResponse(for: request)
        } catch {
            request.logger.warning("readiness check failed: \(String(reflecting: error))")
            return try await Status(status: "database_unavailable").encodeResponse(
                status: .serviceUnavailable, for: request)
        }
    }
}
