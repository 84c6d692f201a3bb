import App
import ArgumentParser
import FuyuanCore
import NIOCore
import NIOPosix
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

@main
struct Fuyuan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuyuan",
        abstract: "府院通：常态化府院联动工作平台",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Generate.self, DigestCommand.self, SweepCommand.self, UserCommand.self,
            VerifyAudit.self, BackupCommand.self, RestoreCommand.self, RotateDataKeyCommand.self,
        ],
        defaultSubcommand: Serve.self)

    /// Runs Swift concurrency's jobs on NIO's event loops, as Vapor's template does: a request's handler then
    /// resumes after each database answer on the thread that received it, instead of hopping to another pool.
    static func main() async {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}

/// Writes a line to standard output at once, also under a pipe or a service manager (`print` buffers there).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// glibc gives each thread that contends for the heap an arena of its own, up to eight per core, and seldom gives
/// their memory back: with two the server held 25 MB less after a province's dashboards and 20 MB less at the peak
/// of a 300 000-row import, at the same speed. `MALLOC_ARENA_MAX` in the environment still decides when set.
func limitMallocArenas() {
    #if canImport(Glibc)
        // mallopt(M_ARENA_MAX, 2), looked up at run time: Swift's Glibc module does not bring in <malloc.h>.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil, let mallopt = dlsym(nil, "mallopt")
        else { return }
        _ = unsafeBitCast(mallopt, to: Mallopt.self)(arenaMax, 2)
    #endif
}

/// Boots the app without letting Vapor read the process arguments, runs `body`, and always shuts down.
func withApp(arguments: [String] = ["fuyuan"], scheduler: Bool = false, _ body: (Application) async throws -> Void)
    async throws
{
    limitMallocArenas()
    var config = try AppConfig.fromEnvironment()
    config.runsScheduler = scheduler
    let environment = Environment(
        name: ProcessInfo.processInfo.environment["FUYUAN_ENV"] ?? "production", arguments: arguments)
    let app = try await Application.make(environment)
    do {
        try await configure(app, config: config)
        try await prepareDatabase(app)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "启动服务（首次启动时建库、迁移）")

    @ArgumentParser.Flag(help: "数据库为空时载入演示数据（种子文件中的河南省、平顶山市、安阳市、南阳市等）")
    var demo = false

    func run() async throws {
        try await withApp(arguments: ["fuyuan", "serve"], scheduler: true) { app in
            let address = "http://\(app.config.host):\(app.config.port)"
            if demo, try await DemoLoader.isEmpty(app.db) {
                try await DemoLoader.load(app)
                say("已载入演示数据。演示账户见 README.md，例如 lushan.office / \(DemoData.password)（鲁山县联席办）。")
            } else if let password = try await Accounts.createFirstAdministrator(
                app, rootCode: ProcessInfo.processInfo.environment["FUYUAN_ROOT_REGION_CODE"] ?? "410000",
                rootName: ProcessInfo.processInfo.environment["FUYUAN_ROOT_REGION_NAME"] ?? "河南省")
            {
                say("首次启动：已创建系统管理员 admin，一次性密码（只显示这一次）：\(password)")
            }
            if demo { say("演示登录：lushan.office / \(DemoData.password)，sysadmin / \(DemoData.password)") }
            guard let serving = DataDirectory.Lock(app.config, exclusive: false) else {
                say("正在更换数据密钥（rotate-data-key），请待其完成后再启动服务")
                throw ExitCode(1)
            }
            defer { serving.release() }
            say("府院通已启动：\(address)")
            try await app.execute()
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "建库并执行数据库迁移")

    func run() async throws {
        try await withApp { _ in say("数据库已是最新结构") }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "向空数据库载入演示数据")

    func run() async throws {
        try await withApp { app in
            try await DemoLoader.load(app)
            say("已载入演示数据，演示账户密码：\(DemoData.password)")
        }
    }
}

struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen", abstract: "向空数据库生成规模测试数据（县、市或全省），同一种子生成同样的数据；账户密码同演示数据")

    @ArgumentParser.Option(help: "county（鲁山县）、city（平顶山市）或 province（河南省）")
    var scale: Generator.Scale = .county
    @ArgumentParser.Option(help: "随机种子") var seed: UInt64 = 1
    @ArgumentParser.Option(help: "生成多少年的数据（截至 --until）") var years = 5
    @ArgumentParser.Option(help: "最后一天（YYYY-MM-DD），默认今天（北京时间）") var until: String?

    func run() async throws {
        guard let last = until.map(CalendarDay.init(parsing:)) ?? CalendarDay(containing: Date()) else {
            throw ValidationError("--until 须为 YYYY-MM-DD 日期：\(until ?? "")")
        }
        guard (1...20).contains(years) else { throw ValidationError("--years 须在 1 至 20 之间") }
        try await withApp { app in
            let counts = try await Generator.run(
                app, options: .init(scale: scale, seed: seed, years: years, until: last), progress: say)
            say("已生成：\(counts)。账户如 410423.office / \(DemoData.password)")
        }
    }
}

extension Generator.Scale: ExpressibleByArgument {}

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "生成今日提醒（逾期、临期、待签收、待审核、待回复督办）；同一天重复运行不会重复提醒")

    @ArgumentParser.Flag(help: "随即发出今日提醒的邮件和群机器人消息（不等服务的发送循环）；同一天不会向同一人重复发送")
    var send = false

    func run() async throws {
        try await withApp { app in
            say("已生成今日提醒 \(try await runDigest(app)) 条")
            if send { say("投递：\(try await sendDeliveries(app))") }
        }
    }
}

struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "清理过期数据（超时会话、超过 24 小时的幂等记录、旧任务租约），停用长期未登录的账户；服务运行时每天自动执行")

    func run() async throws {
        try await withApp { app in
            say("已清理 \(try await runRetentionSweep(app)) 条过期数据")
            let dormant = try await runDormancyCheck(app)
            say("已停用长期未登录的账户 \(dormant.count) 个" + (dormant.isEmpty ? "" : "：\(dormant.joined(separator: "、"))"))
        }
    }
}

struct VerifyAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-audit", abstract: "校验审计日志的哈希链：任何一条被改动、删除或插入都会被发现；不通过时以状态 1 退出")

    func run() async throws {
        var intact = false
        try await withApp { app in
            let verdict = try await verifyAuditChain(app)
            intact = verdict.intact
            say(
                verdict.intact
                    ? "审计日志完整性校验通过：共 \(verdict.checked) 条"
                    : "审计日志完整性校验未通过：\(verdict.summary)（已校验 \(verdict.checked) 条）")
        }
        if !intact { throw ExitCode(1) }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "在线备份数据库到一个加密文件（SM4 加密、HMAC-SM3 校验，使用数据密钥）")

    @ArgumentParser.Option(help: "备份文件路径") var to: String

    func run() async throws {
        try await withApp { app in
            let size = try await Backup.create(app, to: URL(fileURLWithPath: to))
            say("已备份到 \(to)（\(size) 字节）。请另行保管数据密钥：没有它无法恢复。")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "从加密备份恢复数据库（SQLite 须先停止服务）；恢复后校验审计日志")

    @ArgumentParser.Option(help: "备份文件路径") var from: String
    @ArgumentParser.Flag(help: "确认以备份覆盖当前数据库") var yes = false

    func run() async throws {
        guard yes else { throw ValidationError("恢复会覆盖当前数据库，确认无误请加 --yes") }
        let source = URL(fileURLWithPath: from)
        let keyID = try await Backup.restore(try AppConfig.fromEnvironment(), from: source)
        try await withApp { app in
            let count = try await Backup.settle(app, restoredFrom: source, sealedWith: keyID)
            say(
                "已从 \(from) 恢复" + (count > 0 ? "；备份用编号 \(keyID) 的旧密钥加密，已以当前密钥重新加密 \(count) 个字段" : ""))
        }
        try await VerifyAudit().run()
    }
}

struct RotateDataKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-data-key",
        abstract: "更换数据密钥（须先停止所有服务实例）：以新密钥重新加密全部加密字段；旧备份仍须用旧密钥恢复")

    @ArgumentParser.Option(help: "新密钥（64 位十六进制数字）；使用 FUYUAN_DATA_KEY 时必填，随后把它设为新的 FUYUAN_DATA_KEY")
    var newKey: String?

    func run() async throws {
        try await withApp { app in
            guard let alone = DataDirectory.Lock(app.config, exclusive: true) else {
                say("有服务实例正在使用数据目录 \(app.config.dataDirectory)：请先停止所有服务实例，再更换数据密钥（否则它们仍用旧密钥，所有用户会被拒绝）")
                throw ExitCode(1)
            }
            defer { alone.release() }
            if app.config.dataKey == nil {
                guard newKey == nil else { throw ValidationError("密钥保存在 data.key 中时由本命令生成新密钥，不接受 --new-key") }
                let count = try await DataKeyRotation.rotateKeyFile(app)
                say("已更换数据密钥，重新加密 \(count) 个字段；旧密钥已加入 data.key.retired（保留每一把旧密钥），用于恢复此前的备份。")
            } else {
                guard let hex = newKey, let key = [UInt8](hex: hex), key.count == 32 else {
                    throw ValidationError("使用 FUYUAN_DATA_KEY 时须以 --new-key 给出新密钥（64 位十六进制数字）")
                }
                let count = try await DataKeyRotation.rotate(app, to: key)
                say("已更换数据密钥，重新加密 \(count) 个字段。现在把 FUYUAN_DATA_KEY 设为新密钥并重启各实例；旧密钥请另行保管，用于恢复此前的备份。")
            }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "账户管理（管理员账户只能在这里创建）", subcommands: [Create.self, ResetPassword.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "创建账户并打印一次性密码")

        @ArgumentParser.Option(help: "用户名") var username: String
        @ArgumentParser.Option(help: "姓名") var name: String
        @ArgumentParser.Option(help: "角色：\(Role.allCases.map(\.rawValue).joined(separator: ", "))") var role: String
        @ArgumentParser.Option(help: "所属区划代码，如 410423") var region: String
        @ArgumentParser.Option(help: "所属单位全称") var unit: String

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("角色须为：\(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try await withApp { app in
                let password = try await Accounts.create(
                    app, username: username, displayName: name, role: role, regionCode: region, unitName: unit)
                say("已创建 \(username)（\(role.label)），一次性密码：\(password)")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "重置密码并解除锁定")

        @ArgumentParser.Option(help: "用户名") var username: String

        func run() async throws {
            try await withApp { app in
                let password = try await Accounts.resetPassword(app, username: username)
                say("已重置 \(username) 的密码，一次性密码：\(password)")
            }
        }
    }
}
