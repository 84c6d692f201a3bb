import Foundation
import FuyuanCore
import Vapor

enum RosterEditView {
    /// Blank person rows offered beyond those already on the roster.
    static let spareRows = 3

    struct PersonRow {
        var role: String
        var name: String
        var post: String
    }

    struct MemberRow {
        var checked: Bool
        var liaisonName: String
        var liaisonPhone: String
    }

    /// What the form shows: the stored roster, or what was posted when it is shown again with problems.
    struct FormValues {
        var name: String
        var officeUnitID: String
        var people: [PersonRow]
        var members: [UUID: MemberRow]
        /// Units in the order the form lists them: the roster's own order first.
        var order: [UUID]
        var approvedBy: String
        var approvedOn: String
        /// The roster's version this form was made from; 0 before the first roster.
        var version: Int

        init(
            name: String, officeUnitID: String, people: [PersonRow], members: [UUID: MemberRow], order: [UUID],
            approvedBy: String, approvedOn: String, version: Int
        ) {
            self.version = version
            self.name = name
            self.officeUnitID = officeUnitID
            self.people = people
            self.members = members
            self.order = order
            self.approvedBy = approvedBy
            self.approvedOn = approvedOn
        }
    }

    /// The form as posted: parallel arrays, one entry per row.
    struct Posted: Content {
        var name: String?
        var officeUnitID: String?
        var personRole: [String]?
        var personName: [String]?
        var personPost: [String]?
        var memberUnit: [String]?
        var rowUnit: [String]?
        var liaisonName: [String]?
        var liaisonPhone: [String]?
        var approvedBy: String?
        var approvedOn: String?
        var version: String?

        private func at(_ values: [String]?, _ index: Int) -> String {
            guard let values, index < values.count else { return "" }
            return values[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }

        var values: FormValues {
            let rows = (0..<(personName?.count ?? 0)).map {
                PersonRow(role: at(personRole, $0), name: at(personName, $0), post: at(personPost, $0))
            }
            .filter { !$0.name.isEmpty || !$0.post.isEmpty }
            let checked = Set(memberUnit ?? [])
            var members: [UUID: MemberRow] = [:]
            for (index, unit) in (rowUnit ?? []).enumerated() {
                guard let id = UUID(uuidString: unit) else { continue }
                members[id] = MemberRow(
                    checked: checked.contains(unit), liaisonName: at(liaisonName, index),
                    liaisonPhone: at(liaisonPhone, index))
            }
            return FormValues(
                name: (name ?? "").trimmingCharacters(in: .whitespaces), officeUnitID: officeUnitID ?? "", people: rows,
                members: members, order: (rowUnit ?? []).compactMap(UUID.init(uuidString:)),
                approvedBy: (approvedBy ?? "").trimmingCharacters(in: .whitespaces),
                approvedOn: approvedOn ?? "", version: version.flatMap(Int.init) ?? 0)
        }

        func input() throws -> RosterStore.Input {
            let values = values
            var problems = FieldProblems()
            var people: [RosterStore.Input.Person] = []
            for (index, row) in values.people.enumerated() {
                guard let role = MeetingRole(rawValue: row.role) else {
                    problems.add("组成人员第 \(index + 1) 行", "请选择职务")
                    continue
                }
                people.append(.init(role: role, name: row.name, post: row.post))
            }
            let day = CalendarDay(parsing: values.approvedOn)
            if day == nil { problems.add("批准日期", "请填写有效日期，如 2026-11-23") }
            guard let day, problems.isEmpty else { throw AppError.invalid(problems.summary) }
            // Keep the order of the rows on the page.
            let members = (rowUnit ?? []).compactMap(UUID.init(uuidString:)).compactMap {
                id -> RosterStore.Input.Member? in
                guard let row = values.members[id], row.checked else { return nil }
                return .init(unitID: id, liaisonName: row.liaisonName, liaisonPhone: row.liaisonPhone)
            }
            return RosterStore.Input(
                name: values.name, officeUnitID: UUID(uuidString: values.officeUnitID), people: people,
                memberUnits: members, approvedBy: values.approvedBy, approvedOn: day)
        }
    }

