import Fluent
import FuyuanCore
import Vapor

/// The group robots: an office keeps those of its own region (for itself or any of its units), a unit's liaison or
/// court clerk those of their own unit; each adds, removes and tests them.
enum RobotStore {
    struct Draft {
        var name: String
        /// `office` or `unit:<id>`.
        var recipient: String
        var preset: Robot.Preset
        var url: String
        var secret: String
        var template: String
    }

    struct Row {
        let id: UUID
        let name: String
        let recipient: String
        let preset: Robot.Preset
        let signed: Bool
    }

    /// The robots the caller keeps, with whom each serves by name.
    static func list(_ caller: Caller, on db: any Database) async throws -> [Row] {
        let names = try await recipients(caller, on: db)
        return try await kept(caller, on: db).sort(\.$createdAt).all().map {
            Row(
                id: try $0.requireID(), name: $0.name, recipient: names[$0.recipient] ?? "（已撤销的单位）",
                preset: $0.preset, signed: !$0.sealedSecret.isEmpty)
        }
    }

    /// Who a robot of the caller may serve, by recipient key: for an office, itself and each unit of its region;
    /// for a unit's people, their unit.
    static func recipients(_ caller: Caller, on db: any Database) async throws -> [String: String] {
        guard try keepsOffice(caller) else { return [Notice.unit(caller.unitID): caller.unitName] }
        let units = try await Unit.query(on: db).filter(\.$region.$id == caller.regionID).sort(\.$name).all()
        var names = [Notice.office: "联席办"]
        for unit in units { names[Notice.unit(try unit.requireID())] = unit.name }
        return names
    }

    /// True for an office, false for a unit's people; 403 for everyone else.
    static func keepsOffice(_ caller: Caller) throws -> Bool {
        if caller.role.may(.manageLedger) { return true }
        try caller.require(.handleParts)
        return false
    }

    /// The robots the caller keeps: their region's, or their unit's.
    private static func kept(_ caller: Caller, on db: any Database) throws -> QueryBuilder<Robot> {
        let query = Robot.query(on: db).filter(\.$region.$id == caller.regionID)
        return try keepsOffice(caller) ? query : query.filter(\.$recipient == Notice.unit(caller.unitID))
    }

    static func add(_ draft: Draft, as acting: Acting) async throws {
        let caller = acting.caller
        let name = draft.name.trimmingCharacters(in: .whitespaces)
        let url = draft.url.trimmingCharacters(in: .whitespaces)
        var problems: [String] = []
        if name.isEmpty || name.count > 60 { problems.append("名称：请填写 1 至 60 字的名称，如“司法局工作群”") }
        let names = try await recipients(caller, on: acting.db)
        if names[draft.recipient] == nil { problems.append("发给：请选择联席办、本级的成员单位或本单位") }
        let hosts = acting.config.robotHosts
        if !WebAddress.isHTTP(url) {
            problems.append("地址：须为 http:// 或 https:// 开头的机器人 Webhook 地址")
        } else if !WebAddress.robotMayPost(to: url, allowed: hosts) {
            problems.append("地址：群机器人只能发往系统允许的主机（\(hosts.sorted().joined(separator: "、"))）")
        }
        let template = draft.preset == .generic ? draft.template.trimmingCharacters(in: .whitespacesAndNewlines) : ""
        if draft.preset == .generic, !template.isEmpty, !RobotPost.templateIsValid(template) {
            problems.append("消息模板：代入 {{title}}、{{text}}、{{link}} 后不是有效的 JSON")
        }
        guard problems.isEmpty else { throw AppError.invalid(problems.joined(separator: "\n")) }
        let secret = draft.secret.trimmingCharacters(in: .whitespaces)
        let robot = Robot(
            regionID: caller.regionID, recipient: draft.recipient, name: name, preset: draft.preset,
            sealedURL: acting.seal.seal(url), sealedSecret: secret.isEmpty ? "" : acting.seal.seal(secret),
            template: template)
        let serving = names[draft.recipient] ?? ""
        try await acting.db.write { db in
            try await robot.create(on: db)
            try await acting.audit(
                .robotAdded, object: ("notice_robot", try robot.requireID().uuidString),
                summary: "添加群机器人“\(name)”（\(draft.preset.label)，发给\(serving)）", on: db)
        }
    }

    static func remove(_ id: UUID, as acting: Acting) async throws {
        let robot = try await own(id, as: acting)
        try await acting.db.write { db in
            try await robot.delete(on: db)
            try await acting.audit(
                .robotRemoved, object: ("notice_robot", id.uuidString), summary: "删除群机器人“\(robot.name)”", on: db)
        }
    }

    /// Posts a test message through the robot at once; answers how it went (`NoticeTest.attempt`).
    static func test(_ id: UUID, as acting: Acting, app: Application) async throws -> NoticeTest.Outcome {
        let robot = try await own(id, as: acting)
        return try await NoticeTest.attempt(
            "向群机器人“\(robot.name)”发送测试消息", by: "群机器人", object: ("notice_robot", id.uuidString), as: acting
        ) {
            try await RobotSender.post(robot, title: "府院通测试消息", lines: NoticeTest.lines, link: "/", app: app)
        }
    }

    private static func own(_ id: UUID, as acting: Acting) async throws -> Robot {
        guard let robot = try await kept(acting.caller, on: acting.db).filter(\.$id == id).first() else {
            throw AppError.notFound("群机器人")
        }
        return robot
    }
}
