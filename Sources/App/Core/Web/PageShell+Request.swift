import Fluent
import FuyuanCore
import Vapor

extension Request {
    /// The page shell for the signed-in caller; `regionCode` is the region the page is about.
    func shell(regionCode: String? = nil) async throws -> PageShell {
        let caller = try requireCaller()
        let current = regionCode ?? caller.regionCode
        var regions: [PageShell.RegionChoice] = []
        if caller.role.readsLowerRegions && caller.role.may(.readOrganisation) {
            regions = try await caller.scope.regions(on: db)
                .filter(\.$level != .township)
                .sort(\.$path)
                .all()
                .map {
                    PageShell.RegionChoice(
                        code: $0.code, name: $0.name,
                        depth: $0.depth - caller.regionPath.split(separator: "/").count + 1)
                }
        }
        return PageShell(
            displayName: caller.displayName, unitName: caller.unitName, roleLabel: caller.role.label,
            csrfToken: caller.csrfToken ?? "",
            nav: Feature.menu(of: application.features, for: caller.role, region: current), regions: regions,
            currentRegionCode: current,
            storageFull: application.storageWatch.isFull(dataDirectory: application.config.dataDirectory))
    }
}
