import Fluent
import FuyuanCore

/// The demo organisation of `DemoData`: regions, units, joint meetings with their rosters, and the accounts.
enum DemoOrg {
    static func load(_ context: inout DemoLoader.Context) async throws {
        let db = context.db
        for seed in DemoData.regions {
            guard let code = RegionCode(seed.code) else {
                throw DemoLoader.Mistake(description: "演示数据有误：区划代码“\(seed.code)”无效")
            }
            let region = Region(
                code: seed.code, name: seed.name, level: code.level, parent: seed.parent.flatMap { context.regions[$0] }
            )
            try await region.create(on: db)
            context.regions[seed.code] = region
        }
        for seed in DemoData.regions {
            for (name, kind) in DemoData.units[seed.code] ?? [] {
                let unit = Unit(name: name, kind: kind, regionID: try context.region(seed.code).requireID())
                try await unit.create(on: db)
                context.units[name] = unit
            }
        }
        for seed in DemoData.meetings {
            try await loadMeeting(seed, context)
        }
        for seed in DemoData.accounts {
            let unit = try context.unit(seed.unit)
            let user = User(
                username: seed.username, displayName: seed.displayName, passwordHash: context.passwordHash,
                role: seed.role, unitID: try unit.requireID(), regionID: unit.$region.id, mustChangePassword: false,
                passwordChangedAt: context.now, seal: context.seal)
            try await user.create(on: db)
        }
    }

    private static func loadMeeting(_ seed: DemoData.MeetingSeed, _ context: DemoLoader.Context) async throws {
        let db = context.db
        let meeting = JointMeeting(
            name: seed.name, regionID: try context.region(seed.region).requireID(),
            officeUnitID: seed.office.flatMap { context.units[$0]?.id })
        try await meeting.create(on: db)
        let meetingID = try meeting.requireID()
        for (index, person) in seed.people.enumerated() {
            try await MeetingPerson(
                meetingID: meetingID, role: person.0, name: person.1, post: person.2, position: index
            ).create(on: db)
        }
        let members = seed.members ?? (DemoData.units[seed.region] ?? []).map(\.0)
        for (index, name) in members.enumerated() {
            // 鲁山县's liaisons are made up (the seeds name none), to show phone numbers sealed and masked.
            let lushan = seed.region == "410423"
            try await MemberUnit(
                meetingID: meetingID, unitID: try context.unit(name).requireID(),
                liaisonName: lushan ? "联络员\(index + 1)（演示）" : "",
                liaisonPhone: lushan ? "1380375\(1000 + index)" : "", position: index, seal: context.seal
            ).create(on: db)
        }
        if let establishment = seed.establishment {
            try await RosterChange(
                meetingID: meetingID, summary: establishment.summary, approvedBy: establishment.approvedBy,
                approvedOn: DemoLoader.day(establishment.approvedOn), recordedBy: "演示数据"
            ).create(on: db)
        }
    }
}
