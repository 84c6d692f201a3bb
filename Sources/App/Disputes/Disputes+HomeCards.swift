import Foundation
import FuyuanCore

extension HomeCard {
    /// For a handling unit's people, the disputes assigned to its handlers that wait for its answer; for the centre, the office
    /// and leaders, the disputes whose step is late in the region (and below); for leaders, this year's figures
    /// against the targets. None shows when there is nothing in it.
    static let disputes: Source = { context in
        let role = context.caller.role
        var cards: [HomeCard] = []
        if role.may(.handleParts) && context.isOwnRegion {
            let open = try await DisputeQueries.awaitingAnswer(
                unit: context.caller.unitID, limit: rowLimit, on: context.db)
            if open.total > 0 {
                cards.append(
                    HomeCard(
                        key: "disputes.toAnswer", title: "待反馈的行政争议", count: open.total,
                        href: .disputes(
                            context.regionCode,
                            filter: .init(handling: context.caller.unitID, state: .assigned, order: .due)),
                        rows: open.rows.map {
                            Row(
                                title: "\($0.number)：\($0.applicant)与\($0.agencyName)", href: .dispute($0.id),
                                note: "待\($0.state.nextStep ?? "")，期限 \(HomeCard.day($0.stepDue))")
                        }, empty: "没有待反馈的行政争议", urgency: .now))
            }
        }
        if role != .liaison && role.may(.readLitigation) {
            let overdue = try await DisputeQueries.overdue(
                region: context.region, scope: context.caller.scope, today: context.today, limit: rowLimit,
                on: context.db)
            if overdue.total > 0 {
                cards.append(
                    HomeCard(
                        key: "disputes.overdue", title: "环节逾期的行政争议", count: overdue.total,
                        href: .disputes(context.regionCode, filter: .init(state: .overdue, order: .due)),
                        rows: overdue.rows.map {
                            Row(
                                title: "\($0.number)：\($0.applicant)与\($0.agencyName)", href: .dispute($0.id),
                                note: "待\($0.state.nextStep ?? "")，期限 \(HomeCard.day($0.stepDue))")
                        }, empty: "没有环节逾期的行政争议",
                        urgency: role.may(.resolveDisputes) && context.isOwnRegion ? .now : .overview))
            }
        }
        if role == .leader {
            let today = context.today
            let line = try await DisputeFiguresQueries.total(
                region: context.region, period: AskedPeriod.period(from: nil, to: nil, today: today), today: today,
                on: context.db)
            if line.disputes.registered > 0 {
                let targets = try await DisputeQueries.targets(of: context.region, on: context.db)
                let met = { (met: Bool?) in met.map { $0 ? "达标" : "未达标" } ?? "—" }
                let href = SitePath.disputeFigures(context.regionCode)
                cards.append(
                    HomeCard(
                        key: "disputes.figures", title: "行政争议化解（本年）", count: line.disputes.registered, href: href,
                        rows: [
                            Row(
                                title: "化解率 \(Rate.text(line.disputes.resolutionRate))", href: href,
                                note:
                                    "目标 ≥\(targets.resolutionRate)%，\(met(targets.meetsResolution(line.disputes.resolutionRate)))"
                            ),
                            Row(
                                title: "新收行政案件同比 \(DisputeFiguresView.change(line.newCasesChange))", href: href,
                                note:
                                    "目标 ≤\(targets.newCasesChange)%，\(met(targets.meetsNewCases(line.newCasesChange)))"),
                            Row(
                                title: "调解撤诉率 \(Rate.text(line.cases.mediatedWithdrawalRate))", href: href,
                                note:
                                    "目标 ≥\(targets.mediatedWithdrawalRate)%，\(met(targets.meetsWithdrawals(line.cases.mediatedWithdrawalRate)))"
                            ),
                        ], empty: "本年尚未登记行政争议", urgency: .overview))
            }
        }
        return cards
    }
}
