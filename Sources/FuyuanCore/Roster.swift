/// A joint meeting's roster (联席会议组成人员与成员单位) as people read it, used to describe what a change did.
public struct Roster: Equatable, Codable, Sendable {
    public struct Person: Equatable, Codable, Sendable {
        public var role: MeetingRole
        public var name: String
        public var post: String
        public init(role: MeetingRole, name: String, post: String) {
            self.role = role
            self.name = name
            self.post = post
        }
    }

    public struct MemberUnit: Equatable, Codable, Sendable {
        public var unit: String
        public var liaison: String
        public init(unit: String, liaison: String) {
            self.unit = unit
            self.liaison = liaison
        }
    }

    public var name: String
    public var officeHost: String
    public var people: [Person]
    public var memberUnits: [MemberUnit]

    public init(name: String, officeHost: String, people: [Person], memberUnits: [MemberUnit]) {
        self.name = name
        self.officeHost = officeHost
        self.people = people
        self.memberUnits = memberUnits
    }

    /// One Chinese line per difference from `before` to `self`, in a stable order.
    public func changes(from before: Roster) -> [String] {
        var lines: [String] = []
        if name != before.name { lines.append("名称：\(before.name.orNone) → \(name.orNone)") }
        if officeHost != before.officeHost {
            lines.append("办公室设在：\(before.officeHost.orNone) → \(officeHost.orNone)")
        }
        for person in before.people where !people.contains(person) {
            lines.append("移出\(person.role.label)：\(person.name)（\(person.post)）")
        }
        for person in people where !before.people.contains(person) {
            lines.append("增加\(person.role.label)：\(person.name)（\(person.post)）")
        }
        let beforeUnits = Dictionary(before.memberUnits.map { ($0.unit, $0.liaison) }, uniquingKeysWith: { a, _ in a })
        let afterUnits = Dictionary(memberUnits.map { ($0.unit, $0.liaison) }, uniquingKeysWith: { a, _ in a })
        for member in before.memberUnits where afterUnits[member.unit] == nil {
            lines.append("移出成员单位：\(member.unit)")
        }
        for member in memberUnits {
            if let old = beforeUnits[member.unit] {
                if old != member.liaison {
                    lines.append("\(member.unit)联络员：\(old.orNone) → \(member.liaison.orNone)")
                }
            } else {
                lines.append("增加成员单位：\(member.unit)")
            }
        }
        return lines
    }
}

extension String {
    var orNone: String { isEmpty ? "（空）" : self }
}
