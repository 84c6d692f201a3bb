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
            // do today: 方城县's office, court and 司法局 (DigestTests), and 汝州市's office.
            #expect(
                try await deliveries(app) == [
                    "mail fangcheng.court", "mail fangcheng.office", "mail fangcheng.sfj", "mail ruzhou.office",
                ])
            let court = try #require(
                try await Delivery.query(on: app.db).filter(\.$recipient == "fangcheng.court").first())
            let today = CalendarDay(containing: app.clock.now())
            #expect(court.title == "府院通每日提醒（\(today.chinese)）")
            #expect(court.link == "http://127.0.0.1:8080/notices")
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

    @Test func withoutAMailServerOnlyTheRobotsAreSent() async throws {
        try await withTestApp { app in
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "411322").first())
            let unit = try await app.unit(named: "方城县人民法院")
            try await Robot(
                regionID: try region.requireID(), recipient: Notice.unit(try unit.requireID()), name: "法院工作群",
                preset: .dingtalk, sealedURL: app.fieldSeal.seal("http://127.0.0.1:9/robot/send?access_token=t"),
                sealedSecret: "", template: ""
            ).create(on: app.db)
            // act
            _ = try await runDigest(app)
            // check
            #expect(try await deliveries(app) == ["robot 法院工作群"])
            // A mail server set later in the day: the next run mails today's digest to those not yet sent it.
            app.config.mailServer = Self.unreachable
            #expect(try await runDigest(app) == 0)
            #expect(try await deliveries(app).count == 5)
        }
    }

    @Test func switchingMailOffInOnesSettingsStopsIt() async throws {
        try await withTestApp { app in
            app.config.mailServer = Self.unreachable
            let court = try await app.signIn("fangcheng.court")
            let page = try await app.send(.GET, "/account/notices", as: court)
            #expect(page.text.contains("value=\"fangcheng.court@fuyuan.test\""))
            #expect(page.text.contains("value=\"digest:mail\" checked"))
            // act
            let saved = try await app.send(
                .POST, "/account/notices", as: court, form: [("email", "fangcheng.court@fuyuan.test")])
            _ = try await runDigest(app)
            // check
            #expect(saved.status == .seeOther)
            #expect(!(try await deliveries(app)).contains("mail fangcheng.court"))
            #expect(try await deliveries(app).contains("mail fangcheng.sfj"))
            let entry = try #require(try await app.auditEntries(.noticeSettingsChanged).first)
            #expect(entry.summary == "修改通知设置：已留邮箱；邮件接收 无")
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
            #expect(settings == .init(email: "fangcheng.court@fuyuan.test", choices: ["digest:mail"]))
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
            var waits: [Int64] = []
            for _ in 1...6 {
                let before = try await delivery()
                app.clock.advance(by: Double(max(0, before.nextAt - app.clock.now().milliseconds)) / 1000 + 0.001)
                try await Deliverer.pass(app, holder: "test")
                while try await Deliverer.pass(app, holder: "test") > 0 {}
                let after = try await delivery()
                waits.append((after.nextAt - app.clock.now().milliseconds + 500) / 1000)
            }
            // check
            let failed = try await delivery()
            #expect(failed.attempts == 6)
            #expect(failed.state == .failed)
            #expect(failed.answer.hasPrefix("无法连接邮件服务器 127.0.0.1:9"))
            // 60 s, then 5, 15, 60 and 180 times that; the sixth failure is final.
            #expect(waits.prefix(5) == [60, 300, 900, 3600, 10800])
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

    @Test func twoSendersNeverTakeTheSameDelivery() async throws {
        try await withTestApp { app in
            app.config.mailServer = Self.unreachable
            _ = try await runDigest(app)
            // act: two instances' passes at once, each claiming up to ten of the four
            async let first = Deliverer.pass(app, holder: "a")
            async let second = Deliverer.pass(app, holder: "b")
            let claimed = try await first + second
            // check
            #expect(claimed == 4)
            #expect(try await Delivery.query(on: app.db).all().map(\.attempts) == [1, 1, 1, 1])
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
