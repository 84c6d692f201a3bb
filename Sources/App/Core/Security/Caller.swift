import Fluent
import FuyuanCore
import Vapor

/// The signed-in user of a request, with their unit, region and the credential they came with.
struct Caller: Sendable {
    enum Credential: Sendable, Equatable {
        case session(id: UUID, csrfToken: String)
        case token(id: UUID)
    }

    let userID: UUID
    let username: String
    let displayName: String
    let role: Role
    let unitID: UUID
    let unitName: String
    let regionID: UUID
    let regionCode: String
    let regionName: String
    let regionPath: String
    let mustChangePassword: Bool
    /// An administrator without a second factor where the policy requires one (`FUYUAN_REQUIRE_SECOND_FACTOR`).
    var mustSetUpSecondFactor = false
    let credential: Credential

    var scope: Scope { Scope(regionPath: regionPath, includesLower: role.readsLowerRegions) }

    var csrfToken: String? {
        if case .session(_, let token) = credential { return token }
        return nil
    }

    func require(_ action: Action) throws {
        guard role.may(action) else { throw AppError.forbidden }
    }

    /// Office staff write in their own region only; a system administrator anywhere in scope
    /// (the region was already loaded through the scope filter).
    func mayWrite(inRegion regionID: UUID) -> Bool {
        role == .systemAdmin || regionID == self.regionID
    }
}

extension Request {
    private struct CallerKey: StorageKey { typealias Value = Caller }
    private struct ExpiredKey: StorageKey { typealias Value = Bool }

    var caller: Caller? {
        get { storage[CallerKey.self] }
        set { storage[CallerKey.self] = newValue }
    }

    /// Set when the request carried a session that had timed out.
    var sessionExpired: Bool {
        get { storage[ExpiredKey.self] ?? false }
        set { storage[ExpiredKey.self] = newValue }
    }

    func requireCaller() throws -> Caller {
        guard let caller else { throw AppError.unauthorized }
        return caller
    }

    /// The caller, refused with 403 unless their role may do `action`.
    func caller(for action: Action) throws -> Caller {
        let caller = try requireCaller()
        try caller.require(action)
        return caller
    }

    /// The address the request came from: the peer's, or, when the peer is a trusted gateway
    /// (`FUYUAN_TRUSTED_PROXIES`), the one the gateways' `X-Forwarded-For` names.
    var clientAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
            trusted: application.config.trustedProxies)
    }
}

/// Which address a request is attributed to (audit, sign-in throttling, alerts). Behind a gateway every peer is the
/// gateway; it appends the address it received from to `X-Forwarded-For`, so, read from the right, the first
/// address that is not one of our own trusted gateways is the client. A header that is not from a trusted peer is
/// ignored: anyone can write one.
enum ClientAddress {
    static func resolve(peer: String?, forwardedFor: [String], trusted: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return isAddress(hop) ? hop : peer
        }
        return peer
    }

    /// An IPv4 or IPv6 address in text, nothing else.
    static func isAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

extension Request {
    /// The `:id` path parameter; a malformed one is simply not found.
    func idParameter() throws -> UUID {
        // What is not an id names no object and no route: `GET /cases/import` is a POST-only path, so 405, not 404.
        guard let text = parameters.get("id"), let id = UUID(uuidString: text) else { throw PathNotFound() }
        return id
    }
}
