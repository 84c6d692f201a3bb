import Crypto
import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// Every registered route, tried by every kind of caller. Each row states the outcome per caller in this order:
///
///     anonymous, sysadmin, secadmin, auditor, henan.office (province), pds.office (平顶山市),
///     lushan.office, lushan.court, lushan.zrzy (liaison), lushan.leader   — all of 鲁山县 —
///     weidong.office (卫东区, a sibling county of 鲁山县)
///
/// O allowed (2xx or a redirect that is not to sign-in), L sent to sign-in (pages) or 401 (API),
/// U 401 from a page (a refused sign-in), F 403, N 404 (outside the caller's scope), V 422 (allowed, input refused),
/// B 400 (allowed, the request itself malformed).
@Suite struct ScopeMatrixTests {
    static let callers: [String?] = [
        nil, "sysadmin", "secadmin", "auditor", "henan.office", "pds.office", "lushan.office", "lushan.court",
        "lushan.zrzy", "lushan.leader", "weidong.office",
    ]

    /// Values a probe's path or body refers to, made before it runs.
    struct Fixture {
        let unitID: String
        let courtUserID: String
        let targetUserID: String
        let tokenID: String
        /// 鲁山县's answer to the first batch's item 2, with its parts of 鲁山县司法局 and 鲁山县人民法院.
        let itemID: String
        /// Its 完成时限 as the edit form shows it.
        let itemDeadline: String
        let justicePartID: String
        let courtPartID: String
        let listID: String
        /// A supervision of 鲁山县 addressed to 鲁山县人民法院.
        let courtTargetID: String
        let attachmentID: String
        /// 鲁山县自然资源局: red warning for 2023-01-01…07-24 (4 lost of 4).
        let zrzyID: String
        /// A case of 鲁山县 (its defendant 鲁山县自然资源局).
        let caseID: String
    }

    struct Probe: Sendable, CustomTestStringConvertible {
        let method: HTTPMethod
        let route: String
        let path: String
        let expected: String
        var form: [(String, String)]? = nil
        var json: [String: String]? = nil

        var testDescription: String { "\(method.rawValue) \(path)" }

        static func form(
            _ method: HTTPMethod, _ route: String, _ path: String, _ expected: String, _ fields: [(String, String)] = []
        ) -> Probe {
            Probe(method: method, route: route, path: path, expected: expected, form: fields)
        }

        static func json(
            _ method: HTTPMethod, _ route: String, _ path: String, _ expected: String, _ body: [String: String] = [:]
        ) -> Probe {
            Probe(method: method, route: route, path: path, expected: expected, json: body)
        }

        static func get(_ route: String, _ path: String, _ expected: String) -> Probe {
            Probe(method: .GET, route: route, path: path, expected: expected)
        }
    }

    static let readLushan = "LOFFOOOOOON"
    static let writeLushanUnits = "LOFFFFOFFFN"
    static let writeLushanRoster = "LFFFFFOFFFN"
    static let sysadminOnly = "LOFFFFFFFFF"
    static let securityOnly = "LFOFFFFFFFF"

