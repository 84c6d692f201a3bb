import SQLKit
import Vapor

/// `/health/live` says the process answers; `/health/ready` that it can also reach its database and has room to write
/// (503 `storage_full` otherwise: reading goes on, writes are refused).
struct HealthCheck {
    struct Status: Content {
        let status: String
    }

    func live(_ request: Request) async throws -> Status { Status(status: "ok") }

    func ready(_ request: Request) async throws -> Response {
        do {
            let sql = try request.db.sql()
            _ = try await sql.raw("SELECT 1").all()
            if request.application.storageWatch.isFull(dataDirectory: request.application.config.dataDirectory) {
                return try await Status(status: "storage_full").encodeResponse(
                    status: .serviceUnavailable, for: request)
            }
            return try await Status(status: "ok").encodeResponse(for: request)
        } catch {
            request.logger.warning("readiness check failed: \(String(reflecting: error))")
            return try await Status(status: "database_unavailable").encodeResponse(
                status: .serviceUnavailable, for: request)
        }
    }
}
