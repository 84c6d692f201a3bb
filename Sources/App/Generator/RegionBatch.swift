import Fluent
import FuyuanCore
import Vapor

extension Generator {
    /// Everything generated for one region, written in one transaction with multi-row inserts.
    struct RegionBatch: @unchecked Sendable {
        let region: Region
        let regionID: UUID
        let options: Options
        let hash: String
        let now: Date
        let rules: DueRules
        let seal: FieldSeal

        var units: [Unit] = []
        var unitKeys: [UUID: String] = [:]
        var users: [User] = []
        var meetings: [JointMeeting] = []
        var members: [MemberUnit] = []
        var lists: [WorkList] = []
        var items: [WorkItem] = []
        var parts: [ItemPart] = []
        var reports: [ProgressReport] = []
        var events: [ItemEvent] = []
        var cases: [AdminCase] = []
        var hearings: [Hearing] = []
        var suggestions: [JudicialSuggestion] = []
        var campaigns: [EnforcementCampaign] = []
        var enforcementCases: [EnforcementCase] = []
        var payments: [EnforcementPayment] = []
        var disputes: [Dispute] = []
        var bankruptcyCases: [BankruptcyCase] = []
        var bankruptcyMatters: [BankruptcyMatter] = []

        init(region: Region, options: Options, hash: String, now: Date, rules: DueRules, seal: FieldSeal) throws {
            self.region = region
            self.regionID = try region.requireID()
            self.options = options
            self.hash = hash
            self.now = now
            self.rules = rules
            self.seal = seal
        }

        var years: ClosedRange<Int> { (options.until.year - options.years + 1)...options.until.year }

        /// The digits of the region's court in a case number: 豫04 for a city, 豫0403 for a county.
        var courtDigits: String {
            switch region.level {
            case .province: ""
            case .city: String(region.code.dropFirst(2).prefix(2))
            default: String(region.code.dropFirst(2))
            }
        }

        mutating func fill(random: inout SeededRandom, administrators: Bool) throws {
            try fillOrganisation(random: &random, administrators: administrators)
            try fillLedger(random: &random)
            try fillCases(random: &random)
            try fillSuggestions(random: &random)
            try fillEnforcement(random: &random)
            try fillDisputes(random: &random)
            try fillBankruptcy(random: &random)
        }

        /// Units, two accounts per unit, and a joint meeting whose members are the region's organs and departments.
        mutating func fillOrganisation(random: inout SeededRandom, administrators: Bool) throws {
            let seeds = try GeneratedOrg.units(regionName: region.name, level: region.level, random: &random)
            for seed in seeds {
                let unitID = random.uuid()
                units.append(Unit(id: unitID, name: seed.name, kind: seed.kind, regionID: regionID))
                unitKeys[unitID] = seed.key
            }
            let code = region.code
            for (index, unit) in units.enumerated() {
                let key = try unitKeys[unit.requireID()]
                let role: Role =
                    switch unit.kind {
                    case .government: .leader
                    case .court: .court
                    default: key == "司法局" ? .office : .liaison
                    }
                for number in 1...2 {
                    let special = number == 1 && role != .liaison
                    let name = special ? "\(code).\(role.rawValue)" : "\(code).\(index + 1).\(number)"
                    try addUser(
                        name, display: "\(unit.name)\(role.label)\(number)", role: role, unit: unit, random: &random)
                }
            }
            let office = try units.first { try unitKeys[$0.requireID()] == "司法局" }
            if administrators {
                guard let justice = office else { throw DemoLoader.Mistake(description: "生成数据有误：\(region.name)没有司法局") }
                for (name, role) in [
                    ("sysadmin", Role.systemAdmin), ("secadmin", .securityAdmin), ("auditor", .auditAdmin),
                ] {
                    try addUser(name, display: role.label, role: role, unit: justice, random: &random)
                }
            }
            let meetingID = random.uuid()
            let meeting = JointMeeting(
                id: meetingID, name: "\(region.name)府院联动联席会议", regionID: regionID, officeUnitID: office?.id)
            meetings.append(meeting)
            for (position, unit) in units.enumerated() where unit.kind != .township && unit.kind != .streetOffice {
                let member = MemberUnit()
                member.id = random.uuid()
                member.$meeting.id = meetingID
                member.$unit.id = try unit.requireID()
                member.liaisonName = ""
                member.sealedPhone = ""
                member.position = position
                members.append(member)
            }
        }

        private mutating func addUser(
            _ name: String, display: String, role: Role, unit: Unit, random: inout SeededRandom
        ) throws {
            let user = User(
                id: random.uuid(), username: name, displayName: display, passwordHash: hash, role: role,
                unitID: try unit.requireID(), regionID: unit.$region.id, mustChangePassword: false,
                passwordChangedAt: now, seal: seal)
            users.append(user)
        }

        /// Writes the batch, parents first.
        func insert(on db: any Database) async throws {
            try await db.insert(units, now: now)
            try await db.insert(users, now: now)
            try await db.insert(meetings, now: now)
            try await db.insert(members, now: now)
            try await db.insert(lists, now: now)
            try await db.insert(items, now: now)
            try await db.insert(parts, now: now)
            try await db.insert(reports, now: now)
            try await db.insert(events, now: now)
            try await db.insert(cases, now: now)
            try await db.insert(hearings, now: now)
            try await db.insert(suggestions, now: now)
            try await db.insert(campaigns, now: now)
            try await db.insert(enforcementCases, now: now)
            try await db.insert(payments, now: now)
            try await db.insert(disputes, now: now)
            try await db.insert(bankruptcyCases, now: now)
            try await db.insert(bankruptcyMatters, now: now)
        }
    }
}
