import Foundation
import FuyuanCore

enum RosterView {
    struct Member {
        let unitName: String
        let liaisonName: String
        /// 138****5678: whole numbers are shown only on the edit form, and who saw them is audited.
        let maskedPhone: String
    }

    struct Change {
        let summary: [String]
        let approvedBy: String
        /// As stored (YYYY-MM-DD).
        let approvedOn: String
        let recordedBy: String
        let recordedAt: Date?
    }

    /// The region's joint meeting; `meetingName` nil before one is recorded.
    struct Model {
        let regionCode: String
        let regionName: String
        let meetingName: String?
        let people: [Roster.Person]
        let officeHost: String?
        let members: [Member]
        let changes: [Change]
        let canEdit: Bool
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(
            title: "\(model.regionName)联席会议", shell: shell,
            breadcrumbs: [(model.regionName, .region(model.regionCode)), ("联席会议", nil)]
        ) {
            h1 { model.meetingName ?? "\(model.regionName)府院联动联席会议" }
            Form.notice(model.notice)
            if model.canEdit {
                div(.class("actions")) {
                    a(.class("button"), .href(.meetingEdit(model.regionCode)), .id("edit-roster")) {
                        model.meetingName == nil ? "建立联席会议" : "调整组成"
                    }
                }
            }
            if model.meetingName == nil {
                div(.class("card")) { p(.class("muted")) { "本区划尚未录入联席会议。" } }
            } else {
                div(.class("grid")) {
                    div(.class("card")) {
                        h2 { "组成人员" }
                        table(.id("people")) {
                            thead {
                                tr {
                                    th { "职务" }; th { "姓名" }; th { "现任职务" }
                                }
                            }
                            tbody {
                                for person in model.people {
                                    tr {
                                        td { person.role.label }; td { person.name }; td { person.post }
                                    }
                                }
                            }
                        }
                        if model.people.isEmpty { p(.class("muted")) { "（尚未录入召集人、副召集人）" } }
                    }
                    div(.class("card")) {
                        h2 { "联席会议办公室" }
                        dl(.class("facts")) {
                            dt { "设在" }
                            dd(.id("office-host")) { model.officeHost ?? "（未录入）" }
                            dt { "职责" }
                            dd { "日常联络、沟通协调、督办落实，联席会议决定事项的转办、交办" }
                        }
                    }
                }
                div(.class("card")) {
                    h2 { "成员单位及联络员（\(model.members.count)）" }
                    div(.class("table-wrap")) {
                        table(.id("members")) {
                            thead {
                                tr {
                                    th { "序号" }; th { "成员单位" }; th { "联络员" }; th { "联系电话" }
                                }
                            }
                            tbody {
                                for (index, member) in model.members.enumerated() {
                                    tr {
                                        td { "\(index + 1)" }
                                        td { member.unitName }
                                        td { member.liaisonName.isEmpty ? "（未指定）" : member.liaisonName }
                                        td { member.maskedPhone }
                                    }
                                }
                            }
                        }
                    }
                }
                div(.class("card")) {
                    h2 { "组成调整记录" }
                    if model.changes.isEmpty {
                        p(.class("muted")) { "暂无调整记录。" }
                    } else {
                        table(.id("changes")) {
                            thead {
                                tr {
                                    th { "调整内容" }; th { "批准人" }; th { "批准日期" }; th { "录入人" }; th { "录入时间" }
                                }
                            }
                            tbody {
                                for change in model.changes {
                                    tr {
                                        td {
                                            ul {
                                                for line in change.summary { li { line } }
                                            }
                                        }
                                        td { change.approvedBy }
                                        td { CalendarDay(parsing: change.approvedOn)?.chinese ?? change.approvedOn }
                                        td { change.recordedBy }
                                        td { change.recordedAt.map(ChineseTime.minute) ?? "" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
