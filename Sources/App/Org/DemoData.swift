import FuyuanCore

/// The demo organisation, taken from the seed documents: Henan province, 平顶山市 with 鲁山县, 卫东区 and
/// 汝州市, 安阳市, and 南阳市 with 方城县. Names, rosters and units are the seeds' own; where a seed names
/// no convener or office, the demo leaves it empty rather than inventing one.
public enum DemoData {
    /// The password of every demo account (listed in README.md).
    public static let password = "Fuyuan@2026"

    struct RegionSeed {
        let code: String
        let name: String
        let parent: String?
    }

    static let regions: [RegionSeed] = [
        .init(code: "410000", name: "河南省", parent: nil),
        .init(code: "410400", name: "平顶山市", parent: "410000"),
        .init(code: "410423", name: "鲁山县", parent: "410400"),
        .init(code: "410403", name: "卫东区", parent: "410400"),
        .init(code: "410482", name: "汝州市", parent: "410400"),
        .init(code: "410500", name: "安阳市", parent: "410000"),
        .init(code: "411300", name: "南阳市", parent: "410000"),
        .init(code: "411322", name: "方城县", parent: "411300"),
    ]

    static let units: [String: [(String, UnitKind)]] = [
        "410000": [
            ("河南省人民政府办公厅", .governmentOffice), ("河南省高级人民法院", .court), ("河南省人民检察院", .procuratorate),
            ("河南省司法厅", .department), ("河南省公安厅", .publicSecurity), ("河南省财政厅", .department),
        ],
        "410400": [
            ("平顶山市人民政府办公室", .governmentOffice), ("平顶山市中级人民法院", .court), ("平顶山市人民检察院", .procuratorate),
            ("平顶山市司法局", .department), ("平顶山市财政局", .department), ("平顶山市昭平台水库管理局", .department),
        ],
        // Seed 000: the units the county's status report names.
        "410423": [
            ("鲁山县人民政府", .government), ("鲁山县人民政府办公室", .governmentOffice), ("鲁山县人民法院", .court),
            ("鲁山县人民检察院", .procuratorate),
            ("鲁山县司法局", .department), ("鲁山县公安局", .publicSecurity), ("鲁山县住房和城乡建设局", .department),
            ("鲁山县自然资源局", .department), ("鲁山县人力资源和社会保障局", .department),
            ("鲁山县市场监督管理局", .department), ("张官营镇人民政府", .township),
        ],
        // Seed 003: the member units of 卫东区's joint meeting, as the notice lists them.
        "410403": [
            ("卫东区政府办公室", .governmentOffice), ("卫东区发展改革委", .department), ("卫东区工业和信息化局", .department),
            ("卫东区司法局", .department), ("卫东区财政局", .department), ("卫东区人力资源和社会保障局", .department),
            ("卫东区住房和城乡建设局", .department), ("卫东区交通运输局", .department), ("卫东区农业农村和水利局", .department),
            ("卫东区商务局", .department), ("卫东区文化广电和旅游局", .department), ("卫东区卫生健康委", .department),
            ("卫东区应急管理局", .department), ("卫东区审计局", .department), ("卫东区市场监管局", .department),
            ("卫东区医疗保障局", .department), ("卫东区金融工作局", .department), ("卫东区信访局", .department),
            ("卫东区政务服务和大数据管理局", .department), ("卫东生态环境分局", .department),
            ("卫东自然资源和规划分局", .department), ("卫东区税务局", .department), ("卫东区人民法院", .court),
            ("卫东公安分局", .publicSecurity),
        ],
        // Seed 002: the units 汝州市's work plan makes responsible.
        "410482": [
            ("汝州市人民政府办公室", .governmentOffice), ("汝州市司法局", .department), ("汝州市人民法院", .court),
        ],
        // Seed 001: the units 安阳市's article names.
        "410500": [
            ("安阳市人民政府办公室", .governmentOffice), ("安阳市中级人民法院", .court), ("安阳市司法局", .department),
            ("安阳市公安局", .publicSecurity), ("安阳市税务局", .department), ("安阳市市场监督管理局", .department),
            ("安阳市住房和城乡建设局", .department), ("安阳银保监分局", .other),
        ],
        "411300": [("南阳市人民政府办公室", .governmentOffice), ("南阳市中级人民法院", .court)],
        // Seed 004: every responsible unit of 方城县's 30 linkage items.
        "411322": [
            ("方城县人民政府办公室", .governmentOffice), ("方城县人民法院", .court), ("方城县人民检察院", .procuratorate),
            ("方城县司法局", .department), ("方城县公安局", .publicSecurity), ("方城县金融工作办公室", .department),
            ("中国人民银行方城县支行", .other), ("方城银保监组", .other), ("方城县科技和工业信息化局", .department),
            ("方城县工商业联合会", .other), ("方城县产业集聚区管理委员会", .other), ("方城县市场监督管理局", .department),
            ("方城县文化广电和旅游局", .department), ("方城县税务局", .department), ("方城县信访局", .department),
            ("方城县平安建设办公室", .other), ("方城县发展和改革委员会", .department), ("方城县生态环境局", .department),
            ("方城县水利局", .department), ("方城县自然资源局", .department), ("方城县农业农村局", .department),
            ("方城县住房和城乡建设局", .department), ("方城县人民政府新闻办公室", .department), ("方城县林业局", .department),
            ("方城县总工会", .other), ("方城县人力资源和社会保障局", .department), ("方城县财政局", .department),
            ("方城县政务服务和大数据管理局", .department), ("方城县民政局", .department),
        ],
    ]

