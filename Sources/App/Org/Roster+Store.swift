import Fluent
import FuyuanCore
import Vapor

/// Reading and replacing a joint meeting's roster; shared by the roster page and the API.
enum RosterStore {
    struct Loaded {
        let meeting: JointMeeting?
        let people: [MeetingPerson]
        let members: [(member: MemberUnit, unit: Unit)]
        let officeUnit: Unit?
        let changes: [RosterChange]

        /// The roster as people read it, for describing changes.
        /// The roster; with phone numbers masked for what is recorded (changes, audit), whole to detect a change.
        func roster(masked: Bool) -> Roster {
            Roster(
                name: meeting?.name ?? "",
                officeHost: officeUnit?.name ?? "",
                people: people.map { Roster.Person(role: $0.role, name: $0.name, post: $0.post) },
                memberUnits: members.map {
                    Roster.MemberUnit(
                        unit: $0.unit.name,
                        liaison: liaison($0.member.liaisonName, $0.member.liaisonPhone, masked: masked))
                })
        }

        /// The roster page's values.
        func page(regionCode: String, regionName: String, canEdit: Bool, notice: String?) -> RosterView.Model {
            RosterView.Model(
                regionCode: regionCode, regionName: regionName, meetingName: meeting?.name,
                people: people.map { Roster.Person(role: $0.role, name: $0.name, post: $0.post) },
                officeHost: officeUnit?.name,
                members: members.map {
                    RosterView.Member(
                        unitName: $0.unit.name, liaisonName: $0.member.liaisonName,
                        maskedPhone: FieldSeal.masked($0.member.liaisonPhone))
                },
                changes: changes.map {
                    RosterView.Change(
                        summary: $0.summary.split(separator: "\n").map(String.init), approvedBy: $0.approvedBy,
                        approvedOn: $0.approvedOn, recordedBy: $0.recordedBy, recordedAt: $0.recordedAt)
                },
                canEdit: canEdit, notice: notice)
        }

        /// The edit form's values for the stored roster (phones whole), approved by the convener today.
        func form(regionName: String, today: CalendarDay) -> RosterEditView.FormValues {
            RosterEditView.FormValues(
                name: meeting?.name ?? "\(regionName)府院联动联席会议", officeUnitID: officeUnit?.id?.uuidString ?? "",
                people: people.map { RosterEditView.PersonRow(role: $0.role.rawValue, name: $0.name, post: $0.post) },
                members: Dictionary(
                    uniqueKeysWithValues: members.map {
                        (
                            $0.member.$unit.id,
                            RosterEditView.MemberRow(
                                checked: true, liaisonName: $0.member.liaisonName, liaisonPhone: $0.member.liaisonPhone)
                        )
                    }),
                order: members.compactMap { $0.unit.id },
                approvedBy: people.first { $0.role == .convener }?.name ?? "", approvedOn: today.description,
                version: meeting?.version ?? 0)
        }
    }

