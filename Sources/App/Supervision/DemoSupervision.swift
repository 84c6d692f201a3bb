import Fluent
import FuyuanCore

enum DemoSupervision {
    /// Seed 002's 提醒函: the office reminds the court of the overdue risk white paper (方城县 item 2).
    static func load(_ context: DemoLoader.Context) async throws {
        let region = try context.region("411322")
        let item = try await WorkItem.query(on: context.db).filter(\.$region.$id == region.requireID()).filter(
            \.$number == 2
        )
        .filter(\.$parentItem.$id == nil).first()
        let supervision = Supervision()
        supervision.$region.id = try region.requireID()
        supervision.$item.id = item?.id
        supervision.kind = .reminder
        supervision.tone = .none
        supervision.year = CalendarDay(containing: context.now).year
        supervision.number = 1
        supervision.text = "（演示）行政诉讼风险提示白皮书已逾期未报送，请说明原因并于回复期限前报送。"
        supervision.respondBy = CalendarDay(containing: context.now).adding(days: 7).description
        supervision.issuedBy = "演示数据"
        try await supervision.create(on: context.db)
        try await SupervisionTarget(
            supervisionID: supervision.requireID(), unitID: context.unit("方城县人民法院").requireID()
        ).create(on: context.db)
    }
}
