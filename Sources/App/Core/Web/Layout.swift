import FuyuanCore
import Vapor

/// What every signed-in page shows around its content: who is signed in, the menu for their role
/// and, for upper levels, the region switcher.
struct PageShell: Sendable {
    struct NavItem: Sendable {
        let label: String
        let path: SitePath
    }

    struct RegionChoice: Sendable {
        let code: String
        let name: String
        let depth: Int
    }

    let displayName: String
    let unitName: String
    let roleLabel: String
    let csrfToken: String
    let nav: [NavItem]
    let regions: [RegionChoice]
    let currentRegionCode: String?
    /// The server's storage is full (`StorageFull`): the page says that nothing can be saved for now.
    var storageFull = false
}

/// A rendered page, sent as `text/html; charset=utf-8`.
struct HTMLPage: AsyncResponseEncodable {
    let html: String
    var status: HTTPResponseStatus = .ok

    func encodeResponse(for request: Request) async throws -> Response {
        let response = Response(status: status, body: .init(string: html))
        response.headers.contentType = .html
        return response
    }
}

/// The page shell: one base layout with a title, breadcrumbs and content.
enum Layout {
    static func page(
        title: String, shell: PageShell, breadcrumbs: [(String, SitePath?)] = [], @NodeBuilder content: () -> [Node]
    ) -> HTMLPage {
        let body = element("body", []) {
            element("header", [.class("topbar")]) {
                a(.class("brand"), .href(.home)) { "府院通" }
                span(.class("brand-sub")) { "常态化府院联动工作平台" }
                if shell.regions.count > 1 {
                    form(.class("region-switch"), .get, .action(.regionGo)) {
                        label(.for("region-switch")) { "区划" }
                        select(.id("region-switch"), .name("code"), .attr("data-autosubmit", "")) {
                            for region in shell.regions {
                                choice(
                                    region.code, String(repeating: "　", count: region.depth) + region.name,
                                    selected: region.code == shell.currentRegionCode)
                            }
                        }
                        button(.type("submit"), .class("button small")) { "前往" }
                    }
                }
                div(.class("who")) {
                    span(.class("who-name")) { shell.displayName }
                    span(.class("who-unit")) { shell.unitName + " · " + shell.roleLabel }
                    a(.href(.password)) { "修改密码" }
                    a(.href(.secondFactor)) { "动态口令" }
                    a(.href(.noticeSettings)) { "通知设置" }
                    form(.class("inline"), .post, .action(.logout)) {
                        csrfField(shell.csrfToken)
                        button(.type("submit"), .class("link")) { "退出" }
                    }
                }
            }
            element("nav", [.class("menu")]) {
                for item in shell.nav { a(.href(item.path)) { item.label } }
            }
            element("main", [.class("content")]) {
                if shell.storageFull {
                    div(.class("problems storage-full"), .attr("role", "alert")) {
                        "服务器存储空间已满：可以照常登录和查阅，但暂时不能保存任何修改；请联系系统管理员清理存储空间。"
                    }
                }
                if !breadcrumbs.isEmpty {
                    element("nav", [.class("crumbs"), .attr("aria-label", "位置")]) {
                        for (index, crumb) in breadcrumbs.enumerated() {
                            if index > 0 { span(.class("sep")) { "›" } }
                            if let path = crumb.1 { a(.href(path)) { crumb.0 } } else { span { crumb.0 } }
                        }
                    }
                }
                content()
            }
            footer
        }
        return HTMLPage(html: document(title: title, body: body))
    }

    /// Pages seen before signing in, and error pages.
    static func bare(title: String, @NodeBuilder content: () -> [Node]) -> HTMLPage {
        let body = element("body", [.class("bare")]) {
            element("main", [.class("bare-main")]) {
                div(.class("bare-brand")) {
                    strong { "府院通" }
                    span { "常态化府院联动工作平台" }
                }
                content()
            }
            footer
        }
        return HTMLPage(html: document(title: title, body: body))
    }

    static func errorPage(status: HTTPResponseStatus, message: String) -> String {
        bare(title: "\(status.code)") {
            div(.class("card error-card")) {
                h1 { status == .notFound ? "未找到" : (status.code < 500 ? "无法完成请求" : "服务器错误") }
                p { message }
                p { a(.href(.home)) { "返回首页" } }
            }
        }.html
    }

