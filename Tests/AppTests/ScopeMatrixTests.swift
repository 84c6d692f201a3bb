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
/// B 400 (allowed, the request itself malformed), C 409 (allowed, the step already taken by a caller before).
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
        /// Judicial suggestions of 鲁山县's court to 鲁山县自然资源局: one just issued, one signed for.
        let suggestionID: String
        let signedSuggestionID: String
        /// 鲁山县's demo enforcement cases: 住建局's partly paid one, 张官营镇's act; and those two units.
        let enforcementCaseID: String
        let enforcementActID: String
        let housingID: String
        let townID: String
        /// Disputes of 鲁山县 waiting at each step: registered; transferred, assigned and answered with 鲁山县自然资源局.
        let disputeIDs: [DisputeState: String]
        /// A bankruptcy case of 鲁山县's court, accepted on 2026-01-05, with no matters yet.
        let bankruptcyCaseID: String
        /// A plan 鲁山县's office uploaded and has not committed.
        let documentID: String
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

    static let readLushanLedger = "LFFFOOOOOON"

    /// Only 鲁山县's court staff maintain its cases; everyone else is refused by role.
    static func courtOfLushan(_ outcome: Character) -> String { "LFFFFFF\(outcome)FFF" }

    /// Each feature's probes, in its own file under `ScopeProbes/`, by the feature's name.
    static let probesByFeature: [String: [Probe]] = [
        Feature.platform.name: platformProbes, Feature.auth.name: authProbes, Feature.org.name: orgProbes,
        Feature.home.name: homeProbes,
        Feature.audit.name: auditProbes, Feature.ledger.name: ledgerProbes, Feature.supervision.name: supervisionProbes,
        Feature.notifications.name: notificationsProbes, Feature.litigation.name: litigationProbes,
        Feature.suggestions.name: suggestionsProbes, Feature.enforcement.name: enforcementProbes,
        Feature.disputes.name: disputesProbes, Feature.bankruptcy.name: bankruptcyProbes,
        Feature.documents.name: documentsProbes,
    ]

    static let probes = Feature.all.flatMap { probesByFeature[$0.name] ?? [] }

    /// The routes one feature registers, as "METHOD path".
    static func routes(of feature: Feature) throws -> Set<String> {
        final class Recorder: RoutesBuilder, @unchecked Sendable {
            var routes: [Route] = []
            func add(_ route: Route) { routes.append(route) }
        }
        let recorder = Recorder()
        try feature.routes(.init(open: recorder, pages: recorder, api: recorder))
        return Set(recorder.routes.map { "\($0.method.rawValue) \($0.path.map(\.description).joined(separator: "/"))" })
    }

    /// Every feature's routes are probed by the feature's own probes, and every registered route by one.
    @Test(arguments: Feature.all.map(\.name))
    func everyRouteOfTheFeatureHasAProbe(_ name: String) throws {
        let feature = try #require(Feature.all.first { $0.name == name })
        let registered = try Self.routes(of: feature)
        let probed = Set((Self.probesByFeature[name] ?? []).map { "\($0.method.rawValue) \($0.route)" })
        #expect(registered.subtracting(probed).sorted() == [], "routes without a scope rule")
        #expect(probed.subtracting(registered).sorted() == [], "probes of routes the feature does not register")
    }

    @Test func theFeaturesAreEveryRouteTheAppRegisters() async throws {
        try await withTestApp(demo: false) { app in
            let registered = Set(
                app.routes.all.map { "\($0.method.rawValue) \($0.path.map(\.description).joined(separator: "/"))" })
            let declared = try Feature.all.reduce(into: Set<String>()) { $0.formUnion(try Self.routes(of: $1)) }
            #expect(registered == declared)
        }
    }

    @Test(arguments: probes)
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
        case 409: return "C"
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
        func enforcementCase(_ number: String) async throws -> String {
            try #require(try await EnforcementCase.query(on: app.db).filter(\.$caseNumber == number).first()).id!
                .uuidString
        }
        let suggestions = try await [SuggestionState.issued, .signed].asyncMap { state in
            let suggestion = try await SuggestionStore.issue(
                .init(agencyID: app.unit(named: "鲁山县自然资源局").id!, problem: "问题", suggestion: "建议"),
                region: try await Region.query(on: app.db).filter(\.$code == "410423").first()!,
                as: try await app.acting("lushan.court"))
            suggestion.state = state
            try await suggestion.save(on: app.db)
            return suggestion.id!.uuidString
        }
        let lushan = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
        var disputeIDs: [DisputeState: String] = [:]
        for state in [DisputeState.registered, .transferred, .assigned, .answered] {
            let acting = try await app.acting("lushan.court")
            let dispute = try await DisputeStore.register(
                .init(
                    source: .prefiling, applicant: "申请人", agencyID: app.unit(named: "鲁山县自然资源局").id!,
                    actionType: .penalty, claim: "请求撤销"), region: lushan, as: acting)
            let detail = { try await DisputeQueries.detail(id: dispute.id!, scope: acting.caller.scope, on: app.db) }
            if state != .registered {
                try await DisputeStore.transfer(detail(), .init(unitID: app.unit(named: "鲁山县自然资源局").id!), as: acting)
            }
            if state == .assigned || state == .answered {
                try await DisputeStore.assign(detail(), .init(handler: "承办人"), as: acting)
            }
            if state == .answered { try await DisputeStore.answer(detail(), .init(feedback: "已协调"), as: acting) }
            disputeIDs[state] = dispute.id!.uuidString
        }
        let bankruptcy = try await BankruptcyStore.create(
            .init(
                caseNumber: "（2026）豫0423破1号", debtor: "鲁山县某矿业有限公司", procedure: .reorganization,
                acceptedOn: "2026-01-05"), region: lushan, as: try await app.acting("lushan.court"))
        let (document, _) = try await DocumentStore.upload(
            name: "工作要点.txt", data: Data("一、重点任务\n（一）建立化解中心。\n牵头单位：县法院\n完成时限：长期坚持\n".utf8),
            into: lushan, as: try await app.acting("lushan.office"), threadPool: app.threadPool)
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
            ).id!.uuidString, suggestionID: suggestions[0], signedSuggestionID: suggestions[1],
            enforcementCaseID: try await enforcementCase("（2024）豫0423执321号"),
            enforcementActID: try await enforcementCase("（2025）豫0423执88号"),
            housingID: try await app.unit(named: "鲁山县住房和城乡建设局").id!.uuidString,
            townID: try await app.unit(named: "张官营镇人民政府").id!.uuidString, disputeIDs: disputeIDs,
            bankruptcyCaseID: bankruptcy.id!.uuidString, documentID: document.id!.uuidString)
    }

    func send(_ probe: Probe, as session: TestSession?, who: String, fixture: Fixture, app: Application) async throws
        -> TestingHTTPResponse
    {
        /// Each placeholder a probe's path or body may hold, in the order they are replaced.
        let values: [(String, String)] = [
            ("{unit}", fixture.unitID),
            ("{zrzy}", fixture.zrzyID),
            ("{case}", fixture.caseID),
            ("{court}", fixture.courtUserID),
            ("{supervisionTarget}", fixture.courtTargetID),
            ("{signedSuggestion}", fixture.signedSuggestionID),
            ("{suggestion}", fixture.suggestionID),
            ("{transferredDispute}", fixture.disputeIDs[.transferred] ?? ""),
            ("{assignedDispute}", fixture.disputeIDs[.assigned] ?? ""),
            ("{answeredDispute}", fixture.disputeIDs[.answered] ?? ""),
            ("{dispute}", fixture.disputeIDs[.registered] ?? ""),
            ("{enforcementCase}", fixture.enforcementCaseID),
            ("{bankruptcyCase}", fixture.bankruptcyCaseID),
            ("{document}", fixture.documentID),
            ("{enforcementAct}", fixture.enforcementActID),
            ("{housing}", fixture.housingID),
            ("{town}", fixture.townID),
            ("{target}", fixture.targetUserID),
            ("{token}", fixture.tokenID),
            ("{who}", who),
            ("{item}", fixture.itemID),
            ("{deadline}", fixture.itemDeadline),
            ("{justicePart}", fixture.justicePartID),
            ("{courtPart}", fixture.courtPartID),
            ("{list}", fixture.listID),
            ("{attachment}", fixture.attachmentID),
        ]
        func fill(_ text: String) -> String {
            values.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
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
        if probe.route == "api/v1/regions/:code/disputes/targets", probe.method == .PUT {
            let targets = DisputeTargets(
                newCasesChange: -15, mediatedWithdrawalRate: 25, resolutionRate: 60, handlingDays: 8)
            return try await app.send(probe.method, path, as: session, json: targets)
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
