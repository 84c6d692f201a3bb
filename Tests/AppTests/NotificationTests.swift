import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// The outbox: the digest's deliveries written with its notices, once a person a day; the sender's leases, retries
/// and failures; people's choices; the robots' formats. The exchanges with real mail and webhook servers are in
/// `scripts/notify-test.py` and `e2e/test_notifications.py`.
@Suite struct NotificationTests {
    /// No server listens on port 9 of loopback: every send fails at once with "cannot connect".
    static let unreachable = MailServer(url: "smtp://127.0.0.1:9?from=fuyuan@fuyuan.test")

    func deliveries(_ app: Application) async throws -> [String] {
        try await Delivery.query(on: app.db).sort(\.$recipient).all().map { "\($0.channel.rawValue) \($0.recipient)" }
    }

    @Test func theDigestIsMailedOnceAPersonADayWithTheirLines() async throws {
        try await withTestApp { app in
            app.config.mailServer = Self.unreachable
            // act
            let notices = try await runDigest(app)
            let again = try await runDigest(app)
            // check
            #expect(notices > 0)
            #expect(again == 0)
            // Every demo account of a business role has an address and the digest on; only these have something to
            // do today: 方城县's office, court and 司法局 (DigestTests), 鲁山县's office (a dispute late with its handler,
            // one to transfer), 汝州市's office, and 卫东区's court and office (a bankruptcy matter 5 days late).
            #expect(
                try await deliveries(app) == [
                    "mail fangcheng.court", "mail fangcheng.office", "mail fangcheng.sfj", "mail lushan.office",
                    "mail ruzhou.office", "mail weidong.court", "mail weidong.office",
                ])
            let court = try #require(
                try await Delivery.query(on: app.db).filter(\.$recipient == "fangcheng.court").first())
            let today = CalendarDay(containing: app.clock.now())
            #expect(court.title == "府院通每日提醒（\(today.chinese)）")
            #expect(court.link == "/notices")
            #expect(
                court.key == "digest:\(today):user:\(try await app.user(named: "fangcheng.court").requireID()):mail")
            // The court's own notice, line for line (DigestTests has its figures).
            let unit = try await app.unit(named: "方城县人民法院")
            let notice = try #require(
                try await Notice.query(on: app.db).filter(\.$recipient == Notice.unit(try unit.requireID())).first())
            #expect(court.lines == notice.lines)
            // The office's mail has its office's lines and its own unit's.
            let office = try #require(
                try await Delivery.query(on: app.db).filter(\.$recipient == "fangcheng.office").first())
            #expect(office.lines.contains("【待审核】"))
            #expect(office.state == .pending && office.attempts == 0)
        }
    }

    /// The court's group robot, added by 方城县's office.
    func addCourtRobot(_ app: Application) async throws {
        let region = try #require(try await Region.query(on: app.db).filter(\.$code == "411322").first())
        let unit = try await app.unit(named: "方城县人民法院")
        try await Robot(
            regionID: try region.requireID(), recipient: Notice.unit(try unit.requireID()), name: "法院工作群",
            preset: .dingtalk, sealedURL: app.fieldSeal.seal("http://127.0.0.1:9/robot/send?access_token=t"),
            sealedSecret: "", template: ""
        ).create(on: app.db)
    }

    @Test func mailWaitsForAMailServerSetLaterInTheDay() async throws {
        try await withTestApp { app in
            try await addCourtRobot(app)
            _ = try await runDigest(app)
            // act
            let before = try await Deliverer.drain(app)
            app.config.mailServer = Self.unreachable
            let after = try await Deliverer.drain(app)
            // check: the robot is tried at once, the mail only once a server is set
            #expect(try await deliveries(app).count == 8)
            #expect(before.sent == 0 && before.failed == 0 && before.retrying == 1)
            #expect(after.sent == 0 && after.failed == 0 && after.retrying == 7)
            let mail = try #require(
                try await Delivery.query(on: app.db).filter(\.$recipient == "fangcheng.sfj").first())
            #expect(mail.attempts == 1 && mail.answer.hasPrefix("无法连接邮件服务器 127.0.0.1:9"))
        }
    }

    @Test func mailNobodyCanSendFailsAfterADay() async throws {
        try await withTestApp { app in
            _ = try await runDigest(app)
            try await Deliverer.pass(app, holder: "test")
            let waiting = try await Delivery.query(on: app.db).all()
            #expect(waiting.count == 7 && waiting.allSatisfy { $0.state == .pending && $0.attempts == 0 })
            // act
            app.clock.advance(by: 86_400 + 1)
            try await Deliverer.pass(app, holder: "test")
            // check
            let expired = try await Delivery.query(on: app.db).all()
            #expect(expired.count == 7 && expired.allSatisfy { $0.state == .failed })
            #expect(expired[0].answer == "一日内未能发出：系统管理员尚未在“通知渠道”中设置邮件服务器")
        }
    }

    @Test func supervisionReachesTheUnitsPeopleAndRobotsWhenIssued() async throws {
        try await withTestApp { app in
            try await addCourtRobot(app)
            let court = try await app.unit(named: "方城县人民法院")
            // act
            let issued = try await app.send(
                .POST, "/regions/411322/supervision", as: try await app.signIn("fangcheng.office"),
                form: [
                    ("kind", "urge"), ("tone", "none"), ("unit[]", try court.requireID().uuidString),
                    ("text", "请于本周内报送行政机关负责人出庭应诉情况"), ("respondBy", "2099-01-01"), ("itemID", ""),
                ])
            // check
            #expect(issued.status == .seeOther)
            let supervision = try #require(try await Supervision.query(on: app.db).filter(\.$kind == .urge).first())
            let sent = try await Delivery.query(on: app.db).sort(\.$recipient).all()
            #expect(sent.map { "\($0.channel.rawValue) \($0.recipient)" } == ["mail fangcheng.court", "robot 法院工作群"])
            #expect(
                sent.map(\.key) == [
                    "supervision:\(try supervision.requireID()):user:\(try await app.user(named: "fangcheng.court").requireID()):mail",
                    "supervision:\(try supervision.requireID()):robot:\(try #require(sent[1].$robot.id))",
                ])
            #expect(sent[0].title == "【催办】方城县联席办：催办")
            #expect(sent[0].lines == "请于本周内报送行政机关负责人出庭应诉情况\n请于 2099年1月1日 前回复")
            #expect(sent[0].link == "/regions/411322/supervision")
        }
    }

    @Test func anItemHandedToUnitsReachesTheirPeople() async throws {
        try await withTestApp { app in
            let list = try #require(
                try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
            let input = LedgerStore.ItemInput(
                listID: try list.requireID(), title: "建立行政争议诉前化解衔接机制", content: "", area: .enforcement,
                deadline: "2099年1月1日", leadUnitIDs: [try await app.unit(named: "方城县人民法院").requireID()],
                responsibleUnitIDs: [try await app.unit(named: "方城县司法局").requireID()], cooperatingUnitIDs: [],
                issueNow: true)
            // act
            let created = try await app.send(
                .POST, "/api/v1/items", as: try await app.signIn("fangcheng.office"), json: input)
            // check
            #expect(created.status == .created)
            let item = try #require(try await WorkItem.query(on: app.db).filter(\.$title == input.title).first())
            let sent = try await Delivery.query(on: app.db).sort(\.$recipient).all()
            #expect(sent.map(\.recipient) == ["fangcheng.court", "fangcheng.sfj"])
            #expect(sent.map(\.title) == ["【交办】建立行政争议诉前化解衔接机制", "【交办】建立行政争议诉前化解衔接机制"])
            #expect(sent[0].lines == "完成时限：2099年1月1日\n请签收并按时报送进展")
            #expect(sent[0].link == "/items/\(try item.requireID())")
        }
    }

    @Test func aLockoutReachesTheSecurityAdministratorAtOnce() async throws {
        try await withTestApp { app in
            // act
            for _ in 1...5 {
                _ = try await app.send(
                    .POST, "/api/v1/auth/login", json: ["username": "lushan.court", "password": "Wrong#123"])
            }
            // check
            let sent = try #require(try await Delivery.query(on: app.db).filter(\.$kind == "alert").first())
            #expect(sent.recipient == "secadmin")
            #expect(sent.channel == .mail)
            #expect(sent.title.hasPrefix("【安全告警】"))
            #expect(sent.link == "/admin/alerts")
            #expect(try await Delivery.query(on: app.db).count() == 1)
        }
    }

    @Test func aUnitKeepsItsOwnRobotOnly() async throws {
        try await withTestApp { app in
            let sfj = try await app.signIn("fangcheng.sfj")
            let unit = try await app.unit(named: "方城县司法局")
            let fields = [("preset", "wecom"), ("url", "http://10.1.2.3/cgi-bin/webhook/send?key=k"), ("secret", "")]
            // act
            let own = try await app.send(
                .POST, "/notices/robots", as: sfj,
                form: [("name", "司法局工作群"), ("recipient", Notice.unit(try unit.requireID()))] + fields)
            let office = try await app.send(
                .POST, "/notices/robots", as: sfj, form: [("name", "冒充联席办"), ("recipient", "office")] + fields)
            // check
            #expect(own.status == .seeOther)
            #expect(office.status == .unprocessableEntity)
            #expect(office.text.contains("发给：请选择联席办、本级的成员单位或本单位"))
            let robot = try #require(try await Robot.query(on: app.db).first())
            #expect(robot.name == "司法局工作群" && robot.preset == .wecom)
            #expect(try app.fieldSeal.open(robot.sealedURL) == "http://10.1.2.3/cgi-bin/webhook/send?key=k")
            let officeList = try await app.send(.GET, "/notices/robots", as: try await app.signIn("fangcheng.office"))
            #expect(officeList.text.contains("<td>司法局工作群</td><td>方城县司法局</td><td>企业微信</td>"))
            let court = try await app.send(.GET, "/notices/robots", as: try await app.signIn("fangcheng.court"))
            #expect(!court.text.contains("<td>司法局工作群</td>"))
            let removed = try await app.send(
                .POST, "/notices/robots/\(try robot.requireID())/remove", as: try await app.signIn("fangcheng.court"),
                form: [])
            #expect(removed.status == .notFound)
            #expect(try await app.auditEntries(.robotAdded).map(\.summary) == ["添加群机器人“司法局工作群”（企业微信，发给方城县司法局）"])
        }
    }

    @Test func withRobotHostsSetARobotPostsOnlyThere() async throws {
        try await withTestApp { app in
            app.config.robotHosts = ["oapi.dingtalk.com"]
            let office = try await app.signIn("fangcheng.office")
            func add(_ url: String) async throws -> TestingHTTPResponse {
                try await app.send(
                    .POST, "/notices/robots", as: office,
                    form: [("name", "联席办工作群"), ("recipient", "office"), ("preset", "dingtalk"), ("url", url)])
            }
            // act
            let inside = try await add("http://10.1.2.3:8080/admin")
            let outside = try await add("https://OAPI.dingtalk.com/robot/send?access_token=t")
            // check
            #expect(inside.status == .unprocessableEntity)
            #expect(inside.text.contains("地址：群机器人只能发往系统允许的主机（oapi.dingtalk.com）"))
            #expect(outside.status == .seeOther)
            #expect(try await Robot.query(on: app.db).count() == 1)
        }
    }

    @Test func theRobotHostsAreReadFromTheEnvironment() throws {
        let config = try AppConfig.fromEnvironment(["FUYUAN_ROBOT_HOSTS": " OAPI.dingtalk.com , 10.1.2.3"])
        #expect(config.robotHosts == ["oapi.dingtalk.com", "10.1.2.3"])
        #expect(throws: AppConfig.Problem.self) {
            try AppConfig.fromEnvironment(["FUYUAN_ROBOT_HOSTS": "https://oapi.dingtalk.com"])
        }
    }

    @Test func aWeComRobotPostsMarkdownAndAGenericOneSignsItsBody() {
        let wecom = RobotPost.make(
            preset: .wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", secret: "", template: "",
            title: "标题", lines: ["一"], link: "http://fuyuan/", now: Date(timeIntervalSince1970: 0))
        #expect(
            wecom.body
                == ####"{"markdown":{"content":"### 标题\n\n- 一\n\n[打开府院通](http://fuyuan/)"},"msgtype":"markdown"}"####)
        let generic = RobotPost.make(
            preset: .generic, url: "http://lanxin/hook", secret: "s3cret", template: #"{"msg":"{{title}}"}"#,
            title: "标题", lines: [], link: "", now: Date(timeIntervalSince1970: 1_796_623_200))
        // Python: hmac.new(b"s3cret", b"1796623200000." + body, sha256).hexdigest()
        #expect(
            generic.headers.map { $0.0 + ": " + $0.1 } == [
                "X-Fuyuan-Timestamp: 1796623200000",
                "X-Fuyuan-Signature: sha256=f5dba331d6ce0b1278e15981a99bd56f5d632f33969a83db76cc8456b1bde59b",
            ])
        #expect(MailAddress.masked("fangcheng.court@fuyuan.test") == "fangch*****ourt@fuyuan.test")
    }

    @Test func anSMSIsCutToTheGatewaysLength() {
        let gateway = SMSGateway(url: "http://sms/", template: "", maxLength: 30)
        #expect(gateway.text("府院通每日提醒", lines: ["【逾期】一"]) == "【府院通】府院通每日提醒：【逾期】一")
        let long = gateway.text("府院通每日提醒（2026年12月7日）", lines: ["【逾期】行政机关负责人出庭应诉", "【临期】二"])
        #expect(long == "【府院通】府院通每日提醒（2026年12月7日）：【逾期】…")
        #expect(long.count == 30)
        #expect(gateway.body(phone: "13912345678", text: "一\"二") == #"{"mobile":"13912345678","content":"一\"二"}"#)
    }

    @Test func aPersonWithAPhoneTakesTheDigestBySMSToo() async throws {
        try await withTestApp { app in
            let sfj = try await app.signIn("fangcheng.sfj")
            let saved = try await app.send(
                .POST, "/account/notices", as: sfj,
                form: [
                    ("email", "fangcheng.sfj@fuyuan.test"), ("phone", "139-1234-5678"), ("choices[]", "digest:mail"),
                    ("choices[]", "digest:sms"),
                ])
            #expect(saved.status == .seeOther)
            // act
            _ = try await runDigest(app)
            // check
            let sent = try await Delivery.query(on: app.db).filter(\.$recipient == "fangcheng.sfj").sort(\.$channel)
                .all()
            #expect(sent.map(\.channel) == [.mail, .sms])
            let settings = try await NoticeSettingsStore.read(
                try await app.acting("fangcheng.sfj").caller, features: app.features, seal: app.fieldSeal, on: app.db)
            #expect(settings.phone == "13912345678")
            let refused = try await app.send(
                .POST, "/account/notices", as: sfj, form: [("email", ""), ("phone", "1234")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("手机号：“1234”不是 11 位的手机号"))
        }
    }

    @Test func switchingMailOffInOnesSettingsStopsIt() async throws {
        try await withTestApp { app in
            app.config.mailServer = Self.unreachable
            let court = try await app.signIn("fangcheng.court")
            let page = try await app.send(.GET, "/account/notices", as: court)
            #expect(page.text.contains("value=\"fangcheng.court@fuyuan.test\""))
            #expect(page.text.contains(#"value="digest:mail" aria-label="\#(NoticeKind.digest.label) · 邮件" checked"#))
            // act
            let saved = try await app.send(
                .POST, "/account/notices", as: court, form: [("email", "fangcheng.court@fuyuan.test")])
            _ = try await runDigest(app)
            // check
            #expect(saved.status == .seeOther)
            #expect(!(try await deliveries(app)).contains("mail fangcheng.court"))
            #expect(try await deliveries(app).contains("mail fangcheng.sfj"))
            let entry = try #require(try await app.auditEntries(.noticeSettingsChanged).first)
            #expect(entry.summary == "修改通知设置：已留邮箱、未留手机号；邮件接收 无；短信接收 无")
        }
    }

    @Test func aBadAddressIsRefusedByItsFieldAndNothingChanges() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("fangcheng.court")
            let refused = try await app.send(
                .POST, "/account/notices", as: court, form: [("email", "法院@"), ("choices[]", "digest:mail")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("邮箱：“法院@”不是有效的邮箱地址"))
            let settings = try await NoticeSettingsStore.read(
                try await app.acting("fangcheng.court").caller, features: app.features, seal: app.fieldSeal, on: app.db)
            #expect(
                settings
                    == .init(
                        email: "fangcheng.court@fuyuan.test", phone: "",
                        choices: ["digest:mail", "handed:mail", "supervision:mail", "suggestion:mail", "dispute:mail"]))
        }
    }

    @Test func aFailedSendWaitsLongerEachTimeThenFailsAndCanBeSentAgain() async throws {
        try await withTestApp { app in
            app.config.mailServer = Self.unreachable
            _ = try await runDigest(app)
            let key = try #require(
                try await Delivery.query(on: app.db).filter(\.$recipient == "fangcheng.sfj").first()?.key)
            func delivery() async throws -> Delivery {
                try #require(try await Delivery.query(on: app.db).filter(\.$key == key).first())
            }
            // act: six attempts, each as soon as its retry is due
            // Each wait as the clock allows it: between the next try's time less the end of the pass and less its start.
            var waits: [ClosedRange<Int64>] = []
            for _ in 1...6 {
                let before = try await delivery()
                app.clock.advance(by: Double(max(0, before.nextAt - app.clock.now().milliseconds)) / 1000 + 0.001)
                let started = app.clock.now().milliseconds
                try await Deliverer.pass(app, holder: "test")
                while try await Deliverer.pass(app, holder: "test") > 0 {}
                let ended = app.clock.now().milliseconds
                let after = try await delivery()
                waits.append((after.nextAt - ended)...(after.nextAt - started))
            }
            // check
            let failed = try await delivery()
            #expect(failed.attempts == 6)
            #expect(failed.state == .failed)
            #expect(failed.answer.hasPrefix("无法连接邮件服务器 127.0.0.1:9"))
            // 60 s, then 5, 15, 60 and 180 times that; the sixth failure is final.
            for (wait, seconds) in zip(waits, [60, 300, 900, 3600, 10800] as [Int64]) {
                #expect(wait.contains(seconds * 1000), "\(seconds) s")
            }
            // The delivery log shows it, and sends it again.
            let admin = try await app.signIn("sysadmin")
            let log = try await app.send(.GET, "/admin/deliveries?state=failed", as: admin)
            #expect(log.text.contains("无法连接邮件服务器 127.0.0.1:9"))
            let resent = try await app.send(
                .POST, "/admin/deliveries/\(try failed.requireID())/resend", as: admin, form: [])
            #expect(resent.status == .seeOther)
            let again = try await delivery()
            #expect(again.state == .pending && again.nextAt <= app.clock.now().milliseconds)
            #expect(try await app.auditEntries(.deliveryResent).count == 1)
            let twice = try await app.send(
                .POST, "/admin/deliveries/\(try failed.requireID())/resend", as: admin, form: [])
            #expect(twice.status == .conflict)
        }
    }

    @Test func theDeliveryLogKeepsAQuarter() async throws {
        try await withTestApp { app in
            app.config.mailServer = Self.unreachable
            _ = try await runDigest(app)
            try await Delivery.query(on: app.db).filter(\.$recipient ~~ ["fangcheng.sfj", "fangcheng.court"])
                .set(\.$state, to: .failed).update()
            // act
            let early = try await Retention.sweep(
                on: app.db, now: app.clock.now().addingTimeInterval(89 * 86_400), config: app.config)
            let late = try await Retention.sweep(
                on: app.db, now: app.clock.now().addingTimeInterval(91 * 86_400), config: app.config)
            // check: the two that ended go after 90 days; the five still to send stay
            #expect(early.deliveries == 0)
            #expect(late.deliveries == 2)
            #expect(
                try await Delivery.query(on: app.db).sort(\.$recipient).all().map(\.recipient) == [
                    "fangcheng.office", "lushan.office", "ruzhou.office", "weidong.court", "weidong.office",
                ])
        }
    }

    @Test func twoSendersNeverTakeTheSameDelivery() async throws {
        try await withTestApp { app in
            app.config.mailServer = Self.unreachable
            _ = try await runDigest(app)
            // act: two instances' passes at once, each claiming up to ten of the seven
            async let first = Deliverer.pass(app, holder: "a")
            async let second = Deliverer.pass(app, holder: "b")
            let claimed = try await first + second
            // check
            #expect(claimed == 7)
            #expect(try await Delivery.query(on: app.db).all().map(\.attempts) == [1, 1, 1, 1, 1, 1, 1])
        }
    }

    @Test func aDingTalkRobotSignsWithTheTimeAndItsSecret() {
        let post = RobotPost.make(
            preset: .dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=abc",
            secret: "SEC0123456789abcdef", template: "", title: "府院通每日提醒", lines: ["【逾期】一", "【临期】二"],
            link: "http://fuyuan/notices", now: Date(timeIntervalSince1970: 1_796_623_200))
        // Python: base64(hmac.new(secret, "1796623200000\n" + secret, sha256)), quoted.
        #expect(
            post.url
                == "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1796623200000&sign=v2yBTxpZIpoXVMT7o5iBd8f4e3T5ll4VluAFYBrFiPU%3D"
        )
        #expect(
            post.body
                == ####"{"markdown":{"text":"### 府院通每日提醒\n\n- 【逾期】一\n- 【临期】二\n\n[打开府院通](http://fuyuan/notices)","title":"府院通每日提醒"},"msgtype":"markdown"}"####
        )
    }

    @Test func aGenericRobotFillsItsTemplateAsJSON() {
        let post = RobotPost.make(
            preset: .generic, url: "http://lanxin/hook", secret: "", template: #"{"msg":"{{title}}: {{text}}"}"#,
            title: "标题\"引号\"", lines: ["一", "二"], link: "http://x/", now: Date(timeIntervalSince1970: 0))
        #expect(post.body == #"{"msg":"标题\"引号\": 一\n二"}"#)
        #expect(RobotPost.templateIsValid(#"{"msg":"{{text}}"}"#))
        let unquoted = #"{"msg":{{text}}}"#
        #expect(!RobotPost.templateIsValid(unquoted))
    }

    @Test(arguments: [
        ("smtp://10.1.2.3:25", "smtp://10.1.2.3:25，发件人 fuyuan@10.1.2.3"),
        (
            "smtp://fy%40gov:p%2Fw@mail.gov.cn:587?starttls=required&from=fuyuan@gov.cn",
            "smtp://fy@gov@mail.gov.cn:587（STARTTLS），发件人 fuyuan@gov.cn"
        ),
        ("smtps://fy:pw@mail.gov.cn", "smtps://fy@mail.gov.cn:465，发件人 fuyuan@mail.gov.cn"),
    ])
    func theMailURLSaysServerSecurityAndSender(_ url: String, _ shown: String) throws {
        let server = try #require(MailServer(url: url))
        #expect(server.description == shown)
        if url.contains("p%2Fw") { #expect(server.password == "p/w") }
    }

    @Test(arguments: ["http://mail:25", "smtp://", "smtp://mail:25?starttls=maybe", "smtps://mail?starttls=required"])
    func aWrongMailURLIsRefused(_ url: String) {
        #expect(MailServer(url: url) == nil)
        #expect(throws: AppConfig.Problem.self) { try AppConfig.fromEnvironment(["FUYUAN_SMTP_URL": url]) }
    }
}