    struct Model {
        let regionCode: String
        let regionName: String
        let units: [(id: UUID, name: String)]
        let form: FormValues
        let problems: [String]
        /// Where the form posts: the meeting, or the document whose roster is being applied.
        var action: SitePath? = nil
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let form = model.form
        let rows = form.people + Array(repeating: PersonRow(role: "", name: "", post: ""), count: spareRows)
        // Members in their roster order, then the region's other units.
        let byID = Dictionary(uniqueKeysWithValues: model.units.map { ($0.id, $0) })
        let listed = Set(form.order)
        let ordered = form.order.compactMap { byID[$0] } + model.units.filter { !listed.contains($0.id) }
        return Layout.page(
            title: "调整联席会议组成", shell: shell,
            breadcrumbs: [
                (model.regionName, .region(model.regionCode)), ("联席会议", .meeting(model.regionCode)), ("调整组成", nil),
            ]
        ) {
            h1 { "调整联席会议组成" }
            Form.problems(model.problems)
            element("form", [.post, .action(model.action ?? .meeting(model.regionCode)), .id("roster-form")]) {
                Layout.csrfField(shell.csrfToken)
                input(.type("hidden"), .name("version"), .value(String(model.form.version)))
                div(.class("card")) {
                    Form.field("会议名称", name: "name", value: form.name)
                    div(.class("field")) {
                        label(.for("f-office")) { "联席会议办公室设在" }
                        select(.id("f-office"), .name("officeUnitID")) {
                            choice("", "（未指定）", selected: form.officeUnitID.isEmpty)
                            for unit in model.units {
                                choice(unit.id.uuidString, unit.name, selected: unit.id.uuidString == form.officeUnitID)
                            }
                        }
                    }
                }
                div(.class("card")) {
                    h2 { "召集人、常务副召集人、副召集人" }
                    for (index, row) in rows.enumerated() {
                        div(.class("roster-row")) {
                            select(.name("personRole[]"), .attr("aria-label", "第 \(index + 1) 行职务")) {
                                choice("", "（职务）", selected: row.role.isEmpty)
                                for role in MeetingRole.allCases {
                                    choice(role.rawValue, role.label, selected: role.rawValue == row.role)
                                }
                            }
                            input(
                                .type("text"), .name("personName[]"), .value(row.name), .attr("placeholder", "姓名"),
                                .attr("aria-label", "第 \(index + 1) 行姓名"))
                            input(
                                .type("text"), .name("personPost[]"), .value(row.post),
                                .attr("placeholder", "现任职务，如 区长"), .attr("aria-label", "第 \(index + 1) 行现任职务"))
                        }
                    }
                    small(.class("hint")) { "留空的行不保存。" }
                }
                div(.class("card")) {
                    h2 { "成员单位及联络员" }
                    for unit in ordered {
                        let row = form.members[unit.id]
                        div(.class("member-row")) {
                            input(.type("hidden"), .name("rowUnit[]"), .value(unit.id.uuidString))
                            input(
                                .type("checkbox"), .name("memberUnit[]"), .value(unit.id.uuidString),
                                .id("m-" + unit.id.uuidString),
                                .when(row?.checked == true, .checked))
                            label(.for("m-" + unit.id.uuidString)) { unit.name }
                            input(
                                .type("text"), .name("liaisonName[]"), .value(row?.liaisonName ?? ""),
                                .attr("placeholder", "联络员"), .attr("aria-label", unit.name + "联络员"))
                            input(
                                .type("tel"), .name("liaisonPhone[]"), .value(row?.liaisonPhone ?? ""),
                                .attr("placeholder", "联系电话"), .attr("aria-label", unit.name + "联系电话"))
                        }
                    }
                }
                div(.class("card")) {
                    h2 { "审批" }
                    p(.class("muted")) { "联席会议成员调整由所在单位提出，按程序报召集人批准。" }
                    Form.field("批准人", name: "approvedBy", value: form.approvedBy)
                    Form.field("批准日期", name: "approvedOn", value: form.approvedOn, type: "date")
                    div(.class("actions")) {
                        button(.type("submit")) { "保存调整" }
                        a(.href(.meeting(model.regionCode))) { "取消" }
                    }
                }
            }
        }
    }
}