    static let probes: [Probe] = [
        .get("assets/:name", "/assets/\(Assets.stylesheetName)", "OOOOOOOOOOO"),
        .get("health/live", "/health/live", "OOOOOOOOOOO"),
        .get("health/ready", "/health/ready", "OOOOOOOOOOO"),
        .get("api/v1/openapi.json", "/api/v1/openapi.json", "OOOOOOOOOOO"),
        .get("login", "/login", "OOOOOOOOOOO"),
        .form(.POST, "login", "/login", "UUUUUUUUUUU", [("username", "nobody.here"), ("password", "Wrong#123")]),
        .json(
            .POST, "api/v1/auth/login", "/api/v1/auth/login", "LLLLLLLLLLL",
            ["username": "nobody.here", "password": "Wrong#123"]),
        .get("", "/", "LOOOOOOOOOO"),
        .form(.POST, "logout", "/logout", "LOOOOOOOOOO"),
        .get("account/password", "/account/password", "LOOOOOOOOOO"),
        .form(
            .POST, "account/password", "/account/password", "LVVVVVVVVVV",
            [("current", "Wrong#123"), ("new", "New#12345"), ("confirm", "New#12345")]),
        .get("account/second-factor", "/account/second-factor", "LOOOOOOOOOO"),
        .form(
            .POST, "account/second-factor", "/account/second-factor", "LVVVVVVVVVV",
            [("key", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), ("code", "000000")]),
        .form(
            .POST, "account/second-factor/disable", "/account/second-factor/disable", "LVVVVVVVVVV",
            [("code", "000000")]),
        .get("account/confirm", "/account/confirm?next=/admin/users", "LOOOOOOOOOO"),
        .form(.POST, "account/confirm", "/account/confirm", "LVVVVVVVVVV", [("password", "Wrong#123")]),
        .get("admin/tokens", "/admin/tokens", sysadminOnly),
        .form(.POST, "admin/tokens", "/admin/tokens", sysadminOnly, [("name", "法院系统"), ("userID", "{court}")]),
        .form(.POST, "admin/tokens/:id/revoke", "/admin/tokens/{token}/revoke", sysadminOnly),
        .json(.POST, "api/v1/auth/logout", "/api/v1/auth/logout", "LOOOOOOOOOO"),
        .get("api/v1/me", "/api/v1/me", "LOOOOOOOOOO"),
        .get("regions/go", "/regions/go?code=410423", "LOOOOOOOOOO"),
        .get("regions/:code", "/regions/410423", readLushan),
        .get("regions/:code", "/regions/410400", "LOFFOONNNNN"),
        .get("regions/:code/units", "/regions/410423/units", readLushan),
        .form(
            .POST, "regions/:code/units", "/regions/410423/units", writeLushanUnits,
            [("name", "鲁山县信访局{who}"), ("kind", "department")]),
        .get("units/:id/edit", "/units/{unit}/edit", writeLushanUnits),
        .form(.POST, "units/:id", "/units/{unit}", writeLushanUnits, [("name", "鲁山县司法局"), ("kind", "department")]),
        .get("regions/:code/meeting", "/regions/410423/meeting", readLushan),
        .get("regions/:code/meeting/edit", "/regions/410423/meeting/edit", writeLushanRoster),
        .form(
            .POST, "regions/:code/meeting", "/regions/410423/meeting", writeLushanRoster,
            [
                ("name", "鲁山县府院联动联席会议{who}"), ("officeUnitID", ""), ("approvedBy", "县长"), ("approvedOn", "2026-11-01"),
            ]),
        .get("admin/regions", "/admin/regions", sysadminOnly),
        .form(
            .POST, "admin/regions", "/admin/regions", sysadminOnly,
            [("code", "410402"), ("name", "新华区"), ("parentCode", "410400")]),
        .get("admin/users", "/admin/users", "LOOFFFFFFFF"),
        .get("admin/users/new", "/admin/users/new", sysadminOnly),
        .form(
            .POST, "admin/users", "/admin/users", sysadminOnly,
            [("username", "new.user"), ("displayName", "新用户"), ("role", "liaison"), ("unitID", "{unit}")]),
        .form(.POST, "admin/users/:id/role", "/admin/users/{target}/role", securityOnly, [("role", "leader")]),
        .form(.POST, "admin/users/:id/unlock", "/admin/users/{target}/unlock", securityOnly),
        .form(.POST, "admin/users/:id/second-factor/reset", "/admin/users/{target}/second-factor/reset", securityOnly),
        .form(.POST, "admin/users/:id/reset-password", "/admin/users/{target}/reset-password", sysadminOnly),
        .form(.POST, "admin/users/:id/active", "/admin/users/{target}/active", sysadminOnly, [("active", "0")]),
        .get("audit", "/audit", "LFFOFFFFFFF"),
        .get("admin/alerts", "/admin/alerts", "LFOFFFFFFFF"),
        .get("api/v1/regions", "/api/v1/regions", "LOFFOOOOOOO"),
        .json(
            .POST, "api/v1/regions", "/api/v1/regions", sysadminOnly,
            ["code": "410402", "name": "新华区", "parentCode": "410400"]),
        .get("api/v1/regions/:code", "/api/v1/regions/410423", readLushan),
        .get("api/v1/regions/:code/units", "/api/v1/regions/410423/units", readLushan),
        .json(
            .POST, "api/v1/regions/:code/units", "/api/v1/regions/410423/units", writeLushanUnits,
            ["name": "鲁山县信访局{who}", "kind": "department"]),
        .get("api/v1/units/:id", "/api/v1/units/{unit}", readLushan),
        .json(.PATCH, "api/v1/units/:id", "/api/v1/units/{unit}", writeLushanUnits, ["kind": "department"]),
        .get("api/v1/regions/:code/joint-meeting", "/api/v1/regions/410423/joint-meeting", readLushan),
        .json(.PUT, "api/v1/regions/:code/joint-meeting", "/api/v1/regions/410423/joint-meeting", writeLushanRoster),
        .get("api/v1/users", "/api/v1/users", "LOOFFFFFFFF"),
        .json(
            .POST, "api/v1/users", "/api/v1/users", sysadminOnly,
            ["username": "new.user", "displayName": "新用户", "role": "liaison", "unitID": "{unit}"]),
        .get("api/v1/users/:id", "/api/v1/users/{court}", "LOOFFFFFFFF"),
        .get("regions/:code/ledger", "/regions/410423/ledger", readLushanLedger),
        .get("regions/:code/ledger.csv", "/regions/410423/ledger.csv", readLushanLedger),
        .get("regions/:code/ledger.xlsx", "/regions/410423/ledger.xlsx", readLushanLedger),
        .get("regions/:code/ledger/new", "/regions/410423/ledger/new", writeLushanRoster),
        .form(
            .POST, "regions/:code/ledger", "/regions/410423/ledger", writeLushanRoster,
            [
                ("listID", "{list}"), ("title", "新事项{who}"), ("area", "other"), ("deadline", "2027年6月30日"),
                ("responsible[]", "{unit}"),
            ]),
        .form(
            .POST, "regions/:code/ledger/import", "/regions/410423/ledger/import", "LFFFFFBFFFN", [("listID", "{list}")]
        ),
        .form(
            .POST, "regions/:code/lists", "/regions/410423/lists", writeLushanRoster,
            [("kind", "problem"), ("title", "第二批{who}")]),
        .get("items/:id", "/items/{item}", readLushanLedger),
        .get("items/:id/edit", "/items/{item}/edit", writeLushanRoster),
        .form(
            .POST, "items/:id", "/items/{item}", writeLushanRoster,
            [("title", "事项{who}"), ("content", ""), ("area", "other"), ("deadline", "{deadline}")]),
        .form(.POST, "items/:id/issue", "/items/{item}/issue", "LFFFFFVFFFN"),
        .form(
            .POST, "items/:id/step", "/items/{item}/step", writeLushanRoster,
            [("partID", "{justicePart}"), ("action", "approveClosure")]),
        .form(
            .POST, "items/:id/reports", "/items/{item}/reports", "LFFFFFFOFFN",
            [("partID", "{courtPart}"), ("text", "本月新收行政案件 5 件")]),
        .form(
            .POST, "items/:id/extensions", "/items/{item}/extensions", "LFFFFFFVFFN",
            [("partID", "{courtPart}"), ("day", "2027-01-31"), ("reason", "案件多")]),
        .form(
            .POST, "items/:id/extensions/decide", "/items/{item}/extensions/decide", "LFFFFFNFFFN",
            [("extensionID", "{item}"), ("approve", "1")]),
        .form(.POST, "items/:id/hand-down", "/items/{item}/hand-down", "LFFFFFVFFFN"),
        .form(.POST, "items/:id/not-applicable", "/items/{item}/not-applicable", "LFFFFFVFFFN", [("reason", "无")]),
        .form(.POST, "items/:id/assign", "/items/{item}/assign", "LFFFFFVFFFN", [("responsible[]", "{unit}")]),
    ]