    static func liaison(_ name: String, _ phone: String, masked: Bool) -> String {
        [name, masked ? FieldSeal.masked(phone) : phone].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The region was already loaded through the caller's scope. Liaisons' phones are opened with `seal`.
    static func load(region: Region, seal: FieldSeal, on db: any Database) async throws -> Loaded {
        guard let meeting = try await JointMeeting.query(on: db).filter(\.$region.$id == region.requireID()).first()
        else { return Loaded(meeting: nil, people: [], members: [], officeUnit: nil, changes: []) }
        let meetingID = try meeting.requireID()
        let people = try await MeetingPerson.query(on: db).filter(\.$meeting.$id == meetingID).sort(\.$position).all()
        let members = try await MemberUnit.query(on: db)
            .join(Unit.self, on: \MemberUnit.$unit.$id == \Unit.$id)
            .filter(\.$meeting.$id == meetingID)
            .sort(\.$position)
            .all()
            .map { member in
                if !member.sealedPhone.isEmpty {
                    member.liaisonPhone = (try? seal.open(member.sealedPhone)) ?? FieldSeal.unreadable
                }
                return (member, try member.joined(Unit.self))
            }
        let office = try await meeting.$officeUnit.get(on: db)
        let changes = try await RosterChange.query(on: db).filter(\.$meeting.$id == meetingID)
            .sort(\.$recordedAt, .descending).all()
        return Loaded(meeting: meeting, people: people, members: members, officeUnit: office, changes: changes)
    }

    /// A whole roster as submitted by the form or the API.
    struct Input: Content {
        struct Person: Content {
            var role: MeetingRole
            var name: String
            var post: String
        }

        struct Member: Content {
            var unitID: UUID
            var liaisonName: String
            var liaisonPhone: String
        }

        var name: String
        var officeUnitID: UUID?
        var people: [Person]
        var memberUnits: [Member]
        var approvedBy: String
        var approvedOn: CalendarDay
    }

    /// Replaces the roster after checking it; records the change with its approver and in the audit log. `expected`
    /// is the roster's version the editor saw; a roster changed since is refused with `stale` (see `Versions`).
    /// `also` writes what goes with the change in its transaction (the document it came from).
    @discardableResult
    static func save(
        _ input: Input, region: Region, expected: Int? = nil, stale: HTTPResponseStatus = .conflict, as acting: Acting,
        alsoWriting also: (@Sendable (any Database, RosterChange) async throws -> Void)? = nil
    ) async throws -> RosterChange {
        let caller = try acting.caller(for: .editRoster)
        guard caller.mayWrite(inRegion: try region.requireID()) else { throw AppError.forbidden }
        let regionUnits = try await OrgQueries.units(of: region, on: acting.db)
        let unitsByID = Dictionary(uniqueKeysWithValues: try regionUnits.map { (try $0.requireID(), $0) })
        var problems = FieldProblems()
        if input.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("会议名称", "不能为空") }
        if let office = input.officeUnitID, unitsByID[office] == nil { problems.add("办公室设在", "须为本区划的单位") }
        for (index, person) in input.people.enumerated() {
            if person.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.add("组成人员第 \(index + 1) 行", "姓名不能为空")
            }
            if person.post.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.add("组成人员第 \(index + 1) 行", "职务不能为空")
            }
        }
        if input.people.filter({ $0.role == .convener }).count > 1 { problems.add("召集人", "只能有一位") }
        var seen = Set<UUID>()
        for member in input.memberUnits {
            if unitsByID[member.unitID] == nil { problems.add("成员单位", "须为本区划的单位") }
            if !seen.insert(member.unitID).inserted {
                problems.add("成员单位", "\(unitsByID[member.unitID]?.name ?? "")重复")
            }
        }
        if input.approvedBy.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("批准人", "不能为空（成员调整须报召集人批准）") }
        if input.approvedOn > CalendarDay(containing: acting.now) { problems.add("批准日期", "不能晚于今天") }
        try problems.throwIfAny()

        let before = try await load(region: region, seal: acting.seal, on: acting.db)
        func roster(masked: Bool) -> Roster {
            Roster(
                name: input.name, officeHost: input.officeUnitID.flatMap { unitsByID[$0]?.name } ?? "",
                people: input.people.map { .init(role: $0.role, name: $0.name, post: $0.post) },
                memberUnits: input.memberUnits.map {
                    // Every member unit was checked above to be one of the region's.
                    .init(
                        unit: unitsByID[$0.unitID]?.name ?? "",
                        liaison: liaison($0.liaisonName, $0.liaisonPhone, masked: masked))
                })
        }
        guard !roster(masked: false).changes(from: before.roster(masked: false)).isEmpty else {
            throw AppError.invalid("未作任何修改")
        }
        // What is recorded shows phone numbers masked; a change hidden by the mask is still named.
        let after = roster(masked: true)
        let masked = after.changes(from: before.roster(masked: true))
        let lines = masked.isEmpty ? ["成员单位联络员电话变更"] : masked

        return try await acting.db.write { db in
            let regionID = try region.requireID()
            let meeting = before.meeting ?? JointMeeting(name: input.name, regionID: regionID, officeUnitID: nil)
            if let known = before.meeting {
                let seen = expected ?? known.version
                try await Versions.bump(
                    JointMeeting.schema, id: known.requireID(), expected: seen, stale: stale, on: db)
                meeting.version = seen + 1
            }
            meeting.name = input.name
            meeting.$officeUnit.id = input.officeUnitID
            try await meeting.save(on: db)
            let meetingID = try meeting.requireID()
            try await MeetingPerson.query(on: db).filter(\.$meeting.$id == meetingID).delete()
            try await MemberUnit.query(on: db).filter(\.$meeting.$id == meetingID).delete()
            for (index, person) in input.people.enumerated() {
                try await MeetingPerson(
                    meetingID: meetingID, role: person.role, name: person.name, post: person.post, position: index
                )
                .create(on: db)
            }
            for (index, member) in input.memberUnits.enumerated() {
                try await MemberUnit(
                    meetingID: meetingID, unitID: member.unitID, liaisonName: member.liaisonName,
                    liaisonPhone: member.liaisonPhone, position: index, seal: acting.seal
                ).create(on: db)
            }
            let change = RosterChange(
                meetingID: meetingID, summary: lines.joined(separator: "\n"), approvedBy: input.approvedBy,
                approvedOn: input.approvedOn, recordedBy: caller.displayName)
            try await change.create(on: db)
            try await also?(db, change)
            try await acting.audit(
                .rosterChanged, object: ("joint_meeting", meetingID.uuidString),
                summary: "\(region.name)联席会议组成调整（批准人：\(input.approvedBy)）：" + lines.joined(separator: "；"),
                before: before.meeting == nil ? nil : before.roster(masked: true), after: after, on: db)
            return change
        }
    }
}