    struct MeetingSeed {
        let region: String
        let name: String
        let office: String?
        let people: [(MeetingRole, String, String)]
        /// nil: every unit of the region is a member.
        let members: [String]?
        let establishment: (summary: String, approvedBy: String, approvedOn: String)?
    }

    static let meetings: [MeetingSeed] = [
        .init(region: "410000", name: "河南省府院联动联席会议", office: nil, people: [], members: nil, establishment: nil),
        .init(region: "410400", name: "平顶山市府院联动联席会议", office: nil, people: [], members: nil, establishment: nil),
        .init(
            region: "410423", name: "鲁山县府院联动联席会议", office: nil, people: [],
            members: [
                "鲁山县人民政府办公室", "鲁山县人民法院", "鲁山县人民检察院", "鲁山县司法局", "鲁山县公安局",
                "鲁山县住房和城乡建设局", "鲁山县自然资源局", "鲁山县人力资源和社会保障局", "鲁山县市场监督管理局",
            ],
            establishment: nil),
        .init(
            region: "410403", name: "卫东区府院联动联席会议", office: "卫东区司法局",
            people: [
                (.convener, "宋建立", "区长"), (.executiveDeputy, "赵飞", "区委常委、常务副区长"),
                (.deputy, "李海强", "副区长、卫东公安分局局长"), (.deputy, "武中立", "区人民法院院长"),
            ],
            members: nil,
            establishment: ("依《卫东区人民政府 卫东区人民法院关于建立卫东区常态化府院联动工作机制的通知》建立联席会议，办公室设在区司法局", "宋建立", "2023-01-04")),
        .init(region: "410482", name: "汝州市府院联动联席会议", office: nil, people: [], members: nil, establishment: nil),
        .init(
            region: "410500", name: "安阳市府院联动联席会议", office: nil, people: [(.convener, "高永", "市长")], members: nil,
            establishment: nil),
        .init(region: "411322", name: "方城县府院联动工作领导小组", office: nil, people: [], members: nil, establishment: nil),
    ]

    struct AccountSeed {
        let username: String
        let displayName: String
        let role: Role
        let region: String
        let unit: String
    }

    static let accounts: [AccountSeed] = [
        .init(username: "sysadmin", displayName: "系统管理员（演示）", role: .systemAdmin, region: "410000", unit: "河南省司法厅"),
        .init(username: "secadmin", displayName: "安全管理员（演示）", role: .securityAdmin, region: "410000", unit: "河南省司法厅"),
        .init(username: "auditor", displayName: "审计管理员（演示）", role: .auditAdmin, region: "410000", unit: "河南省司法厅"),
        .init(username: "henan.office", displayName: "省联席办（演示）", role: .office, region: "410000", unit: "河南省司法厅"),
        .init(username: "henan.leader", displayName: "省领导（演示）", role: .leader, region: "410000", unit: "河南省人民政府办公厅"),
        .init(username: "pds.office", displayName: "平顶山市联席办（演示）", role: .office, region: "410400", unit: "平顶山市司法局"),
        .init(
            username: "lushan.office", displayName: "鲁山县联席办（演示）", role: .office, region: "410423", unit: "鲁山县人民政府办公室"),
        .init(username: "lushan.court", displayName: "鲁山县法院书记员（演示）", role: .court, region: "410423", unit: "鲁山县人民法院"),
        .init(
            username: "lushan.zrzy", displayName: "鲁山县自然资源局联络员（演示）", role: .liaison, region: "410423", unit: "鲁山县自然资源局"),
        .init(username: "lushan.leader", displayName: "鲁山县领导（演示）", role: .leader, region: "410423", unit: "鲁山县人民政府办公室"),
        .init(username: "weidong.office", displayName: "卫东区联席办（演示）", role: .office, region: "410403", unit: "卫东区司法局"),
        .init(
            username: "weidong.rsj", displayName: "卫东区人社局联络员（演示）", role: .liaison, region: "410403",
            unit: "卫东区人力资源和社会保障局"),
        .init(username: "weidong.court", displayName: "卫东区法院工作人员（演示）", role: .court, region: "410403", unit: "卫东区人民法院"),
        .init(
            username: "ruzhou.office", displayName: "汝州市联席办（演示）", role: .office, region: "410482", unit: "汝州市人民政府办公室"),
        .init(username: "anyang.office", displayName: "安阳市联席办（演示）", role: .office, region: "410500", unit: "安阳市司法局"),
        .init(username: "anyang.leader", displayName: "安阳市领导（演示）", role: .leader, region: "410500", unit: "安阳市人民政府办公室"),
        .init(
            username: "nanyang.office", displayName: "南阳市联席办（演示）", role: .office, region: "411300", unit: "南阳市人民政府办公室"),
        .init(
            username: "fangcheng.office", displayName: "方城县联席办（演示）", role: .office, region: "411322", unit: "方城县人民政府办公室"
        ),
        .init(
            username: "fangcheng.court", displayName: "方城县法院工作人员（演示）", role: .court, region: "411322", unit: "方城县人民法院"),
        .init(
            username: "fangcheng.sfj", displayName: "方城县司法局联络员（演示）", role: .liaison, region: "411322", unit: "方城县司法局"),
    ]
}