    static let readLushanLedger = "LFFFOOOOOON"

    /// Only 鲁山县's court staff maintain its cases; everyone else is refused by role.
    static func courtOfLushan(_ outcome: Character) -> String { "LFFFFFF\(outcome)FFF" }

    static let supervisionProbes: [Probe] = [
        .form(
            .POST, "regions/:code/litigation/warnings", "/regions/410423/litigation/warnings", writeLushanRoster,
            [("unitID", "{zrzy}"), ("from", "2023-01-01"), ("to", "2023-07-24")]),
        .get("regions/:code/litigation", "/regions/410423/litigation?from=2023-01-01&to=2023-07-24", readLushanLedger),
        .get(
            "regions/:code/litigation/bulletin", "/regions/410423/litigation/bulletin?year=2023&quarter=2",
            readLushanLedger),
        .json(.POST, "api/v1/litigation/cases/import", "/api/v1/litigation/cases/import", "LFFFFFFVFFF"),
        .get("api/v1/litigation/cases", "/api/v1/litigation/cases?region=410423", readLushanLedger),
        .get("api/v1/litigation/cases/:id", "/api/v1/litigation/cases/{case}", readLushanLedger),
        .get("regions/:code/litigation/cases", "/regions/410423/litigation/cases", readLushanLedger),
        .form(.POST, "regions/:code/litigation/cases", "/regions/410423/litigation/cases", courtOfLushan("V")),
        .get("regions/:code/litigation/cases/new", "/regions/410423/litigation/cases/new", courtOfLushan("O")),
        .get(
            "regions/:code/litigation/cases/template.xlsx", "/regions/410423/litigation/cases/template.xlsx",
            courtOfLushan("O")),
        .get(
            "regions/:code/litigation/cases/template.csv", "/regions/410423/litigation/cases/template.csv",
            courtOfLushan("O")),
        // The page's import answers 200 and streams the refusal of a body that is not a case file.
        .json(
            .POST, "regions/:code/litigation/cases/import", "/regions/410423/litigation/cases/import",
            courtOfLushan("O")),
        .get("litigation/cases/:id", "/litigation/cases/{case}", readLushanLedger),
        .form(.POST, "litigation/cases/:id", "/litigation/cases/{case}", courtOfLushan("V")),
        .form(.POST, "litigation/cases/:id/delete", "/litigation/cases/{case}/delete", courtOfLushan("O")),
        .get(
            "api/v1/litigation/figures", "/api/v1/litigation/figures?region=410423&from=2023-01-01&to=2023-07-24",
            readLushanLedger),
        .form(.POST, "items/:id/attachments", "/items/{item}/attachments", "LFFFFFBBFFN"),
        .get("attachments/:id", "/attachments/{attachment}", readLushanLedger),
        .form(.POST, "items/:id/links", "/items/{item}/links", "LFFFFFVFFFN", [("measureID", "{item}")]),
        .get("api/v1/regions/:code/supervision", "/api/v1/regions/410423/supervision", readLushanLedger),
        .json(.POST, "api/v1/regions/:code/supervision", "/api/v1/regions/410423/supervision", writeLushanRoster),
        .json(
            .POST, "api/v1/supervision-targets/:id/respond", "/api/v1/supervision-targets/{supervisionTarget}/respond",
            "LFFFFFFOFFF", ["text": "已报送"]),
        .get("api/v1/regions/:code/lists", "/api/v1/regions/410423/lists", readLushanLedger),
        .json(
            .POST, "api/v1/regions/:code/lists", "/api/v1/regions/410423/lists", writeLushanRoster,
            ["kind": "problem", "title": "第三批{who}"]),
        .get("api/v1/regions/:code/items", "/api/v1/regions/410423/items?timeliness=overdue", readLushanLedger),
        .json(.POST, "api/v1/items", "/api/v1/items", "LFFFVVOFFFV"),
        .get("api/v1/items/:id", "/api/v1/items/{item}", readLushanLedger),
        .json(.PATCH, "api/v1/items/:id", "/api/v1/items/{item}", writeLushanRoster, ["title": "事项{who}"]),
        .json(.POST, "api/v1/items/:id/issue", "/api/v1/items/{item}/issue", "LFFFFFVFFFN"),
        .json(
            .POST, "api/v1/items/:id/steps", "/api/v1/items/{item}/steps", writeLushanRoster,
            ["partID": "{justicePart}", "action": "approveClosure"]),
        .json(
            .POST, "api/v1/items/:id/reports", "/api/v1/items/{item}/reports", "LFFFFFFOFFN",
            ["partID": "{courtPart}", "text": "本月新收 5 件"]),
        .json(.POST, "api/v1/items/:id/hand-down", "/api/v1/items/{item}/hand-down", "LFFFFFVFFFN"),
        .get("api/v1/items/:id/roll-up", "/api/v1/items/{item}/roll-up", readLushanLedger),
        .get("notices", "/notices", "LFFFOOOOOOO"),
        .form(.POST, "notices/read", "/notices/read", "LFFFOOOOOOO"),
        .form(.POST, "notices/run", "/notices/run", "LFFFOOOFFFO"),
        .get("regions/:code/supervision", "/regions/410423/supervision", readLushanLedger),
        .form(
            .POST, "regions/:code/supervision", "/regions/410423/supervision", writeLushanRoster,
            [("kind", "urge"), ("unit[]", "{unit}"), ("text", "请报送进展{who}"), ("respondBy", "2099-01-01")]),
        .form(
            .POST, "supervision-targets/:id/respond", "/supervision-targets/{supervisionTarget}/respond", "LFFFFFFOFFF",
            [("text", "已报送")]),
    ]

