import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

@Suite struct PageTests {
    /// A page number past any count, up to the largest integer, is an empty page: never an overflow (which would
    /// stop the process).
    @Test func theLargestPageNumberIsAnEmptyPage() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let ledger = try await app.send(.GET, "/regions/411322/ledger?page=\(Int.max)", as: office)
            #expect(ledger.status == .ok)
            #expect(ledger.text.contains("没有符合条件的事项。"))
            let audit = try await app.send(.GET, "/audit?page=\(Int.max)", as: try await app.signIn("auditor"))
            #expect(audit.status == .ok)
            let users = try await app.send(.GET, "/admin/users?page=\(Int.max)", as: try await app.signIn("secadmin"))
            #expect(users.status == .ok)
        }
    }

    /// Escaping replaces only & < > (and quotes in attributes); every other character, combining marks and emoji
    /// included, comes through as it was, also right next to a replaced one.
    @Test func escapingReplacesOnlyTheMarkupCharacters() {
        let node = div(.attr("title", "a\"b'c&<>e\u{301}👍🏽")) { "<x>&\"'中\u{301}👍🏽" }
        #expect(node.rendered == "<div title=\"a&quot;b&#39;c&amp;&lt;&gt;e\u{301}👍🏽\">&lt;x&gt;&amp;\"'中\u{301}👍🏽</div>")
        #expect(div { "纯文本" }.rendered == "<div>纯文本</div>")
    }

    @Test func unitsPageCountsWhatTheDemoHolds() async throws {
        try await withTestApp { app in
            let page = try await app.send(.GET, "/regions/410400/units", as: try await app.signIn("pds.office"))
            #expect(page.status == .ok)
            #expect(page.headers.contentType == .html)
            let text = page.text
            // 平顶山市: 6 units, 6 member units, 1 user; three counties below with 10, 24 and 3 units.
            #expect(text.contains(#"<div class="stat" id="stat-units"><div class="num">6</div>"#))
            #expect(text.contains(#"<div class="stat" id="stat-members"><div class="num">6</div>"#))
            #expect(text.contains(#"<div class="stat" id="stat-users"><div class="num">1</div>"#))
            #expect(text.contains(#"<div class="stat" id="stat-lower"><div class="num">3</div>"#))
            #expect(
                text.contains(
                    #"<td class="nowrap"><a href="/regions/410403/units">卫东区</a></td><td>410403</td><td>县（区、县级市）</td><td>24</td><td>24</td>"#
                ))
            #expect(
                text.contains(
                    #"<td class="nowrap"><a href="/regions/410423/units">鲁山县</a></td><td>410423</td><td>县（区、县级市）</td><td>11</td><td>9</td>"#
                )
            )
            #expect(
                text.contains(
                    #"<td class="nowrap"><a href="/regions/410482/units">汝州市</a></td><td>410482</td><td>县（区、县级市）</td><td>3</td><td>3</td>"#
                ))
        }
    }

    @Test func regionWithoutAMeetingSaysSo() async throws {
        try await withTestApp { app in
            let session = try await app.signIn("nanyang.office")
            let meeting = try await app.send(.GET, "/regions/411300/meeting", as: session)
            #expect(meeting.text.contains("本区划尚未录入联席会议。"))
            let page = try await app.send(.GET, "/regions/411300/units", as: session)
            #expect(
                page.text.contains(
                    #"<td class="nowrap"><a href="/regions/411322/units">方城县</a></td><td>411322</td><td>县（区、县级市）</td><td>29</td><td>29</td>"#
                ))
        }
    }

    @Test func regionSwitcherListsOnlyTheScope() async throws {
        try await withTestApp { app in
            let city = try await app.send(.GET, "/regions/410400", as: try await app.signIn("pds.office")).text
            #expect(city.contains(#"<option value="410423">　鲁山县</option>"#))
            #expect(!city.contains("安阳市"))
            let county = try await app.send(.GET, "/regions/410423", as: try await app.signIn("lushan.court")).text
            #expect(!county.contains("region-switch"))
        }
    }

    @Test func everyTextFieldIsEscapedWhereverItIsShown() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let hostile = #"<script>alert(1)</script>"onmouseover="x" ＜script＞"#
            let created = try await app.send(
                .POST, "/regions/410423/units", as: office, form: [("name", hostile), ("kind", "other")])
            #expect(created.status == .seeOther)
            let page = try await app.send(.GET, "/regions/410423/units", as: office).text
            #expect(!page.contains("<script>alert"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;\"onmouseover=\"x\" ＜script＞"))
            let edit = try await app.send(
                .GET, "/units/\(try await app.unit(named: hostile).id!.uuidString)/edit", as: office
            ).text
            #expect(
                edit.contains(#"value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=&quot;x&quot; ＜script＞""#)
            )
        }
    }

    @Test func pagesCarryTheSecurityHeadersAndOnlyOwnAssets() async throws {
        try await withTestApp { app in
            let page = try await app.send(.GET, "/login")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(!page.text.contains("http://") && !page.text.contains("https://"))
            let css = try await app.send(.GET, "/assets/\(Assets.stylesheetName)")
            #expect(css.status == .ok)
            #expect(css.headers.contentType?.subType == "css")
            #expect(try await app.send(.GET, "/assets/app-000000000000.css").status == .notFound)
            // The icon is the product's own, so browsers never ask for /favicon.ico.
            #expect(page.text.contains(#"<link rel="icon" type="image/svg+xml" href="/assets/\#(Assets.iconName)">"#))
            let icon = try await app.send(.GET, "/assets/\(Assets.iconName)")
            #expect(icon.status == .ok)
            #expect(icon.headers.contentType?.description == "image/svg+xml")
            #expect(icon.text.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect"#))
        }
    }

    @Test func errorPagesShowNoInternals() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let page = try await app.send(.GET, "/units/not-a-uuid/edit", as: office)
            #expect(page.status == .notFound)
            #expect(!page.text.contains("Fluent") && !page.text.contains("SQL") && !page.text.contains(".swift"))
            let foreign = try await app.send(.GET, "/regions/410403/meeting", as: office)
            #expect(foreign.status == .notFound)
            #expect(foreign.text.contains("区划 410403 不存在或无权查看"))
        }
    }
}
