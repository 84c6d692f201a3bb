import Foundation
import FuyuanCore

enum RegionHomeView {
    struct Lower {
        let code: String
        let name: String
        let level: String
        let units: Int
        /// nil when the region has no joint meeting yet.
        let memberUnits: Int?
    }

    struct Model {
        let code: String
        let name: String
        let level: String
        let parent: (code: String, name: String)?
        let meetingName: String?
        let convener: String?
        let officeHost: String?
        let units: Int
        let memberUnits: Int
        let users: Int
        /// The features' cards for the caller, in the order of the features.
        let cards: [HomeCard]
        let lowerRegions: [Lower]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        var crumbs: [(String, SitePath?)] = []
        if let parent = model.parent { crumbs.append((parent.name, .region(parent.code))) }
        crumbs.append((model.name, nil))
        return Layout.page(title: model.name, shell: shell, breadcrumbs: crumbs) {
            h1 { "\(model.name) · 府院联动工作" }
            div(.class("stats")) {
                stat("单位", model.units, id: "stat-units")
                stat("联席会议成员单位", model.memberUnits, id: "stat-members")
                stat("平台用户", model.users, id: "stat-users")
                stat("下级区划", model.lowerRegions.count, id: "stat-lower")
            }
            for card in model.cards where !card.rows.isEmpty {
                div(.class("card"), .id(card.id)) {
                    h2 { "\(card.title)（\(card.rows.count)）" }
                    ul {
                        for row in card.rows {
                            li {
                                strong { row.lead }
                                row.text
                            }
                        }
                    }
                    p { a(.href(card.link)) { card.linkLabel } }
                }
            }
            div(.class("card"), .id("meeting-summary")) {
                h2 { "联席会议" }
                if let meetingName = model.meetingName {
                    dl(.class("facts")) {
                        dt { "名称" }
                        dd { meetingName }
                        dt { "召集人" }
                        dd { model.convener ?? "（未录入）" }
                        dt { "办公室设在" }
                        dd { model.officeHost ?? "（未录入）" }
                        dt { "成员单位" }
                        dd { "\(model.memberUnits) 家" }
                    }
                    p { a(.href(.meeting(model.code))) { "查看组成人员与成员单位 ›" } }
                } else {
                    p(.class("muted")) { "本区划尚未录入联席会议。" }
                    p { a(.href(.meeting(model.code))) { "前往联席会议页面 ›" } }
                }
            }
            if !model.lowerRegions.isEmpty {
                div(.class("card")) {
                    h2 { "下级区划" }
                    div(.class("table-wrap")) {
                        table(.id("lower-regions")) {
                            thead {
                                tr {
                                    th { "区划" }; th { "代码" }; th { "层级" }; th { "单位数" }; th { "联席会议成员单位" }
                                }
                            }
                            tbody {
                                for lower in model.lowerRegions {
                                    tr {
                                        td(.class("nowrap")) { a(.href(.region(lower.code))) { lower.name } }
                                        td { lower.code }
                                        td { lower.level }
                                        td { "\(lower.units)" }
                                        td { lower.memberUnits.map { "\($0)" } ?? "未建立" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func stat(_ caption: String, _ value: Int, id: String) -> Node {
        div(.class("stat"), .id(id)) {
            div(.class("num")) { "\(value)" }
            div(.class("cap")) { caption }
        }
    }
}