    @Test func everyRegisteredRouteHasAProbe() async throws {
        try await withTestApp(demo: false) { app in
            let registered = Set(
                app.routes.all.map { "\($0.method.rawValue) \($0.path.map(\.description).joined(separator: "/"))" })
            let probed = Set((Self.probes + Self.supervisionProbes).map { "\($0.method.rawValue) \($0.route)" })
            #expect(registered.subtracting(probed).sorted() == [], "routes without a scope rule")
            #expect(probed.subtracting(registered).sorted() == [], "probes of routes that do not exist")
        }
    }

    @Test(arguments: probes + supervisionProbes)
    func probe(_ probe: Probe) async throws {
        try await withTestApp { app in
            let fixture = try await makeFixture(app)
            for (index, caller) in Self.callers.enumerated() {
                let expected = Array(probe.expected)[index]
                var session: TestSession?
                if let caller { session = try await app.signIn(caller) }
                let response = try await send(probe, as: session, who: caller ?? "anon", fixture: fixture, app: app)
                let outcome = Self.outcome(of: response, api: probe.path.hasPrefix("/api/"))
                #expect(
                    outcome == expected,
                    "\(probe.method.rawValue) \(probe.path) as \(caller ?? "anonymous"): \(response.status.code) \(response.text.prefix(160))"
                )
            }
        }
    }

    static func outcome(of response: TestingHTTPResponse, api: Bool) -> Character {
        switch response.status.code {
        case 401: return api ? "L" : "U"
        case 403: return "F"
        case 404: return "N"
        case 422: return "V"
        case 400: return "B"
        case 300..<400 where response.location?.hasPrefix("/login?next=") == true: return "L"
        case 200..<400: return "O"
        default: return "?"
        }
    }

    func makeFixture(_ app: Application) async throws -> Fixture {
        let court = try await app.user(named: "lushan.court")
        let token = APIToken(
            name: "鲁山县法院审判系统", tokenHash: Secret.digest(Secret.make()), userID: court.id!, createdBy: "sysadmin")
        try await token.create(on: app.db)
        let item = try #require(
            try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                .filter(Region.self, \.$code == "410423").filter(\.$number == 2).first())
        let parts = try await ItemPart.query(on: app.db).filter(\.$item.$id == item.id!).all()
        let justice = try await app.unit(named: "鲁山县司法局")
        // New items go to a list of 鲁山县's own: the handed-down list of item 2 takes none (WorkList.requireOwn).
        let ownList = WorkList(regionID: item.$region.id, kind: .problem, title: "鲁山县本级问题清单", source: "鲁山县联席会议")
        try await ownList.create(on: app.db)
        let supervision = Supervision()
        supervision.$region.id = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            .id!
        supervision.kind = .urge
        supervision.tone = .none
        supervision.text = "请报送进展"
        supervision.respondBy = "2099-01-01"
        supervision.issuedBy = "鲁山县联席办"
        try await supervision.create(on: app.db)
        let attachment = Attachment()
        attachment.$item.id = item.id!
        attachment.fileName = "白皮书.pdf"
        attachment.contentType = "application/pdf"
        let pdf = Data("%PDF-1.4\n".utf8)
        attachment.size = pdf.count
        attachment.sha256 = SHA256.hash(data: pdf).hex
        attachment.uploadedBy = "鲁山县联席办"
        try await attachment.create(on: app.db)
        let stored = AttachmentStore.path(for: attachment.sha256, in: app.config.dataDirectory)
        try FileManager.default.createDirectory(
            atPath: (stored as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try pdf.write(to: URL(fileURLWithPath: stored))
        let target = SupervisionTarget(supervisionID: supervision.id!, unitID: try await app.unit(named: "鲁山县人民法院").id!)
        try await target.create(on: app.db)
        return Fixture(
            unitID: justice.id!.uuidString, courtUserID: court.id!.uuidString,
            targetUserID: try await app.user(named: "ruzhou.office").id!.uuidString, tokenID: token.id!.uuidString,
            itemID: item.id!.uuidString, itemDeadline: item.deadline.label,
            justicePartID: try #require(parts.first { $0.$unit.id == justice.id }).id!.uuidString,
            courtPartID: try #require(parts.first { $0.$unit.id != justice.id }).id!.uuidString,
            listID: ownList.id!.uuidString, courtTargetID: target.id!.uuidString,
            attachmentID: attachment.id!.uuidString,
            zrzyID: try await app.unit(named: "鲁山县自然资源局").id!.uuidString,
            caseID: try #require(
                try await AdminCase.query(on: app.db).filter(\.$defendant.$id == app.unit(named: "鲁山县自然资源局").id!)
                    .first()
            ).id!.uuidString)
    }

    func send(_ probe: Probe, as session: TestSession?, who: String, fixture: Fixture, app: Application) async throws
        -> TestingHTTPResponse
    {
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{unit}", with: fixture.unitID)
                .replacingOccurrences(of: "{zrzy}", with: fixture.zrzyID)
                .replacingOccurrences(of: "{case}", with: fixture.caseID)
                .replacingOccurrences(of: "{court}", with: fixture.courtUserID)
                .replacingOccurrences(of: "{supervisionTarget}", with: fixture.courtTargetID)
                .replacingOccurrences(of: "{target}", with: fixture.targetUserID)
                .replacingOccurrences(of: "{token}", with: fixture.tokenID)
                .replacingOccurrences(of: "{who}", with: who)
                .replacingOccurrences(of: "{item}", with: fixture.itemID)
                .replacingOccurrences(of: "{deadline}", with: fixture.itemDeadline)
                .replacingOccurrences(of: "{justicePart}", with: fixture.justicePartID)
                .replacingOccurrences(of: "{courtPart}", with: fixture.courtPartID)
                .replacingOccurrences(of: "{list}", with: fixture.listID)
                .replacingOccurrences(of: "{attachment}", with: fixture.attachmentID)
        }
        let path = fill(probe.path)
        if probe.route == "regions/:code/meeting" || probe.route == "api/v1/regions/:code/joint-meeting",
            probe.method != .GET
        {
            return try await sendRoster(probe, path: path, session: session, who: who, app: app)
        }
        if probe.route == "api/v1/items" {
            let input = LedgerStore.ItemInput(
                listID: UUID(uuidString: fixture.listID)!, title: "新事项" + who, content: "", area: .other,
                deadline: "2027年6月30日",
                leadUnitIDs: [], responsibleUnitIDs: [UUID(uuidString: fixture.unitID)!], cooperatingUnitIDs: [],
                issueNow: false)
            return try await app.send(probe.method, path, as: session, json: input)
        }
        if probe.route == "api/v1/regions/:code/supervision", probe.method == .POST {
            let input = SupervisionStore.Input(
                kind: .urge, tone: nil, unitIDs: [UUID(uuidString: fixture.unitID)!], itemID: nil, text: "请报送进展" + who,
                respondBy: "2099-01-01")
            return try await app.send(probe.method, path, as: session, json: input)
        }
        if probe.route == "api/v1/items/:id/hand-down" {
            return try await app.send(probe.method, path, as: session, json: LedgerDTO.HandDown(regions: []))
        }
        if probe.path == "/login", probe.method == .POST, session == nil {
            let page = try await app.send(.GET, "/login")
            let cookie = try #require(page.headers.setCookie?[Cookies.loginCSRF]?.string)
            return try await app.send(
                .POST, path, form: (probe.form ?? []) + [("_csrf", cookie)],
                headers: [("Cookie", "\(Cookies.loginCSRF)=\(cookie)")])
        }
        if let form = probe.form {
            return try await app.send(probe.method, path, as: session, form: form.map { ($0.0, fill($0.1)) })
        }
        if let json = probe.json {
            return try await app.send(probe.method, path, as: session, json: json.mapValues(fill))
        }
        return try await app.send(probe.method, path, as: session)
    }

    /// A roster change needs the region's unit ids; each caller proposes a different name so every allowed write changes something.
    func sendRoster(_ probe: Probe, path: String, session: TestSession?, who: String, app: Application) async throws
        -> TestingHTTPResponse
    {
        if probe.json != nil {
            let input = RosterStore.Input(
                name: "鲁山县府院联动联席会议" + who, officeUnitID: nil, people: [], memberUnits: [], approvedBy: "县长",
                approvedOn: CalendarDay(parsing: "2026-11-01")!)
            return try await app.send(probe.method, path, as: session, json: input)
        }
        return try await app.send(
            probe.method, path, as: session,
            form: (probe.form ?? []).map { ($0.0, $0.1.replacingOccurrences(of: "{who}", with: who)) })
    }
}
