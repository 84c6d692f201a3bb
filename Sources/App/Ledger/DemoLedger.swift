import Fluent
import FuyuanCore
import Vapor

/// The demo ledger, from the seeds: 汝州市's 17 measures (seed 002), 方城县's 30 linkage items (seed 004), and the
/// province's first batch of ten key issues handed down through 平顶山市 to 鲁山县 with 鲁山's answers (seed 000).
/// Where a seed says nothing about progress, the demo's reports say so: they begin with （演示）.
enum DemoLedger {
    struct ItemSeed {
        let title: String
        let area: TaskArea
        let deadline: String
        /// The first is the lead unit (牵头), the rest responsible units.
        let units: [String]
    }

    static let ruzhou: [ItemSeed] = [
        .init(title: "建立汝州市人民政府行政复议咨询委员会", area: .lawBasedGovernment, deadline: "2023年12月", units: ["汝州市人民政府办公室"]),
        .init(title: "规范行政复议案件审理工作", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市人民政府办公室"]),
        .init(title: "指导运用调解手段化解行政复议过程中的行政争议", area: .disputeResolution, deadline: "持续推进", units: ["汝州市人民政府办公室"]),
        .init(title: "积极开展行政复议信息化建设", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市人民政府办公室"]),
        .init(title: "强化府院联动工作机制", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市人民政府办公室"]),
        .init(title: "强化行政复议监督作用", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市人民政府办公室"]),
        .init(title: "加大行政复议工作宣传力度", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市人民政府办公室"]),
        .init(
            title: "开展人民群众和企业最不满意行政执法领域和行政执法突出问题专项整治活动", area: .lawBasedGovernment, deadline: "2023年12月",
            units: ["汝州市司法局"]),
        .init(title: "完善行政执法协调制度", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市司法局"]),
        .init(title: "强化行政执法监督", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市司法局"]),
        .init(title: "加强行政执法监督培训", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市司法局"]),
        .init(title: "深入推进服务型行政执法", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市司法局"]),
        .init(title: "开展以案促改活动", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市司法局"]),
        .init(title: "建立行政执法常态化实战化培训工作机制", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市司法局"]),
        .init(title: "加强乡镇(街道)综合行政执法人员培训", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市司法局"]),
        .init(title: "着力提升行政执法部门领导法治思维和专业法律素养", area: .lawBasedGovernment, deadline: "持续推进", units: ["汝州市司法局"]),
        .init(title: "召开全市法治政府建设工作推进会", area: .lawBasedGovernment, deadline: "适时召开", units: ["汝州市司法局"]),
    ]

    static let fangcheng: [ItemSeed] = {
        let names: [String: String] = [
            "司法局": "方城县司法局", "法院": "方城县人民法院", "检察院": "方城县人民检察院", "政府办": "方城县人民政府办公室",
            "金融办": "方城县金融工作办公室", "人行": "中国人民银行方城县支行", "银保监组": "方城银保监组",
            "科工局": "方城县科技和工业信息化局", "工商联": "方城县工商业联合会", "产业集聚区管委会": "方城县产业集聚区管理委员会",
            "市场监管局": "方城县市场监督管理局", "公安局": "方城县公安局", "文广旅局": "方城县文化广电和旅游局",
            "税务局": "方城县税务局", "信访局": "方城县信访局", "平安办": "方城县平安建设办公室", "发改委": "方城县发展和改革委员会",
            "生态环境局": "方城县生态环境局", "水利局": "方城县水利局", "自然资源局": "方城县自然资源局",
            "农业农村局": "方城县农业农村局", "住建局": "方城县住房和城乡建设局", "县政府新闻办": "方城县人民政府新闻办公室",
            "林业局": "方城县林业局", "总工会": "方城县总工会", "人社局": "方城县人力资源和社会保障局", "财政局": "方城县财政局",
            "政数局": "方城县政务服务和大数据管理局", "民政局": "方城县民政局",
        ]
        let rows: [(String, TaskArea, String, String)] = [
            ("重大政府规章、规范性文件制订修订由法院指派专业法官参与论证", .lawBasedGovernment, "长期坚持", "司法局、法院、检察院"),
            ("建立行政诉讼风险提示白皮书制度（每半年）", .lawBasedGovernment, "2021年12月20日", "法院、政府办、司法局"),
            ("出台《行政争议实质性化解联动机制意见》，成立行政争议实质性化解中心", .disputeResolution, "2021年10月31日", "政府办、司法局、法院、检察院"),
            ("出台《行政机关负责人出庭应诉办法》，出庭应诉率达到100%", .lawBasedGovernment, "2021年10月31日", "政府办、法院"),
            ("出台《行政非诉执行案件联动机制意见》", .enforcement, "2021年10月31日", "政府办、司法局、法院、检察院"),
            ("设立金融纠纷多元化解中心", .businessEnvironment, "2021年10月31日", "金融办、法院、司法局、人行、银保监组"),
            ("开展“万人助万企”活动，组织法官、律师深入企业提供法律服务", .businessEnvironment, "每季度定期开展", "法院、司法局、科工局、工商联、产业集聚区管委会"),
            ("定期召开新闻发布会公布公司类案件典型案例", .businessEnvironment, "2021年11月30日", "市场监管局、法院、金融办"),
            ("成立知识产权保护协会", .businessEnvironment, "2021年10月31日", "市场监管局、科工局、法院"),
            ("制定《方城县知识产权案件联合执法工作制度》", .businessEnvironment, "2021年11月30日", "公安局、市场监管局、文广旅局、法院"),
            ("制订《办理破产府院联动具体办法》", .bankruptcy, "2021年10月31日", "政府办、法院、科工局"),
            ("支持破产重整企业纳税信用修复", .bankruptcy, "2021年10月31日", "法院、税务局"),
            ("建立涉破产企业不动产处置属地协调机制", .bankruptcy, "2021年10月31日", "法院、产业集聚区管委会、信访局"),
            ("出台《多元化纠纷解决机制改革及诉源治理实施办法》", .disputeResolution, "2021年10月31日", "法院、平安办、检察院、公安局、司法局"),
            ("打造“一公里法律服务圈”，在综治中心设立非诉讼服务中心", .disputeResolution, "2021年10月31日", "平安办、司法局、公安局、法院"),
            ("将恶意逃避债务等长期执行无结果案件的失信行为通报征信机构", .enforcement, "2021年11月30日", "发改委、法院"),
            ("选任特邀调解员进驻非诉讼服务中心和诉调对接站点", .disputeResolution, "2021年10月31日", "财政局、法院、检察院、司法局、公安局、信访局"),
            (
                "加强环境资源保护，发布环境保护审判白皮书和典型案例", .disputeResolution, "2021年10月31日",
                "法院、检察院、公安局、生态环境局、水利局、文广旅局、自然资源局、农业农村局、住建局、县政府新闻办"
            ),
            ("完善生态环境修复机制，推动“刑事+行政+公益诉讼”衔接", .disputeResolution, "2021年10月31日", "检察院、公安局、生态环境局、水利局、林业局、自然资源局、农业农村局、住建局"),
            ("完善劳动争议化解机制", .disputeResolution, "2021年10月31日", "总工会、司法局、人社局、工商联、法院"),
            ("健全涉诉信访问题联动化解和交办移送制度", .disputeResolution, "2021年10月31日", "法院、公安局、信访局"),
            ("司法办理事项纳入政务司法“一网通办”", .trialOversight, "2021年12月20日", "政数局、法院"),
            ("研发一府两院互动交流平台“方城县府院通”", .trialOversight, "2021年10月31日", "政数局、法院、检察院"),
            ("出台《关于企业确认诉讼文书送达地址并承诺和负责的实施办法》", .trialOversight, "2021年10月31日", "法院、市场监管局"),
            ("建立被执行人失信信息系统，与政府各部门业务系统互联互通", .enforcement, "2021年10月31日", "法院"),
            ("建立执行信息网络查控系统", .enforcement, "2021年10月31日", "法院"),
            ("法院与公安局签订《执行联动战略合作协议》", .enforcement, "2021年10月31日", "法院、公安局"),
            ("涉党政机关被执行款项列入财政预算予以保障", .enforcement, "2021年10月31日", "财政局、法院"),
            ("成立方城县银行不良贷款清收中心", .majorRisk, "2021年10月31日", "金融办、法院、公安局、政数局"),
            ("建立婚姻信息共享制度", .trialOversight, "2021年10月31日", "法院、民政局"),
        ]
        return rows.map { title, area, deadline, units in
            ItemSeed(
                title: title, area: area, deadline: deadline,
                // A short name missing from `names` stays as written, and loading reports no such unit.
                units: units.components(separatedBy: "、").map { names[$0] ?? $0 })
        }
    }()

    /// The province's first batch of ten key issues (seed 000 lists them as 鲁山县 answered them).
    static let firstBatch: [String] = [
        "涉党政机关未履行生效判决问题", "行政机关败诉率高、行政争议实质性化解不佳的问题", "行政机关负责人出庭应诉问题",
        "问题楼盘引发的按揭贷款断供问题", "防范化解金融风险", "问题楼房处置化解", "化解企业破产案件立案难、审理难",
        "诉讼和执行过程中查封、冻结企业基本账户", "保护知识产权", "信息公开、举报投诉等类案件滥用诉权",
    ]

    static let lushanNotApplicable = "经县住建局、县人民法院认真研判、仔细排查，目前没有相关问题事项。"

    static let lushanAnswers: [Int: (units: [String], state: UnitState, report: String)] = [
        1: (
            ["鲁山县人民法院", "鲁山县人民政府办公室"], .closed,
            "涉及鲁山有 1 起案件，已履行到位。根据（2022）豫04民终729号文件，需要由平顶山市昭平台水库管理局负担的执行款已由平顶山市财政拨付至鲁山县人民法院执行款专户，金额为 125072.39 元。"
        ),
        2: (
            ["鲁山县司法局", "鲁山县人民法院"], .ongoing,
            "已完成，长期坚持。据鲁山县人民法院反馈，截止 7 月 24 日共受理行政诉讼案件 59 件，在审 16 件，已结案 43 件中败诉 6 件，败诉率 14%，分别是：自然资源局 4 件，人社局 2 件。"
        ),
        3: (
            ["鲁山县司法局"], .ongoing,
            "已完成，长期坚持。已印发《关于加强行政机关负责人出庭应诉的工作通知》，2023年以来基本实现行政机关负责人出庭率90%以上。"
        ),
    ]

    static func load(_ context: DemoLoader.Context) async throws {
        try await loadPlan(
            context, region: "410482", title: "解决行政机关败诉率高、行政争议实质化解效果不佳问题工作方案",
            source: "汝府院联席办〔2022〕4号", issued: "2022-11-24", seeds: ruzhou
        ) { _ in (.inProgress, nil) }
        try await loadPlan(
            context, region: "411322", title: "方城县府院联动机制实施方案", source: "方政办〔2021〕29号",
            issued: "2021-09-16", seeds: fangcheng
        ) { number in
            switch number {
            case 1: (.ongoing, "（演示）已建立法院专业法官参与规范性文件论证机制，长期坚持。")
            case 2, 8, 10, 13, 18, 19, 20, 25, 29: (.inProgress, nil)
            case 7: (.inProgress, "（演示）本季度组织法官、律师走访企业。")
            case 16: (.closureRequested, "（演示）已与征信机构建立通报机制，申请销号。")
            case 22: (.inProgress, "（演示）诉讼服务自助一体机已采购，待部署。")
            default: (.closed, "（演示）已按实施方案完成，相关文件已印发执行。")
            }
        }
        try await loadFirstBatch(context)
        try await loadAttention(context)
    }

    /// 方城县's parts that ask for attention today: 司法局's closure request on item 20 sent back two days ago, its
    /// extension on item 2 refused three days ago, and the court's extension on item 25 awaiting the office.
    private static func loadAttention(_ context: DemoLoader.Context) async throws {
        let today = CalendarDay(containing: context.now)
        let region = try context.region("411322").requireID()
        func part(_ number: Int, _ unit: String) async throws -> (WorkItem, ItemPart) {
            guard
                let item = try await WorkItem.query(on: context.db).filter(\.$region.$id == region)
                    .filter(\.$number == number).filter(\.$parentItem.$id == nil).first(),
                let part = try await ItemPart.query(on: context.db).filter(\.$item.$id == item.requireID())
                    .filter(\.$unit.$id == context.unit(unit).requireID()).first()
            else { throw DemoLoader.Mistake(description: "演示数据有误：方城县第 \(number) 项没有\(unit)") }
            return (item, part)
        }
        let (returnedItem, returned) = try await part(20, "方城县司法局")
        let sentBack = today.adding(days: -2)
        returned.returnedOn = sentBack.description
        try await returned.save(on: context.db)
        try await ItemEvent(
            itemID: returnedItem.requireID(), at: sentBack.start, actor: "方城县联席办（演示）", what: "退回：申请销号 → 办理中",
            reason: "（演示）未附劳动争议化解机制文件，请补充后重新申请", unitName: "方城县司法局"
        ).create(on: context.db)

        let (_, refused) = try await part(2, "方城县司法局")
        let request = ExtensionRequest(
            partID: try refused.requireID(), requestedDay: today.adding(days: 60), reason: "（演示）白皮书须待半年数据汇总后起草",
            requestedBy: "方城县司法局联络员（演示）")
        request.status = .refused
        request.decidedBy = "方城县联席办（演示）"
        request.decisionNote = "（演示）请先报送初稿"
        request.decidedOn = today.adding(days: -3).description
        try await request.create(on: context.db)

        let (_, pending) = try await part(25, "方城县人民法院")
        try await ExtensionRequest(
            partID: try pending.requireID(), requestedDay: today.adding(days: 90), reason: "（演示）系统对接须待省级平台开放接口",
            requestedBy: "方城县法院工作人员（演示）"
        ).create(on: context.db)
    }

    private static func list(
        _ context: DemoLoader.Context, region: String, kind: ListKind, title: String, source: String
    )
        async throws -> WorkList
    {
        let list = WorkList(
            regionID: try context.region(region).requireID(), kind: kind, title: title, source: source)
        try await list.create(on: context.db)
        return list
    }

    private static func loadPlan(
        _ context: DemoLoader.Context, region: String, title: String, source: String, issued: String, seeds: [ItemSeed],
        story: (Int) -> (UnitState, String?)
    ) async throws {
        let list = try await list(context, region: region, kind: .responsibility, title: title, source: source)
        for (index, seed) in seeds.enumerated() {
            guard let deadline = Deadline(parsing: seed.deadline) else {
                throw DemoLoader.Mistake(description: "演示数据有误：完成时限“\(seed.deadline)”无法识别")
            }
            let item = try WorkItem(
                list: list, number: index + 1, title: seed.title, content: "", area: seed.area, deadline: deadline)
            let (state, report) = story(index + 1)
            try await answer(item, context: context, issued: issued, units: seed.units, state: state, report: report)
        }
        // 方城县 item 7 reports each quarter; the demo has reported the first quarters only, so it is overdue.
        if region == "411322",
            let periodic = try await WorkItem.query(on: context.db).filter(\.$list.$id == list.requireID()).filter(
                \.$number == 7
            ).first()
        {
            guard
                let lead = try await ItemPart.query(on: context.db).filter(\.$item.$id == periodic.requireID())
                    .filter(\.$role == .lead).first()
            else { throw DemoLoader.Mistake(description: "演示数据有误：方城县第 7 项没有牵头单位") }
            for key in ["2021-Q3", "2021-Q4", "2022-Q1"] {
                try await ProgressReport(
                    itemID: periodic.requireID(), unitID: lead.$unit.id,
                    reportedOn: DemoLoader.day("2022-04-08"), periodKey: key,
                    text: "（演示）本季度组织法官、律师走访企业。", figures: "", author: "演示数据"
                ).create(on: context.db)
            }
            try await refresh(periodic, on: DemoLoader.day("2022-04-08"), context: context)
        }
    }

    /// Creates the item's parts, issues it on `issued`, moves its counting parts to `state` and files `report`.
    static func answer(
        _ item: WorkItem, context: DemoLoader.Context, issued: String, units: [String], state: UnitState,
        report: String?
    ) async throws {
        let issuedDay = try DemoLoader.day(issued)
        item.issuedOn = issued
        try await item.save(on: context.db)
        let itemID = try item.requireID()
        try await ItemEvent(itemID: itemID, at: issuedDay.start, actor: "演示数据", what: "交办").create(on: context.db)
        for (index, name) in units.enumerated() {
            let part = ItemPart(
                itemID: itemID, unitID: try context.unit(name).requireID(), role: index == 0 ? .lead : .responsible)
            part.state = state
            try await part.create(on: context.db)
            if state != .assigned {
                try await ItemEvent(
                    itemID: itemID, at: issuedDay.start, actor: "演示数据", what: "状态：\(state.label)",
                    unitName: name
                ).create(on: context.db)
            }
        }
        if let report, let lead = units.first {
            try await ProgressReport(
                itemID: itemID, unitID: try context.unit(lead).requireID(), reportedOn: issuedDay.adding(days: 30),
                periodKey: nil, text: report, figures: "", author: "演示数据"
            ).create(on: context.db)
            item.latestReport = "\(lead)：\(report)"
        }
        // Where the story closes the item, it closed when its report was filed.
        try await refresh(item, on: issuedDay.adding(days: 30), context: context)
    }

    private static func refresh(_ item: WorkItem, on day: CalendarDay, context: DemoLoader.Context) async throws {
        let parts = try await ItemPart.query(on: context.db).filter(\.$item.$id == item.requireID()).all()
        try await LedgerStore.refresh(item, parts: parts, on: context.db, rules: context.rules, today: day)
    }

    /// Seed 002 is 汝州市's answer to the problem of high loss rates: its 17 measures answer that problem.
    private static func pairWithRuzhouPlan(_ problem: WorkItem, context: DemoLoader.Context) async throws {
        guard let plan = try await WorkList.query(on: context.db).filter(\.$source == "汝府院联席办〔2022〕4号").first()
        else { throw DemoLoader.Mistake(description: "演示数据有误：没有汝州市的工作方案") }
        for measure in try await WorkItem.query(on: context.db).filter(\.$list.$id == plan.requireID()).all() {
            try await ItemLink(problemID: problem.requireID(), measureID: measure.requireID()).create(on: context.db)
        }
    }

    /// 河南省 → 平顶山市, 安阳市, 南阳市; 平顶山市 → 鲁山县, 卫东区, 汝州市; 鲁山县 answers as seed 000 says.
    private static func loadFirstBatch(_ context: DemoLoader.Context) async throws {
        let province = try context.region("410000")
        let city = try context.region("410400")
        let list = try await list(context, region: "410000", kind: .problem, title: "第一批十项重点工作", source: "省府院联席会议")
        for (index, title) in firstBatch.enumerated() {
            let item = try WorkItem(
                list: list, number: index + 1, title: title, content: "",
                area: index < 3 ? .lawBasedGovernment : .majorRisk, deadline: .continuous)
            item.issuedOn = "2022-10-01"
            item.state = .issued
            try await item.create(on: context.db)
            var cityCopy: WorkItem?
            for code in ["410400", "410500", "411300"] {
                let copy = try await LedgerStore.copy(
                    item, list: list, from: province, into: context.region(code),
                    at: CalendarDay(year: 2022, month: 10, clampingDay: 1).start, by: "演示数据", on: context.db)
                if code == "410400" { cityCopy = copy }
            }
            guard let cityCopy else { continue }
            cityCopy.issuedOn = "2022-10-15"
            cityCopy.state = .issued
            try await cityCopy.save(on: context.db)
            let cityList = try await cityCopy.$list.get(on: context.db)
            for code in ["410423", "410403", "410482"] {
                let copy = try await LedgerStore.copy(
                    cityCopy, list: cityList, from: city, into: context.region(code),
                    at: CalendarDay(year: 2022, month: 10, clampingDay: 15).start, by: "演示数据", on: context.db)
                if code == "410482" && index == 1 { try await pairWithRuzhouPlan(copy, context: context) }
                guard code == "410423" else { continue }
                if let reply = lushanAnswers[index + 1] {
                    try await answer(
                        copy, context: context, issued: "2022-11-01", units: reply.units, state: reply.state,
                        report: reply.report)
                } else {
                    copy.state = .notApplicable
                    copy.issuedOn = "2022-11-01"
                    copy.latestReport = lushanNotApplicable
                    try await copy.save(on: context.db)
                    try await ItemEvent(
                        itemID: copy.requireID(), at: DemoLoader.day("2022-11-01").start, actor: "演示数据",
                        what: "确认无相关问题事项", reason: lushanNotApplicable
                    ).create(on: context.db)
                }
            }
        }
    }
}
