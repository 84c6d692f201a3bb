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
            csrfToken: caller.csrfToken ?? "", nav: Self.nav(for: caller.role, region: current), regions: regions,
            currentRegionCode: current,
            storageFull: application.storageWatch.isFull(dataDirectory: application.config.dataDirectory))
    }

    private static func nav(for role: Role, region: String) -> [PageShell.NavItem] {
        switch role {
        case .office, .liaison, .court, .leader:
            [
                .init(label: "首页", path: .region(region)), .init(label: "工作台账", path: .ledger(region)),
                .init(label: "督办", path: .supervision(region)), .init(label: "行政诉讼", path: .litigation(region)),
                .init(label: "通知", path: .notices),
                .init(label: "联席会议", path: .meeting(region)), .init(label: "单位", path: .units(region)),
            ]
        case .systemAdmin:
            [
                .init(label: "区划管理", path: .regionsAdmin), .init(label: "单位", path: .units(region)),
                .init(label: "用户", path: .users), .init(label: "接口令牌", path: .tokens),
            ]
        case .securityAdmin:
            [.init(label: "用户与角色", path: .users), .init(label: "安全告警", path: .securityAlerts)]
        case .auditAdmin:
            [.init(label: "审计日志", path: .audit)]
        }
    }
}
