import Fluent
import FuyuanCore
import Vapor

/// The joint meeting (联席会议) of one region, with its office (联席会议办公室) hosted by a unit.
final class JointMeeting: Model, @unchecked Sendable {
    static let schema = "joint_meetings"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// Raised by every change of the roster (see `Versions`).
    @Field(key: "version") var version: Int
    @Field(key: "name") var name: String

    // relationships
    @Parent(key: "region_id") var region: Region
    @OptionalParent(key: "office_unit_id") var officeUnit: Unit?
    @Children(for: \.$meeting) var people: [MeetingPerson]
    @Children(for: \.$meeting) var memberUnits: [MemberUnit]

    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $version, $name, $region, $officeUnit, $people, $memberUnits]
    }

    init() {}

    init(id: UUID? = nil, name: String, regionID: UUID, officeUnitID: UUID?) {
        self.version = 1
        self.id = id
        self.name = name
        self.$region.id = regionID
        self.$officeUnit.id = officeUnitID
    }
}

/// A convener, executive deputy or deputy of a joint meeting, with the post they hold.
final class MeetingPerson: Model, @unchecked Sendable {
    static let schema = "meeting_people"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "role") var role: MeetingRole
    @Field(key: "name") var name: String
    @Field(key: "post") var post: String
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "meeting_id") var meeting: JointMeeting

    var properties: [any AnyProperty] { [$id, $role, $name, $post, $position, $meeting] }

    init() {}

    init(meetingID: UUID, role: MeetingRole, name: String, post: String, position: Int) {
        self.$meeting.id = meetingID
        self.role = role
        self.name = name
        self.post = post
        self.position = position
    }
}

/// A member unit (成员单位) of a joint meeting and its liaison officer (联络员).
final class MemberUnit: Model, @unchecked Sendable {
    static let schema = "member_units"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "liaison_name") var liaisonName: String
    /// Sealed at rest (SM4 + HMAC-SM3, `FieldSeal`); "" when none was given.
    @Field(key: "liaison_phone") var sealedPhone: String
    /// The liaison's phone as `RosterStore.load` opened it; never stored as such.
    var liaisonPhone = ""
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "meeting_id") var meeting: JointMeeting
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] { [$id, $liaisonName, $sealedPhone, $position, $meeting, $unit] }

    init() {}

    init(meetingID: UUID, unitID: UUID, liaisonName: String, liaisonPhone: String, position: Int, seal: FieldSeal) {
        self.$meeting.id = meetingID
        self.$unit.id = unitID
        self.liaisonName = liaisonName
        self.sealedPhone = liaisonPhone.isEmpty ? "" : seal.seal(liaisonPhone)
        self.liaisonPhone = liaisonPhone
        self.position = position
    }
}

/// A recorded change of the roster, with who approved it (成员调整报召集人批准).
final class RosterChange: Model, @unchecked Sendable {
    static let schema = "roster_changes"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "recorded_at", on: .create) var recordedAt: Date?

    // data fields
    @Field(key: "summary") var summary: String
    @Field(key: "approved_by") var approvedBy: String
    @Field(key: "approved_on") var approvedOn: String
    @Field(key: "recorded_by") var recordedBy: String

    // relationships
    @Parent(key: "meeting_id") var meeting: JointMeeting

    var properties: [any AnyProperty] { [$id, $recordedAt, $summary, $approvedBy, $approvedOn, $recordedBy, $meeting] }

    init() {}

    init(meetingID: UUID, summary: String, approvedBy: String, approvedOn: CalendarDay, recordedBy: String) {
        self.$meeting.id = meetingID
        self.summary = summary
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn.description
        self.recordedBy = recordedBy
    }
}

struct CreateJointMeeting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JointMeeting.schema)
            .id()
            .field("name", .string, .required)
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("office_unit_id", .uuid, .references(Unit.schema, "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "region_id")
            .create()
        try await database.schema(MeetingPerson.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(JointMeeting.schema, "id"))
            .field("role", .string, .required)
            .field("name", .string, .required)
            .field("post", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.index(MeetingPerson.schema, "meeting_id")
        try await database.schema(MemberUnit.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(JointMeeting.schema, "id"))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("liaison_name", .string, .required)
            .field("liaison_phone", .string, .required)
            .field("position", .int, .required)
            .unique(on: "meeting_id", "unit_id")
            .create()
        try await database.schema(RosterChange.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(JointMeeting.schema, "id"))
            .field("summary", .string, .required)
            .field("approved_by", .string, .required)
            .field("approved_on", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime)
            .create()
        try await database.index(RosterChange.schema, "meeting_id")
    }

    func revert(on database: any Database) async throws {
        for schema in [RosterChange.schema, MemberUnit.schema, MeetingPerson.schema, JointMeeting.schema] {
            try await database.schema(schema).delete()
        }
    }
}
