/// Level of an administrative region (行政区划层级).
public enum RegionLevel: String, Codable, CaseIterable, Sendable, Comparable {
    case province, city, county, township

    public var label: String {
        switch self {
        case .province: "省"
        case .city: "市"
        case .county: "县（区、县级市）"
        case .township: "乡镇（街道）"
        }
    }

    var rank: Int {
        switch self {
        case .province: 0
        case .city: 1
        case .county: 2
        case .township: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Kind of a unit (单位类别).
public enum UnitKind: String, Codable, CaseIterable, Sendable {
    case government, governmentOffice, department, court, procuratorate, publicSecurity, township, streetOffice, other

    public var label: String {
        switch self {
        case .government: "人民政府"
        case .governmentOffice: "政府办"
        case .department: "政府部门"
        case .court: "法院"
        case .procuratorate: "检察院"
        case .publicSecurity: "公安"
        case .township: "乡镇政府"
        case .streetOffice: "街道办"
        case .other: "其他"
        }
    }
}

/// A user's role (角色). The three administrators are separate (三权分立).
public enum Role: String, Codable, CaseIterable, Sendable {
    case systemAdmin, securityAdmin, auditAdmin, office, liaison, court, leader

    public var label: String {
        switch self {
        case .systemAdmin: "系统管理员"
        case .securityAdmin: "安全管理员"
        case .auditAdmin: "审计管理员"
        case .office: "联席办工作人员"
        case .liaison: "成员单位联络员"
        case .court: "法院工作人员"
        case .leader: "领导"
        }
    }

    public var isAdministrator: Bool { [.systemAdmin, .securityAdmin, .auditAdmin].contains(self) }

    /// Roles that work with the joint meeting's business data.
    public static let business: [Role] = [.office, .liaison, .court, .leader]
}

/// A person's place in a joint meeting (联席会议组成人员).
public enum MeetingRole: String, Codable, CaseIterable, Sendable {
    case convener, executiveDeputy, deputy

    public var label: String {
        switch self {
        case .convener: "召集人"
        case .executiveDeputy: "常务副召集人"
        case .deputy: "副召集人"
        }
    }
}

/// 牵头, 责任 or 配合.
public enum PartRole: String, Codable, CaseIterable, Sendable {
    case lead, responsible, cooperating

    public var label: String {
        switch self {
        case .lead: "牵头单位"
        case .responsible: "责任单位"
        case .cooperating: "配合单位"
        }
    }

    /// Parts are listed lead first, then responsible, then cooperating.
    public var rank: Int {
        switch self {
        case .lead: 0
        case .responsible: 1
        case .cooperating: 2
        }
    }
}
