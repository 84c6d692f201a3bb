import Fluent
import Foundation
import FuyuanCore

/// 鲁山县's office has uploaded next year's work plan and not yet checked it: written for the demo in the seeds'
/// layouts (units in parentheses after the item, on one line, on lines of their own, and in a 由…牵头，联合…
/// sentence; a page number between the lines of an item), with 县财政局, a unit the demo's 鲁山县 does not have, for
/// the reviewer to settle.
enum DemoDocuments {
    static let lushanPlan = """
        鲁山县府院联动联席会议办公室文件

        鲁府院联席办〔2026〕1号

        鲁山县府院联动联席会议办公室关于印发《鲁山县2027年府院联动工作要点（演示）》的通知

        各乡镇人民政府，县政府各部门，县人民法院、县人民检察院：

        现将《鲁山县2027年府院联动工作要点（演示）》印发给你们，请认真贯彻落实。

        鲁山县府院联动联席会议办公室

        2026年12月1日

        鲁山县2027年府院联动工作要点（演示）

        一、化解行政争议

        （一）深化行政争议实质性化解中心建设，诉前化解行政争议，行政诉讼案件同比下降20%。（牵头单位：县法院；配合单位：县司法局；完成时限：2027年6月底前）

        （二）落实行政机关负责人出庭应诉制度，出庭应诉率达到100%。牵头单位：县司法局 配合单位：县法院 完成时限：长期坚持

        二、清理涉党政机关执行案件

        （三）由县法院牵头，联合县财政局、县住建局，逐案制定涉党政机关未履行生效判决案件的化解方案，

        - 2 -

        年底前全部清零。

        责任单位：县法院、县财政局、县住建局、各乡（镇）人民政府

        完成时限：2027年12月31日

        （四）每季度通报自然资源领域行政诉讼败诉案件，分析败诉原因并督促整改。

        责任单位：县自然资源局、县司法局

        完成时限：每季度

        """

    static func load(_ context: DemoLoader.Context) async throws {
        let region = try context.region("410423")
        let data = Data(lushanPlan.utf8)
        let header = PlanParser.parse(DocumentLines(text: lushanPlan), units: RegionUnits([], regionName: region.name))
            .header
        let document = try DocumentStore.keep(
            data, name: "鲁山县2027年府院联动工作要点.txt", header: header, region: region, by: "鲁山县联席办（演示）",
            in: context.dataDirectory)
        try await document.create(on: context.db)
    }
}
