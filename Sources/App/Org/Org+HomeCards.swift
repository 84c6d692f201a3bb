import Fluent
import Foundation
import FuyuanCore

extension HomeCard {
    /// The accounts the administrators look after: locked by failed sign-ins, for the security administrator, who
    /// unlocks them; disabled (by hand or for dormancy), for the system administrator, who enables them again.
    static let org: Source = { context in
        let caller = context.caller
        var cards: [HomeCard] = []
        if caller.role.may(.assignRoles) {
            let locked = try await OrgQueries.lockedAccounts(at: context.now, scope: caller.scope, on: context.db)
            cards.append(
                HomeCard(
                    key: "org.lockedAccounts", title: "已锁定的账户", count: locked.count, href: .users,
                    rows: locked.prefix(rowLimit).map {
                        Row(
                            title: "\($0.displayName)（\($0.username)）", href: .users,
                            note: "锁定至 \(ChineseTime.minute($0.until))")
                    }, empty: "没有被锁定的账户", urgency: .now))
        }
        if caller.role.may(.manageAccounts) {
            let disabled = try await OrgQueries.disabledAccounts(scope: caller.scope, limit: rowLimit, on: context.db)
            cards.append(
                HomeCard(
                    key: "org.disabledAccounts", title: "已停用的账户", count: disabled.total, href: .users,
                    rows: disabled.rows.map {
                        Row(title: "\($0.displayName)（\($0.username)）", href: .users, note: $0.unitName)
                    }, empty: "没有停用的账户", urgency: .soon))
        }
        return cards
    }
}