    /// The first 60 characters of a long text, for a list's cell, a card's line or a notice.
    static func excerpt(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(60)) + "…" : text
    }

    static func csrfField(_ token: String) -> Node {
        input(.type("hidden"), .name("_csrf"), .value(token))
    }

    private static var footer: Node {
        element("footer", [.class("foot")]) { "府院通 · 政务内网部署 · 所有资源由本系统提供" }
    }

    private static func document(title: String, body: Node) -> String {
        let head = element("head", []) {
            voidElement("meta", [.attr("charset", "utf-8")])
            voidElement("meta", [.name("viewport"), .attr("content", "width=device-width, initial-scale=1")])
            element("title", []) { title + " · 府院通" }
            voidElement("link", [.attr("rel", "stylesheet"), .href(.asset(Assets.stylesheetName))])
            voidElement("link", [.attr("rel", "icon"), .attr("type", "image/svg+xml"), .href(.asset(Assets.iconName))])
            element("script", [.attr("src", SitePath.asset(Assets.scriptName).url), .flag("defer")]) {}
        }
        var out = ""
        out.reserveCapacity(1 << 15)
        Node.doctype.render(into: &out)
        element("html", [.attr("lang", "zh-CN")]) {
            head
            body
        }.render(into: &out)
        return out
    }
}

/// Form helpers shared by every page.
enum Form {
    static func field(
        _ labelText: String, name: String, value: String = "", type: String = "text", required: Bool = true,
        hint: String? = nil, marks: FieldMarks = .none
    ) -> Node {
        div(.class("field")) {
            label(.for("f-" + name)) { labelText }
            voidElement(
                "input",
                [.type(type), .id("f-" + name), .name(name), .value(value), .when(required, .required)]
                    + marks.attributes(labelText, name: name))
            marks.message(labelText, name: name)
            if let hint { small(.class("hint")) { hint } }
        }
    }

    /// A required choice of `choices` (value, label), `selected` chosen.
    static func select(
        _ text: String, name: String, _ choices: [(String, String)], _ selected: String, marks: FieldMarks = .none
    ) -> Node {
        div(.class("field")) {
            label(.for("f-" + name)) { text }
            element("select", [.id("f-" + name), .name(name), .required] + marks.attributes(text, name: name)) {
                for (value, label) in choices { choice(value, label, selected: value == selected) }
            }
            marks.message(text, name: name)
        }
    }

    /// A text of several lines, required unless said otherwise.
    static func textArea(
        _ text: String, name: String, value: String, required: Bool = true, hint: String? = nil, marks: FieldMarks
    ) -> Node {
        div(.class("field")) {
            label(.for("f-" + name)) { text }
            element(
                "textarea",
                [.id("f-" + name), .name(name), .attr("rows", "4"), .when(required, .required)]
                    + marks.attributes(text, name: name)
            ) { value }
            marks.message(text, name: name)
            if let hint { small(.class("hint")) { hint } }
        }
    }

    static func problems(_ items: [String]) -> Node {
        div(.class(items.isEmpty ? "hidden" : "problems"), .attr("role", "alert")) {
            if !items.isEmpty {
                strong { "请修改以下内容：" }
                ul { for item in items { li { item } } }
            }
        }
    }

    /// The problems of a posted form by the label of their field, as the stores name them ("事项：不能为空" is the
    /// field 事项): the field is marked invalid, its message stands beside it, and the first one takes the focus.
    struct FieldMarks {
        static let none = FieldMarks([])

        private let reasons: [String: String]
        private let first: String?

        init(_ problems: [String]) {
            var reasons: [String: String] = [:]
            var first: String?
            for problem in problems {
                guard let colon = problem.firstIndex(of: "：") else { continue }
                let label = String(problem[..<colon])
                let reason = String(problem[problem.index(after: colon)...])
                first = first ?? label
                reasons[label] = reasons[label].map { $0 + "；" + reason } ?? reason
            }
            (self.reasons, self.first) = (reasons, first)
        }

        /// For the control of the field `label` (whose id is `f-name`).
        func attributes(_ label: String, name: String) -> [Attr] {
            guard reasons[label] != nil else { return [] }
            return [.attr("aria-invalid", "true"), .attr("aria-describedby", "e-" + name)]
                + (label == first ? [.flag("autofocus")] : [])
        }

        func message(_ label: String, name: String) -> [Node] {
            guard let reason = reasons[label] else { return [] }
            return [p(.class("field-error"), .id("e-" + name)) { reason }]
        }
    }

    static func notice(_ text: String?) -> [Node] {
        guard let text else { return [] }
        return [div(.class("notice"), .attr("role", "status")) { text }]
    }
}
