import FuyuanCore

extension HomeCard {
    /// Supervision awaiting the caller's unit's response, in their own region.
    static let supervision: Source = { context in
        let caller = context.caller
        guard caller.role.may(.handleParts), caller.regionID == context.regionID else { return [] }
        let open = try await SupervisionQueries.open(forUnit: caller.unitID, on: context.db)
        return [
            HomeCard(
                id: "open-supervision", title: "待回复的督办",
                rows: open.map {
                    let respondBy = CalendarDay(parsing: $0.respondBy)?.chinese ?? $0.respondBy
                    return Row(lead: $0.reference, text: "：\($0.text)（请于 \(respondBy) 前回复）")
                }, linkLabel: "前往督办页面回复 ›", link: .supervision(context.regionCode))
        ]
    }
}
