import Foundation
import FuyuanCore
import Testing

@testable import App

/// Each page rendered from a model made here and compared with its file under `Golden/`, one tag a line: a change to
/// a page shows in review as a diff of that file. To accept a change, write the files anew with
/// `FUYUAN_RECORD_GOLDEN=1 swift test --filter GoldenPageTests` and review the diff.
@Suite struct GoldenPageTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n)) ?? UUID()
    }

    /// 鲁山县's office, as the page shell shows it.
    static let office = PageShell(
        displayName: "鲁山县联席办（演示）", unitName: "鲁山县人民政府办公室", roleLabel: "联席办工作人员", csrfToken: "csrf-token",
        nav: Feature.menu(of: Feature.all, for: .office, region: "410423"), regions: [], currentRegionCode: "410423")
    /// The province's system administrator, who also switches between regions.
    static let sysadmin = PageShell(
        displayName: "系统管理员", unitName: "河南省司法厅", roleLabel: "系统管理员", csrfToken: "csrf-token",
        nav: Feature.menu(of: Feature.all, for: .systemAdmin, region: "410000"),
        regions: [
            .init(code: "410000", name: "河南省", depth: 0), .init(code: "410400", name: "平顶山市", depth: 1),
            .init(code: "410423", name: "鲁山县", depth: 2),
        ], currentRegionCode: "410000")

    /// Compares `page` with `Golden/<name>.html`, or writes the file when recording.
    func expectGolden(_ page: HTMLPage, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // Assets are named by their content's hash; a change to the stylesheet is not a change to every page.
        let lines =
            page.html.replacing(#/-[0-9a-f]{12}\.(css|js|svg)"/#) { "." + $0.output.1 + "\"" }
            .replacing("><", with: ">\n<") + "\n"
        try Self.expect(lines, file: name + ".html", sourceLocation: sourceLocation)
    }

    /// Compares `text` with `Golden/<file>`, or writes the file when recording (`FUYUAN_RECORD_GOLDEN=1`); a
    /// difference is reported at its first line.
    static func expect(_ text: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FUYUAN_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        if golden != text {
            let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expected.count, actual.count)
            Issue.record(
                """
                \(name) differs from line \(first + 1):
                  golden: \(first < expected.count ? expected[first] : "(end)")
                  now:    \(first < actual.count ? actual[first] : "(end)")
                (record with FUYUAN_RECORD_GOLDEN=1 and review the diff)
                """, sourceLocation: sourceLocation)
        }
    }

    @Test func signInAndAccountPages() throws {
        try expectGolden(
            LoginView.render(
                .init(username: "lushan.office", next: "/regions/410423/ledger", error: "用户名或密码错误", notice: nil),
                csrfToken: "login-csrf"), "login")
        try expectGolden(
            PasswordView.render(
                .init(
                    notice: "首次登录须修改初始密码", problems: ["新密码：至少 12 位"], done: false, hint: "至少 12 位，含大小写字母、数字和符号中的三类"),
                shell: Self.office), "password")
        try expectGolden(
            ConfirmView.render(.init(next: "/admin/users", problems: ["密码错误"]), shell: Self.sysadmin), "confirm")
        try expectGolden(
            SecondFactorView.render(
                .init(
                    isSetUp: false, username: "lushan.office", key: "JBSWY3DPEHPK3PXPJBSWY3DP",
                    uri: "otpauth://totp/%E5%BA%9C%E9%99%A2%E9%80%9A:lushan.office?secret=JBSWY3DPEHPK3PXPJBSWY3DP",
                    problems: [], notice: nil),
                shell: Self.office), "second-factor")
    }

    /// A shell for `role` in `region`, as the home pages show it.
    static func shell(_ name: String, _ unit: String, _ role: Role, _ region: String) -> PageShell {
        PageShell(
            displayName: name, unitName: unit, roleLabel: role.label, csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: role, region: region), regions: [], currentRegionCode: region)
    }

    /// A home page for each role, with the cards the demo gives it (`HomeTests` counts them on the demo itself).
    @Test func homePages() throws {
        let today = CalendarDay(year: 2026, month: 12, clampingDay: 7)
        let parents = ["411322": ("411300", "南阳市"), "410423": ("410400", "平顶山市")]
        func home(_ region: (String, String), _ who: String, _ cards: [HomeCard]) -> HomeView.Model {
            HomeView.Model(
                regionName: region.1, parent: parents[region.0].map { (code: $0.0, name: $0.1) }, who: who,
                today: today, cards: cards)
        }
        func card(
            _ key: String, _ title: String, _ count: Int, _ href: SitePath, _ rows: [HomeCard.Row], empty: String = "",
            _ urgency: HomeCard.Urgency = .now
        ) -> HomeCard {
            HomeCard(key: key, title: title, count: count, href: href, rows: rows, empty: empty, urgency: urgency)
        }
        let fangcheng = ("411322", "方城县")
        let late = SitePath(url: "/regions/411322/ledger?unit=\(Self.id(1))&timeliness=overdue")
        try expectGolden(
            HomeView.render(
                home(
                    fangcheng, "方城县司法局联络员（演示）（成员单位联络员）",
                    [
                        card(
                            "ledger.late", "逾期未办", 3, late,
                            [
                                .init(title: "完善劳动争议化解机制", href: .item(Self.id(20)), note: "时限 2021年10月31日，已逾期 1863 天"),
                                .init(
                                    title: "建立行政诉讼风险提示白皮书制度（每半年）", href: .item(Self.id(2)),
                                    note: "时限 2021年12月20日，已逾期 1813 天"),
                            ]),
                        card(
                            "ledger.returned", "被退回", 1,
                            SitePath(url: "/regions/411322/ledger?unit=\(Self.id(1))&attention=returned"),
                            [.init(title: "完善劳动争议化解机制", href: .item(Self.id(20)), note: "请按退回理由办理后重新申请")]),
                        card("ledger.toSign", "待签收", 0, .ledger("411322"), [], empty: "今日无待签收事项"),
                    ]),
                shell: Self.shell("方城县司法局联络员（演示）", "方城县司法局", .liaison, "411322")), "home-liaison")
        try expectGolden(
            HomeView.render(
                home(
                    fangcheng, "方城县联席办（演示）（联席办工作人员）",
                    [
                        card(
                            "ledger.toReview", "待审核（销号与无相关问题事项）", 1, .ledger("411322"),
                            [
                                .init(
                                    title: "将恶意逃避债务等长期执行无结果案件的失信行为通报征信机构", href: .item(Self.id(16)),
                                    note: "单位已申请，待联席办审核")
                            ]),
                        card(
                            "ledger.lateByUnit", "逾期事项（按单位）", 11, .ledger("411322"),
                            [.init(title: "方城县人民法院", href: late, note: "逾期 10 项 · 临期 0 项")]),
                        card("ledger.extensionPending", "延期申请待审批", 0, .ledger("411322"), [], empty: "没有待审批的延期申请"),
                    ]),
                shell: Self.shell("方城县联席办（演示）", "方城县人民政府办公室", .office, "411322")), "home-office")
        try expectGolden(
            HomeView.render(
                home(
                    ("410423", "鲁山县"), "鲁山县法院书记员（演示）（法院工作人员）",
                    [
                        card(
                            "litigation.hearingSoon", "14 日内开庭", 1, .cases("410423", state: .hearingSoon),
                            [
                                .init(
                                    title: "（2026）豫0423行初8014号", href: .adminCase(Self.id(14)),
                                    note: "鲁山县市场监督管理局 · 开庭 2026年12月12日")
                            ], .soon),
                        card(
                            "litigation.warnings", "行政诉讼预警", 1, .litigation("410423"),
                            [
                                .init(
                                    title: "鲁山县人力资源和社会保障局", href: .litigation("410423"),
                                    note: "红色预警 · 败诉率 100.0% · 负责人出庭率 100.0%")
                            ]),
                    ]),
                shell: Self.shell("鲁山县法院书记员（演示）", "鲁山县人民法院", .court, "410423")), "home-court")
        try expectGolden(
            HomeView.render(
                home(
                    ("410423", "鲁山县"), "鲁山县领导（演示）（领导）",
                    [
                        card(
                            "litigation.figures", "行政诉讼（2026年至今）", 6, .litigation("410423"),
                            [
                                .init(title: "发案量（一审新收）", href: .litigation("410423"), note: "6 件（上年同期 8 件）"),
                                .init(title: "败诉率", href: .litigation("410423"), note: "33.3%（上年同期 37.5%）"),
                            ], .overview),
                        card("supervision.quarter", "本季度督办", 0, .supervision("410423"), [], empty: "2026年第4季度尚未发出督办"),
                    ]),
                shell: Self.shell("鲁山县领导（演示）", "鲁山县人民政府办公室", .leader, "410423")), "home-leader")
        try expectGolden(
            HomeView.render(
                home(
                    ("410000", "河南省"), "审计管理员（演示）（审计管理员）",
                    [
                        card(
                            "audit.chain", "审计日志完整性", 0, .audit,
                            [
                                .init(title: "最近一次每日校验", href: .audit, note: "2026年12月7日"),
                                .init(title: "近 30 日完整性告警", href: .audit, note: "0 次"),
                            ], .overview)
                    ]),
                shell: Self.shell("审计管理员（演示）", "河南省司法厅", .auditAdmin, "410000")), "home-auditor")
        try expectGolden(
            HomeView.render(
                home(
                    ("410000", "河南省"), "安全管理员（演示）（安全管理员）",
                    [
                        card(
                            "org.lockedAccounts", "已锁定的账户", 1, .users,
                            [.init(title: "安阳市领导（演示）（anyang.leader）", href: .users, note: "锁定至 2026年12月7日 10:15")]),
                        card(
                            "audit.alerts", "待处置的安全告警（近 30 日）", 1, .securityAlerts,
                            [.init(title: "疑似入侵告警 · weidong.rsj", href: .securityAlerts, note: "2026年12月7日 09:58")]),
                    ]),
                shell: Self.shell("安全管理员（演示）", "河南省司法厅", .securityAdmin, "410000")), "home-secadmin")
        try expectGolden(
            HomeView.render(
                home(
                    ("410000", "河南省"), "系统管理员（演示）（系统管理员）",
                    [card("org.disabledAccounts", "已停用的账户", 0, .users, [], empty: "没有停用的账户", .soon)]),
                shell: Self.shell("系统管理员（演示）", "河南省司法厅", .systemAdmin, "410000")), "home-sysadmin")
        try expectGolden(
            HomeView.render(
                home(
                    ("410423", "鲁山县"), "鲁山县自然资源局联络员（演示）（成员单位联络员）",
                    [card("ledger.toSign", "待签收", 0, .ledger("410423"), [], empty: "今日无待签收事项")]),
                shell: Self.shell("鲁山县自然资源局联络员（演示）", "鲁山县自然资源局", .liaison, "410423")), "home-empty")
    }

    @Test func organisationPages() throws {
        try expectGolden(
            UnitsView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", memberUnits: 9, users: 7,
                    lowerRegions: [.init(code: "410423001", name: "鲁阳街道", level: "乡镇", units: 2, memberUnits: nil)],
                    units: [
                        .init(id: Self.id(1), name: "鲁山县人民法院", kind: "法院"),
                        .init(id: Self.id(2), name: "鲁山县自然资源局", kind: "政府部门"),
                    ], canEdit: true, problems: [], notice: "已添加单位"),
                shell: Self.office), "units")
        try expectGolden(
            UnitEditView.render(
                .init(
                    id: Self.id(2), name: "鲁山县自然资源局", kind: .department, version: 3, regionCode: "410423",
                    regionName: "鲁山县", problems: ["单位名称：须为 2 至 60 个字符"]),
                shell: Self.office), "unit-edit")
        try expectGolden(
            RegionsAdminView.render(
                .init(
                    rows: [
                        .init(code: "410000", name: "河南省", level: "省", depth: 0, units: 3),
                        .init(code: "410400", name: "平顶山市", level: "市", depth: 1, units: 5),
                    ], problems: [], values: .init(code: "410499", name: "", parentCode: "410400")),
                shell: Self.sysadmin), "regions-admin")
        try expectGolden(
            UsersView.render(
                .init(
                    rows: [
                        .init(
                            id: Self.id(3), username: "lushan.office", displayName: "鲁山县联席办（演示）", unit: "鲁山县人民政府办公室",
                            region: "鲁山县", role: .office, isActive: true, isLocked: false, hasSecondFactor: false),
                        .init(
                            id: Self.id(4), username: "lushan.court", displayName: "鲁山县法院（演示）", unit: "鲁山县人民法院",
                            region: "鲁山县", role: .court, isActive: false, isLocked: true, hasSecondFactor: true),
                    ], page: 1, hasNext: true, canManage: true, canAssign: false, problems: [],
                    notice: .init(text: "已重置 lushan.court 的密码", secret: "Temp-Pass-1234"), recentAlerts: nil),
                shell: Self.sysadmin), "users")
        try expectGolden(
            UserNewView.render(
                .init(
                    units: [(Self.id(1), "鲁山县人民法院"), (Self.id(2), "鲁山县自然资源局")],
                    values: .init(username: "lushan.new", displayName: "新用户", role: .liaison, unitID: Self.id(2)),
                    problems: ["用户名：已被使用"]),
                shell: Self.sysadmin), "user-new")
    }

    @Test func tokensPage() throws {
        let issued = Date(timeIntervalSince1970: 1_796_000_000)
        try expectGolden(
            TokensView.render(
                .init(
                    tokens: [
                        .init(
                            id: Self.id(5), name: "省法院案件系统", user: "lushan.court", createdBy: "sysadmin",
                            createdAt: issued, lastUsedAt: issued.addingTimeInterval(3600), revokedAt: nil),
                        .init(
                            id: Self.id(6), name: "旧接口", user: "lushan.office", createdBy: "sysadmin",
                            createdAt: issued,
                            lastUsedAt: nil, revokedAt: issued.addingTimeInterval(86400)),
                    ], users: [(Self.id(4), "lushan.court（鲁山县法院（演示））")], issued: "fy_secret-shown-once", problems: []),
                shell: Self.sysadmin), "tokens")
    }

    @Test func ledgerPages() throws {
        try expectGolden(
            ItemNewView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", lists: [(Self.id(7), "第一批十项重点工作")],
                    units: [(Self.id(1), "鲁山县人民法院"), (Self.id(8), "鲁山县司法局")],
                    values: .init(
                        listID: Self.id(7).uuidString, title: "规范涉企行政执法", content: "", area: "lawBasedGovernment",
                        deadline: "2026年12月31日", lead: [Self.id(8).uuidString], responsible: nil,
                        cooperating: [Self.id(1).uuidString], issueNow: "1"),
                    problems: ["内容：不能为空"]),
                shell: Self.office), "item-new")
        try expectGolden(
            ItemEditView.render(
                .init(
                    id: Self.id(9), number: 2, regionCode: "410423", regionName: "鲁山县",
                    values: .init(
                        title: "化解行政机关败诉案件", content: "逐案分析败诉原因", area: .lawBasedGovernment, deadline: "2026年12月31日"),
                    version: 4, deadlineEditable: true, problems: ["已被他人修改（您看到的是旧版本），请刷新后核对再保存"],
                    differences: [(field: "标题", saved: "化解行政机关败诉案件", typed: "化解败诉案件")]),
                shell: Self.office), "item-edit")
    }

    @Test func auditLogPage() throws {
        let entry = AuditRow(
            at: Date(timeIntervalSince1970: 1_796_000_000), actorName: "lushan.office", ipAddress: "10.0.0.8",
            action: AuditAction.listCreated.rawValue, objectType: "work_list", objectID: Self.id(7).uuidString,
            summary: "新建问题清单：第一批十项重点工作")
        let auditor = PageShell(
            displayName: "审计管理员", unitName: "河南省司法厅", roleLabel: "审计管理员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .auditAdmin, region: "410000"), regions: [],
            currentRegionCode: "410000")
        try expectGolden(
            AuditView.render(
                .init(
                    entries: [entry], filter: .init(action: AuditAction.listCreated.rawValue, actor: "lushan"), page: 1,
                    hasNext: false, verdict: .init(checked: 42, problems: ["第 3 条的内容被改动"])),
                shell: auditor), "audit")
    }

    @Test func securityAlertsPage() throws {
        let secadmin = PageShell(
            displayName: "安全管理员", unitName: "河南省司法厅", roleLabel: "安全管理员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .securityAdmin, region: "410000"), regions: [],
            currentRegionCode: "410000")
        let alerts = [
            AuditRow(
                at: Date(timeIntervalSince1970: 1_796_000_000), actorName: "lushan.zrzy", ipAddress: "10.0.0.9",
                action: AuditAction.accountLocked.rawValue, objectType: "user", objectID: Self.id(3).uuidString,
                summary: "连续 5 次登录失败，锁定至 2026年12月1日 10:15", id: Self.id(90)),
            AuditRow(
                at: Date(timeIntervalSince1970: 1_795_990_000), actorName: "system", ipAddress: "",
                action: AuditAction.grantTampered.rawValue, objectType: "user", objectID: Self.id(4).uuidString,
                summary: "账户 lushan.court 的授权数据（角色、所属单位）与校验码不符", id: Self.id(91)),
        ]
        let acknowledged = AuditRow(
            at: Date(timeIntervalSince1970: 1_796_010_000), actorName: "secadmin", ipAddress: "10.0.0.2",
            action: AuditAction.alertAcknowledged.rawValue, objectType: "audit_entry",
            objectID: Self.id(91).uuidString, summary: "处置授权数据篡改告警（system）：已核实为运维误操作，已恢复")
        try expectGolden(
            SecurityAlertsView.render(
                .init(
                    entries: alerts, acknowledgements: [Self.id(91): acknowledged], lastDay: 2, page: 2, hasNext: true,
                    problems: ["处置情况：请写明核实与处置的情况"]),
                shell: secadmin),
            "security-alerts")
    }

    @Test func supervisionPages() throws {
        let court = Self.id(21)
        let justice = Self.id(22)
        let rows = [
            SupervisionQueries.Row(
                id: Self.id(30), kind: .reminder, tone: .none, reference: "提醒函〔2026〕1号", itemID: Self.id(9),
                itemTitle: "行政诉讼风险提示白皮书", text: "白皮书已逾期未报送，请说明原因。", respondBy: "2026-12-13", issuedBy: "鲁山县联席办",
                issuedAt: Date(timeIntervalSince1970: 1_796_000_000),
                targets: [
                    .init(
                        id: Self.id(31), unitID: court, unitName: "鲁山县人民法院", response: nil, respondedBy: nil,
                        respondedAt: nil),
                    .init(
                        id: Self.id(32), unitID: justice, unitName: "鲁山县司法局", response: "已报送初稿", respondedBy: "司法局联络员",
                        respondedAt: Date(timeIntervalSince1970: 1_796_100_000)),
                ]),
            SupervisionQueries.Row(
                id: Self.id(33), kind: .bulletin, tone: .commend, reference: "通报", itemID: nil, itemTitle: nil,
                text: "表扬按期办结的单位。", respondBy: "2026-12-20", issuedBy: "鲁山县联席办", issuedAt: nil, targets: []),
        ]
        let today = CalendarDay(year: 2026, month: 12, clampingDay: 6)
        try expectGolden(
            SupervisionView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", rows: rows, isOffice: true, myUnitID: nil,
                    units: [(court, "鲁山县人民法院"), (justice, "鲁山县司法局")],
                    preset: .init(itemID: Self.id(9), label: "第 2 项 行政诉讼风险提示白皮书", unitIDs: [court]), today: today,
                    problems: ["督办内容：必填"]),
                shell: Self.office), "supervision-office")
        let liaison = PageShell(
            displayName: "鲁山县法院（演示）", unitName: "鲁山县人民法院", roleLabel: "法院工作人员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .court, region: "410423"), regions: [], currentRegionCode: "410423")
        try expectGolden(
            SupervisionView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", rows: rows, isOffice: false, myUnitID: court, units: [],
                    preset: nil, today: today, problems: []),
                shell: liaison), "supervision-unit")
    }

    @Test func rosterPages() throws {
        try expectGolden(
            RosterView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", meetingName: "鲁山县府院联动联席会议",
                    people: [
                        .init(role: .convener, name: "张三", post: "县长"), .init(role: .deputy, name: "李四", post: "县法院院长"),
                    ],
                    officeHost: "鲁山县人民政府办公室",
                    members: [
                        .init(unitName: "鲁山县人民法院", liaisonName: "联络员1（演示）", maskedPhone: "138****1000"),
                        .init(unitName: "鲁山县司法局", liaisonName: "", maskedPhone: ""),
                    ],
                    changes: [
                        .init(
                            summary: ["建立联席会议", "成员单位 2 家"], approvedBy: "张三", approvedOn: "2026-11-01",
                            recordedBy: "鲁山县联席办", recordedAt: Date(timeIntervalSince1970: 1_796_000_000))
                    ], canEdit: true, notice: "联席会议组成已更新，调整记录已保存"),
                shell: Self.office), "roster")
        try expectGolden(
            RosterView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", meetingName: nil, people: [], officeHost: nil, members: [],
                    changes: [], canEdit: false, notice: nil),
                shell: Self.office), "roster-none")
        let court = Self.id(21)
        let justice = Self.id(22)
        try expectGolden(
            RosterEditView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县",
                    units: [(court, "鲁山县人民法院"), (justice, "鲁山县司法局"), (Self.id(23), "鲁山县人民政府办公室")],
                    form: .init(
                        name: "鲁山县府院联动联席会议", officeUnitID: Self.id(23).uuidString,
                        people: [.init(role: "convener", name: "张三", post: "县长")],
                        members: [court: .init(checked: true, liaisonName: "联络员1（演示）", liaisonPhone: "13803751000")],
                        order: [court], approvedBy: "张三", approvedOn: "2026-12-06", version: 3),
                    problems: ["批准人：必填"]),
                shell: Self.office), "roster-edit")
    }

    @Test func ledgerPage() throws {
        let today = CalendarDay(year: 2026, month: 12, clampingDay: 6)
        func part(_ n: Int, _ unit: String, _ role: PartRole, _ state: UnitState, due: String?) -> LedgerQueries.Part {
            LedgerQueries.Part(
                id: Self.id(40 + n), itemID: Self.id(9), unitID: Self.id(20 + n), unitName: unit, role: role,
                state: state,
                extendedTo: nil, nextDueOn: due, nextDueReason: "完成时限")
        }
        func item(_ n: Int, _ title: String, _ deadline: String, _ state: ItemState) throws -> LedgerQueries.ItemFields
        {
            LedgerQueries.ItemFields(
                id: Self.id(n), listID: Self.id(7), listTitle: "第一批十项重点工作", number: n, title: title, content: "",
                area: .lawBasedGovernment, deadline: try #require(Deadline(parsing: deadline)), state: state,
                issuedOn: "2026-11-01", latestReport: n == 9 ? "已召开专题会议" : "", parentItemID: nil, version: 2)
        }
        let rows = [
            LedgerQueries.Row(
                item: try item(9, "化解行政机关败诉案件", "2026年12月1日", .inProgress),
                parts: [
                    part(1, "鲁山县司法局", .lead, .inProgress, due: "2026-12-01"),
                    part(2, "鲁山县人民法院", .responsible, .closureRequested, due: nil),
                ], today: today, rules: DueRules()),
            LedgerQueries.Row(
                item: try item(10, "行政机关负责人出庭应诉", "长期坚持", .ongoing),
                parts: [part(3, "鲁山县自然资源局", .responsible, .ongoing, due: nil)], today: today, rules: DueRules()),
        ]
        var filter = LedgerFilter()
        filter.state = .inProgress
        filter.q = "败诉"
        try expectGolden(
            LedgerView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", filter: filter, rows: rows, total: 27,
                    lists: [(Self.id(7), "第一批十项重点工作")], units: [(Self.id(21), "鲁山县司法局")], canCreate: true,
                    notice: "已导入 2 项事项（草稿，逐项交办后生效）"),
                shell: Self.office), "ledger")
    }

    @Test func itemPages() throws {
        let today = CalendarDay(year: 2026, month: 12, clampingDay: 6)
        let justice = LedgerQueries.Part(
            id: Self.id(41), itemID: Self.id(9), unitID: Self.id(21), unitName: "鲁山县司法局", role: .lead,
            state: .inProgress,
            extendedTo: nil, nextDueOn: "2026-12-01", nextDueReason: "完成时限")
        let court = LedgerQueries.Part(
            id: Self.id(42), itemID: Self.id(9), unitID: Self.id(22), unitName: "鲁山县人民法院", role: .responsible,
            state: .closureRequested, extendedTo: "2027-01-31", nextDueOn: nil, nextDueReason: "")
        func fields(state: ItemState, parent: UUID?) throws -> LedgerQueries.ItemFields {
            LedgerQueries.ItemFields(
                id: Self.id(9), listID: Self.id(7), listTitle: "第一批十项重点工作", number: 2, title: "化解行政机关败诉案件",
                content: "逐案分析败诉原因，提出整改措施。", area: .lawBasedGovernment,
                deadline: try #require(Deadline(parsing: "2026年12月1日")), state: state,
                issuedOn: state == .draft ? nil : "2026-11-01", latestReport: "已召开专题会议", parentItemID: parent,
                version: 3)
        }
        try expectGolden(
            ItemView.render(
                .init(
                    item: try fields(state: .inProgress, parent: nil), itemID: Self.id(9), listTitle: "第一批十项重点工作",
                    regionCode: "410423", regionName: "鲁山县",
                    parts: [
                        .init(
                            part: justice, timeliness: .overdue, actions: [.requestClosure, .requestNotApplicable],
                            isMine: false),
                        .init(
                            part: court, timeliness: .none, actions: [.approveClosure, .sendBack], isMine: false),
                    ],
                    reports: [
                        .init(
                            unitName: "鲁山县司法局", reportedOn: "2026-11-20", period: nil, text: "已召开专题会议",
                            figures: "败诉 6 件", author: "司法局联络员")
                    ], reportsTotal: 51,
                    events: [
                        .init(
                            at: Date(timeIntervalSince1970: 1_796_000_000), actor: "鲁山县联席办", unitName: nil, what: "交办",
                            reason: "")
                    ], moreEvents: true,
                    extensions: [
                        .init(
                            id: Self.id(50), unitName: "鲁山县人民法院", requestedDay: "2027-01-31", reason: "案件多",
                            requestedBy: "法院联络员", status: .pending, decidedBy: nil)
                    ], periods: [], isOffice: true,
                    children: [
                        .init(id: Self.id(60), regionName: "鲁阳街道", state: .issued, latestReport: "")
                    ], lowerRegions: [("410423002", "琴台街道")], units: [],
                    attachments: [
                        .init(
                            id: Self.id(70), fileName: "白皮书.pdf", size: 204_800, unitName: "鲁山县司法局",
                            uploadedBy: "司法局联络员")
                    ], canAttach: true, listKind: .problem, paired: [(Self.id(80), "第 1 项 建立败诉案件分析机制", "办理中")],
                    pairCandidates: [(Self.id(81), "第 3 项 负责人出庭应诉")], problems: []),
                shell: Self.office), "item")
        try expectGolden(
            ItemView.render(
                .init(
                    item: try fields(state: .draft, parent: Self.id(8)), itemID: Self.id(9), listTitle: "第一批十项重点工作（下达）",
                    regionCode: "410423", regionName: "鲁山县", parts: [], reports: [], reportsTotal: 0, events: [],
                    moreEvents: false, extensions: [], periods: [], isOffice: true, children: [], lowerRegions: [],
                    units: [(Self.id(21), "鲁山县司法局"), (Self.id(22), "鲁山县人民法院")], attachments: [], canAttach: true,
                    listKind: .problem, paired: [], pairCandidates: [], problems: ["责任单位：至少指定一个牵头或责任单位"]),
                shell: Self.office), "item-draft")
    }

    @Test func litigationDashboardAndBulletin() throws {
        var current = LitigationFigures()
        current.carriedOver = 10
        current.new = 49
        current.caseload = 49
        current.concluded = 43
        current.losses = 6
        current.heard = 40
        current.appeared = 37
        current.principalAppeared = 20
        current.spoke = 30
        var previous = current
        previous.new = 60
        previous.caseload = 60
        previous.losses = 9
        var unit = LitigationFigures()
        unit.new = 4
        unit.caseload = 4
        unit.concluded = 4
        unit.losses = 4
        unit.heard = 4
        unit.appeared = 3
        let period = DayRange(
            from: CalendarDay(year: 2023, month: 1, clampingDay: 1),
            to: CalendarDay(year: 2023, month: 7, clampingDay: 24))
        try expectGolden(
            DashboardView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", period: period,
                    result: .init(
                        current: current, previous: previous,
                        rows: [.init(key: Self.id(21).uuidString, label: "鲁山县自然资源局", figures: unit)]),
                    chart: [
                        .init(key: "2023-06", label: "6月", new: 8, losses: 1),
                        .init(key: "2023-07", label: "7月", new: 5, losses: 2),
                    ], thresholds: WarningThresholds(), canSupervise: true,
                    lower: [(code: "410423001", name: "鲁阳街道", figures: unit)],
                    presets: [("2023年上半年", period.from, CalendarDay(year: 2023, month: 6, clampingDay: 30))],
                    allUnits: false),
                shell: Self.office), "litigation-dashboard")
        try expectGolden(
            BulletinView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", label: "2023年第二季度", year: 2023, quarter: 2,
                    rows: [.init(key: Self.id(21).uuidString, label: "鲁山县自然资源局", figures: unit)], total: current),
                shell: Self.office), "litigation-bulletin")
    }

    @Test func noticesPage() throws {
        let notices = [
            NoticesView.Notice(
                day: "2026年12月6日", toOffice: true, read: false,
                lines: ["【逾期】行政机关负责人出庭应诉 · 鲁山县司法局：报送进展，时限 2026年12月1日", "【待审核】第一批事项 · 鲁山县人民法院：申请销号"]),
            NoticesView.Notice(
                day: "2026年12月5日", toOffice: false, read: true,
                lines: ["【待签收】化解行政争议"]),
        ]
        try expectGolden(
            NoticesView.render(.init(notices: notices, canRun: true, keepsRobots: true, ran: 3), shell: Self.office),
            "notices")
        try expectGolden(
            NoticesView.render(.init(notices: [], canRun: false, keepsRobots: false, ran: nil), shell: Self.office),
            "notices-empty")
    }

    @Test func noticeSettingsRobotsChannelsAndDeliveries() throws {
        try expectGolden(
            NoticeSettingsView.render(
                .init(
                    settings: .init(
                        email: "lushan.office@", phone: "13912345678", choices: ["digest:mail", "digest:sms"]),
                    kinds: [.digest], mailReady: false, smsReady: true, saved: false,
                    problems: ["邮箱：“lushan.office@”不是有效的邮箱地址"]),
                shell: Self.office), "notice-settings")
        try expectGolden(
            RobotsView.render(
                .init(
                    robots: [
                        .init(id: Self.id(7), name: "司法局工作群", recipient: "鲁山县司法局", preset: .dingtalk, signed: true)
                    ],
                    recipients: [("office", "联席办"), ("unit:\(Self.id(8))", "鲁山县司法局")],
                    outcome: .init(notice: "群机器人已接收：HTTP 200 errcode 0 ok", problems: [])),
                shell: Self.office), "robots")
        try expectGolden(
            ChannelsView.render(
                .init(
                    server: MailServer(url: "smtp://fuyuan@mail.gov.cn:587?starttls=required&from=fuyuan@mail.gov.cn"),
                    setByConfiguration: false, mayConfigure: true,
                    sms: SMSGateway(url: "http://10.1.2.9/sms/send?key=k", template: "", maxLength: 70), notice: nil,
                    problems: ["发送失败：邮件服务器拒绝（RCPT TO:<a@b.cn>）：550 5.1.1 无此用户"]),
                shell: Self.sysadmin), "channels")
        let created = Date(timeIntervalSince1970: 1_796_000_000)
        try expectGolden(
            DeliveriesView.render(
                .init(
                    rows: [
                        .init(
                            id: Self.id(9), createdAt: created, kind: NoticeKind.digest.label, channel: .mail,
                            recipient: "lushan.zrzy", title: "府院通每日提醒（2026年12月7日）", state: .failed, attempts: 6,
                            answer: "邮件服务器拒绝（RCPT TO:<lushan.zrzy@fuyuan.test>）：550 5.1.1 mailbox unavailable",
                            sentAt: nil),
                        .init(
                            id: Self.id(10), createdAt: created, kind: NoticeKind.digest.label, channel: .robot,
                            recipient: "司法局工作群", title: "府院通每日提醒（2026年12月7日）", state: .sent, attempts: 1,
                            answer: "HTTP 200 errcode 0 ok", sentAt: created.addingTimeInterval(3)),
                    ], state: .failed, page: 2, hasNext: true),
                shell: Self.sysadmin), "deliveries")
    }

    @Test func suggestionPages() throws {
        let court = PageShell(
            displayName: "鲁山县法院书记员（演示）", unitName: "鲁山县人民法院", roleLabel: "法院工作人员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .court, region: "410423"), regions: [], currentRegionCode: "410423")
        let liaison = PageShell(
            displayName: "鲁山县自然资源局联络员（演示）", unitName: "鲁山县自然资源局", roleLabel: "成员单位联络员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .liaison, region: "410423"), regions: [],
            currentRegionCode: "410423")
        let today = CalendarDay(year: 2026, month: 12, clampingDay: 6)
        let zrzy = Self.id(41)
        let rows = [
            SuggestionQueries.Row(
                id: Self.id(42), reference: "鲁法司建〔2026〕3号", caseNumber: "（2026）豫0423行初15号",
                problem: "征收补偿决定未告知复议和诉讼的期限。", agencyName: "鲁山县自然资源局", regionName: "鲁山县", issuedOn: "2026-10-01",
                replyDue: "2026-11-30", state: .signed, repliedOn: nil, adoption: nil),
            SuggestionQueries.Row(
                id: Self.id(43), reference: "", caseNumber: "", problem: "处罚裁量理由说明不充分。", agencyName: "鲁山县市场监督管理局",
                regionName: "鲁山县", issuedOn: "2026-08-01", replyDue: "2026-09-30", state: .replied,
                repliedOn: "2026-10-08", adoption: .partial),
        ]
        try expectGolden(
            SuggestionsView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", agencies: [(zrzy, "鲁山县自然资源局")],
                    filter: .init(state: .overdue, text: "征收", order: .due),
                    list: .init(
                        rows: rows, total: 51, next: .init(day: "2026-09-30", id: Self.id(43))),
                    today: today, rules: DueRules(), canIssue: true),
                shell: court), "suggestions")
        var values = SuggestionView.Values(today: today)
        values.agencyID = zrzy
        values.problem = "征收补偿决定未告知复议和诉讼的期限。"
        try expectGolden(
            SuggestionView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", shown: nil, values: values,
                    agencies: [(zrzy, "鲁山县自然资源局")], canEdit: true, isAgency: false,
                    problems: ["建议内容：不能为空"], notice: nil),
                shell: court), "suggestion-new")
        var stored = SuggestionView.Values(today: today)
        stored.agencyID = zrzy
        stored.reference = "鲁法司建〔2026〕3号"
        stored.caseNumber = "（2026）豫0423行初15号"
        stored.problem = "征收补偿决定未告知复议和诉讼的期限。"
        stored.suggestion = "完整告知救济途径和期限。"
        stored.issuedOn = "2026-10-01"
        stored.replyDue = "2026-11-30"
        let shown = SuggestionView.Shown(
            id: Self.id(42), title: "鲁法司建〔2026〕3号", courtName: "鲁山县人民法院", agencyName: "鲁山县自然资源局",
            state: .signed, timeliness: .overdue, values: stored, issuedBy: "鲁山县法院书记员（演示）",
            signed: "鲁山县自然资源局联络员（演示），2026年10月3日 09:00", replied: nil, lateDays: nil, measures: nil,
            adoption: nil, reasons: nil,
            events: [
                (Date(timeIntervalSince1970: 1_796_000_000), "鲁山县自然资源局联络员（演示）", "签收"),
                (Date(timeIntervalSince1970: 1_796_100_000), "系统", "自动催办（回复期限当日）"),
            ])
        try expectGolden(
            SuggestionView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", shown: shown, values: stored, agencies: [],
                    canEdit: false, isAgency: true, problems: ["理由：部分采纳的，须说明理由"], notice: nil),
                shell: liaison), "suggestion-agency")
        let figures = SuggestionFigures(issued: 5, due: 4, replied: 3, repliedOnTime: 2, adopted: 2, overdue: 1)
        let result = SuggestionFiguresQueries.Result(
            total: figures,
            agencies: [
                .init(
                    id: zrzy, name: "鲁山县自然资源局",
                    figures: .init(issued: 3, due: 3, replied: 2, repliedOnTime: 1, adopted: 1, overdue: 1))
            ], lower: [])
        let period = DayRange(from: CalendarDay(year: 2026, month: 1, clampingDay: 1), to: today)
        try expectGolden(
            SuggestionFiguresView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", period: period, result: result, overdue: [rows[0]],
                    today: today),
                shell: court), "suggestion-figures")
        try expectGolden(
            SuggestionBulletinView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", period: period, result: result, rows: rows,
                    today: today, rules: DueRules()),
                shell: court), "suggestion-bulletin")
    }

    @Test func enforcementPages() throws {
        let court = PageShell(
            displayName: "鲁山县法院书记员（演示）", unitName: "鲁山县人民法院", roleLabel: "法院工作人员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .court, region: "410423"), regions: [], currentRegionCode: "410423")
        let housing = EnforcementQueries.Choice(id: Self.id(51), name: "鲁山县住房和城乡建设局")
        let campaign = EnforcementQueries.Choice(id: Self.id(52), name: "涉鲁山县党政机关未履行生效判决问题专项清理")
        let rows = [
            EnforcementQueries.Row(
                id: Self.id(53), caseNumber: "（2024）豫0423执321号", court: "鲁山县人民法院", organName: housing.name,
                regionName: "鲁山县", basis: "（2023）豫0423行初57号行政判决", obligation: .money, owedFen: 38_600_000,
                paidFen: 15_000_000, act: "", filedOn: "2024-05-08", state: .partial, campaignName: campaign.name),
            EnforcementQueries.Row(
                id: Self.id(54), caseNumber: "（2025）豫0423执88号", court: "鲁山县人民法院", organName: "张官营镇人民政府",
                regionName: "鲁山县", basis: "", obligation: .act, owedFen: 0, paidFen: 0, act: "恢复原告承包地原状",
                filedOn: "2025-02-17", state: .unperformed, campaignName: nil),
        ]
        try expectGolden(
            EnforcementListView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", organs: [housing], campaigns: [campaign],
                    filter: .init(state: .partial, text: "执"), list: .init(rows: rows, total: 2, next: nil),
                    canMaintain: true),
                shell: court), "enforcement")
        let today = CalendarDay(year: 2026, month: 12, clampingDay: 6)
        try expectGolden(
            EnforcementCaseView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县",
                    shown: .init(
                        id: Self.id(53), organName: housing.name, campaignName: campaign.name, state: .partial,
                        owedFen: 38_600_000, paidFen: 15_000_000, outstandingFen: 23_600_000, note: "",
                        payments: [("2025-01-15", 15_000_000, .budgeted, "分期支付", "鲁山县法院书记员（演示）")]),
                    values: .init(
                        caseNumber: "（2024）豫0423执321号", court: "鲁山县人民法院", organID: housing.id,
                        basis: "（2023）豫0423行初57号行政判决", obligation: .money, owed: "386000.00", act: "",
                        filedOn: "2024-05-08", campaignID: campaign.id),
                    organs: [housing], campaigns: [campaign], canMaintain: true, today: today,
                    problems: ["金额：超过未履行金额 236000.00 元"], notice: nil),
                shell: court), "enforcement-case")
        let figures = EnforcementFiguresQueries.Figures(
            cases: 3, open: 2, owedFen: 51_107_239, paidFen: 27_507_239, outstandingFen: 23_600_000)
        try expectGolden(
            EnforcementFiguresView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县",
                    result: .init(
                        total: figures, organs: [.init(id: housing.id, name: housing.name, figures: figures)],
                        organCount: 57, lower: [],
                        campaigns: [
                            .init(
                                id: campaign.id, name: campaign.name, regionName: "鲁山县", targetOn: "2026-11-30",
                                figures: figures)
                        ], campaignCount: 52,
                        late: .init(
                            rows: [
                                .init(
                                    organ: housing.id, organName: housing.name, organRegion: Self.id(55),
                                    campaignName: campaign.name, targetOn: "2026-11-30", open: 1,
                                    outstandingFen: 23_600_000,
                                    firstCase: "（2024）豫0423执321号")
                            ], pairs: 60, open: 75)),
                    today: today, isOffice: true, supervisesRegion: Self.id(55), problems: []),
                shell: Self.office), "enforcement-figures")
    }

    @Test func litigationCasePages() throws {
        let court = PageShell(
            displayName: "鲁山县法院（演示）", unitName: "鲁山县人民法院", roleLabel: "法院工作人员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .court, region: "410423"), regions: [], currentRegionCode: "410423")
        try expectGolden(
            CasesView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", units: [(Self.id(2), "鲁山县自然资源局")],
                    filter: .init(unit: Self.id(2), state: .lost, number: "豫0423"),
                    list: .init(
                        rows: [
                            .init(
                                id: Self.id(11), number: "（2026）豫0423行初12号", unitName: "鲁山县自然资源局", regionCode: "410423",
                                regionName: "鲁山县", actionType: .penalty, filedOn: "2026-03-02",
                                concludedOn: "2026-06-30",
                                outcome: .revoked, heard: 2, appeared: 1)
                        ], total: 1, page: 1, next: nil),
                    canMaintain: true),
                shell: court), "cases")
        var typed = CaseForm(court: "鲁山县人民法院")
        typed.number = "（2026）豫0423行初13号"
        typed.defendant = "鲁山县自然资源局"
        typed.actionType = "行政处罚"
        typed.filedOn = "2026年3月2日"
        typed.concludedOn = "2026年2月1日"
        try expectGolden(
            CaseView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", caseID: nil,
                    values: typed,
                    units: ["鲁山县自然资源局", "鲁山县人民政府"], canMaintain: true, problems: ["结案日期：不能早于立案日期"],
                    notice: nil),
                shell: court), "case-new")
        typed.concludedOn = "2026年6月30日"
        try expectGolden(
            CaseView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", caseID: Self.id(11), values: typed,
                    units: ["鲁山县自然资源局"], canMaintain: false, problems: [], notice: "已保存"),
                shell: Self.office), "case")
        try expectGolden(
            ImportRefusedView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", fileName: "工作台账.xlsx", kind: .items,
                    problems: [
                        .init(row: 3, column: "完成时限", reason: "无法识别“下月底”"),
                        .init(row: 5, column: "牵头单位", reason: "“鲁山县某局”不是本区划的单位"),
                    ]),
                shell: Self.office), "ledger-import-refused")
    }
}
