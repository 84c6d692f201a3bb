import FuyuanCore

/// Unit names of a generated region: the core organs, the usual departments, and townships or street offices.
enum GeneratedOrg {
    static let departments = [
        "发展和改革委员会", "教育局", "科学技术和工业信息化局", "民政局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境分局",
        "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局",
        "审计局", "市场监督管理局", "统计局", "医疗保障局", "信访局", "城市管理局", "林业局", "政务服务和大数据管理局", "税务局", "乡村振兴局",
        "金融工作局", "行政审批服务局", "综合行政执法局",
    ]

    /// Departments that a province calls 厅.
    private static let provinceHalls: Set<String> = [
        "教育局", "民政局", "财政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
        "文化广电和旅游局", "应急管理局", "审计局", "司法局", "公安局",
    ]

    /// How often a department is sued, relative to the others (自然资源, 住建, 人社, 公安 and 市场监管 lead).
    static let suedWeight: [String: Double] = [
        "自然资源局": 9, "住房和城乡建设局": 7, "人力资源和社会保障局": 6, "公安局": 6, "市场监督管理局": 4, "人民政府": 6,
        "城市管理局": 3, "综合行政执法局": 3, "生态环境分局": 2, "农业农村局": 2, "交通运输局": 2, "税务局": 1.5, "医疗保障局": 1.5,
    ]

    private static let townFirst = Array("张王李马杨白黄石新古双龙凤高柳桃梁赵刘孙周吴郑冯陈许何吕沙河山东西南北大小长青").map(String.init)
    private static let townSecond = Array("庄集店楼营岗桥寨河坡沟湾口铺屯坊园湖堡寺").map(String.init)

    struct UnitSeed {
        let name: String
        let kind: UnitKind
        /// The department's short name, for `suedWeight`; the township's kind for the others.
        let key: String
    }

    /// The units of a region: 6 core organs, 30 departments, and 21 townships (counties) or street offices
    /// (districts); cities and the province have no townships.
    static func units(regionName: String, level: RegionLevel, random: inout SeededRandom) throws -> [UnitSeed] {
        let court =
            switch level {
            case .province: "高级人民法院"
            case .city: "中级人民法院"
            default: "人民法院"
            }
        let office = level == .province ? "人民政府办公厅" : "人民政府办公室"
        func department(_ short: String) -> String {
            level == .province && provinceHalls.contains(short) ? String(short.dropLast()) + "厅" : short
        }
        var seeds: [UnitSeed] = [
            .init(name: regionName + "人民政府", kind: .government, key: "人民政府"),
            .init(name: regionName + office, kind: .governmentOffice, key: "政府办"),
            .init(name: regionName + court, kind: .court, key: "法院"),
            .init(name: regionName + "人民检察院", kind: .procuratorate, key: "检察院"),
            .init(name: regionName + department("公安局"), kind: .publicSecurity, key: "公安局"),
            .init(name: regionName + department("司法局"), kind: .department, key: "司法局"),
        ]
        seeds += departments.map { .init(name: regionName + department($0), kind: .department, key: $0) }
        guard level == .county else { return seeds }
        let district = regionName.hasSuffix("区")
        var names: Set<String> = []
        if !district { names.insert("城关") }
        while names.count < 21 {
            guard let first = townFirst.randomElement(using: &random),
                let second = townSecond.randomElement(using: &random)
            else { throw DemoLoader.Mistake(description: "生成数据有误：没有乡镇名用字") }
            names.insert(first + second)
        }
        for name in names.sorted() {
            if district {
                seeds.append(.init(name: name + "街道办事处", kind: .streetOffice, key: "街道"))
            } else {
                let town = name == "城关" || random.chance(0.6)
                seeds.append(.init(name: name + (town ? "镇人民政府" : "乡人民政府"), kind: .township, key: "乡镇"))
            }
        }
        return seeds
    }
}
