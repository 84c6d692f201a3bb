import Crypto
import FuyuanCore
import Vapor

/// The product's own stylesheet, script and icon, compiled in: the intranet has no CDN and the binary
/// needs no resource folder beside it.
enum Assets {
    static let stylesheetName = "app-\(fingerprint(stylesheet)).css"
    static let scriptName = "app-\(fingerprint(script)).js"
    /// Named in every page's head, so that browsers do not ask for a `/favicon.ico` that is not there (a 404 of a
    /// signed-in user counts toward the intrusion watch).
    static let iconName = "icon-\(fingerprint(icon)).svg"

    static func fingerprint(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(6).hex
    }

    static func response(named name: String) -> Response? {
        let (body, type): (String, HTTPMediaType)
        switch name {
        case stylesheetName: (body, type) = (stylesheet, .css)
        case iconName: (body, type) = (icon, HTTPMediaType(type: "image", subType: "svg+xml"))
        case scriptName:
            (body, type) = (
                script, HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            )
        default: return nil
        }
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = type
        // Names carry a content hash, so a year of caching is safe.
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }

    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">\
        <rect width="64" height="64" rx="12" fill="#a61b1f"/>\
        <path d="M14 46h36M18 46V26l14-10 14 10v20M26 46V32h12v14" fill="none" stroke="#fff" stroke-width="5" \
        stroke-linejoin="round"/></svg>
        """

    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
            el.addEventListener("change", function () { el.form.submit(); });
          });
          document.querySelectorAll("form[data-confirm]").forEach(function (f) {
            f.addEventListener("submit", function (e) {
              if (!window.confirm(f.getAttribute("data-confirm"))) { e.preventDefault(); }
            });
          });
          document.querySelectorAll("form[data-stream-import]").forEach(streamImport);
          document.querySelectorAll(".content table").forEach(labelCells);
        });

        // On a phone a table's rows are stacked (the stylesheet): each cell says its column's name, from the header.
        // Pages that label their cells themselves (the ledger) keep theirs.
        function labelCells(table) {
          var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
            return th.textContent.trim();
          });
          table.querySelectorAll("tbody tr").forEach(function (row) {
            Array.prototype.forEach.call(row.children, function (cell, index) {
              if (names[index] && !cell.hasAttribute("data-label")) { cell.setAttribute("data-label", names[index]); }
            });
          });
        }

        // The browser's own bubble for a required or malformed field speaks the browser's language; this one names
        // the field in the product's words. Cleared as soon as the field changes.
        document.addEventListener("invalid", function (e) {
          var field = e.target;
          var label = field.id && document.querySelector("label[for='" + field.id + "']");
          var name = (label ? label.textContent : field.getAttribute("aria-label")) || "此项";
          field.setCustomValidity(name + "：" + (field.validity.valueMissing ? "不能为空" : "格式不正确"));
        }, true);
        ["input", "change"].forEach(function (type) {
          document.addEventListener(type, function (e) {
            if (e.target.setCustomValidity) { e.target.setCustomValidity(""); }
          }, true);
        });

        // Sends the chosen file as the request body and shows the answer's lines as they come: progress, then the
        // counts or the table of bad rows. Text only ever goes in through textContent.
        function streamImport(f) {
          var out = document.getElementById(f.getAttribute("data-stream-import"));
          function el(tag, text, cls) {
            var e = document.createElement(tag);
            if (text !== undefined) { e.textContent = text; }
            if (cls) { e.className = cls; }
            return e;
          }
          f.addEventListener("submit", function (e) {
            e.preventDefault();
            var file = f.querySelector("input[type=file]").files[0];
            if (!file) { return; }
            var button = f.querySelector("button");
            button.disabled = true;
            out.replaceChildren();
            var bar = el("progress");
            var status = el("p", "正在上传 " + file.name + "……", "muted");
            status.id = "import-status";
            out.append(bar, status);
            var read = 0, stored = 0;
            function show(event) {
              if (event.read !== undefined) { read = event.read; }
              if (event.stored !== undefined) { stored = event.stored; }
              if (event.read !== undefined || event.stored !== undefined) {
                status.textContent = "已读取并校验 " + read + " 行，已写入 " + stored + " 件";
              }
              if (event.done) {
                bar.remove();
                status.className = "notice";
                status.textContent = "导入完成：新增 " + event.done.created + " 件，更新 " + event.done.updated +
                  " 件，未变 " + event.done.unchanged + " 件。";
              }
              if (event.failed) { bar.remove(); status.className = "problems"; status.textContent = event.failed; }
              if (event.refused) {
                bar.remove();
                status.className = "problems";
                status.textContent = event.refused.error.message;
                var table = el("table"); table.id = "import-problems";
                var head = el("tr");
                ["行", "列", "问题"].forEach(function (t) { head.append(el("th", t)); });
                table.append(el("thead")); table.tHead.append(head);
                var body = el("tbody");
                event.refused.rows.forEach(function (r) {
                  var tr = el("tr");
                  tr.append(el("td", String(r.row)), el("td", r.column), el("td", r.reason));
                  body.append(tr);
                });
                table.append(body);
                out.append(table);
              }
            }
            fetch(f.action, {
              method: "POST", body: file, credentials: "same-origin",
              headers: { "X-CSRF-Token": f.querySelector("[name=_csrf]").value, "Accept": "application/json",
                         "Content-Type": file.type || "application/octet-stream" }
            }).then(function (response) {
              if (!response.ok) {
                return response.text().then(function (text) {
                  var message = "导入失败（HTTP " + response.status + "）";
                  try { message = JSON.parse(text).error.message; } catch (ignored) {}
                  show({ failed: message });
                });
              }
              var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "";
              function pump() {
                return reader.read().then(function (chunk) {
                  if (chunk.done) { return; }
                  buffer += decoder.decode(chunk.value, { stream: true });
                  var at;
                  while ((at = buffer.indexOf("\\n")) >= 0) {
                    show(JSON.parse(buffer.slice(0, at)));
                    buffer = buffer.slice(at + 1);
                  }
                  return pump();
                });
              }
              return pump();
            }).catch(function () {
              show({ failed: "连接中断，请检查网络后重试" });
            }).finally(function () { button.disabled = false; });
          });
        }
        """

    static let stylesheet = """
        :root { --ink:#1f2933; --muted:#5f6b7a; --line:#d9dee5; --bg:#f4f5f7; --card:#fff;
          --accent:#a61b1b; --accent-dark:#7f1414; --blue:#1d4f91; --ok:#1e7b34; --warn:#b7791f; --bad:#c53030; }
        * { box-sizing: border-box; }
        body { margin:0; font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
          color:var(--ink); background:var(--bg); font-size:15px; line-height:1.6; }
        a { color:var(--blue); text-decoration:none; } a:hover { text-decoration:underline; }
        .topbar { display:flex; flex-wrap:wrap; align-items:center; gap:12px 20px; padding:10px 24px;
          background:var(--accent); color:#fff; }
        .brand { color:#fff; font-size:22px; font-weight:700; letter-spacing:2px; }
        .brand-sub { opacity:.85; font-size:13px; }
        .region-switch { display:flex; align-items:center; gap:6px; margin-left:auto; }
        .region-switch label { font-size:13px; }
        .region-switch select { padding:4px 6px; border-radius:4px; border:0; max-width:220px; }
        .who { display:flex; align-items:center; gap:12px; font-size:13px; }
        .who a, .who .link { color:#fff; }
        .who-name { font-weight:700; }
        .menu { display:flex; flex-wrap:wrap; gap:4px; padding:0 24px; background:var(--accent-dark); }
        .menu a { color:#fff; padding:8px 14px; font-size:14px; }
        .menu a:hover { background:rgba(255,255,255,.12); text-decoration:none; }
        .content { max-width:1200px; margin:0 auto; padding:20px 24px 40px; }
        .crumbs { font-size:13px; color:var(--muted); margin-bottom:12px; }
        .crumbs .sep { margin:0 6px; }
        h1 { font-size:22px; margin:0 0 16px; } h2 { font-size:18px; margin:0 0 12px; } h3 { font-size:16px; }
        .card { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:18px 20px; margin-bottom:18px; }
        .grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(260px,1fr)); gap:18px; }
        .stats { display:grid; grid-template-columns:repeat(auto-fit,minmax(150px,1fr)); gap:12px; margin-bottom:18px; }
        .stat { background:var(--card); border:1px solid var(--line); border-left:4px solid var(--accent); border-radius:6px; padding:12px 16px; }
        .stat .num { font-size:26px; font-weight:700; } .stat .cap { color:var(--muted); font-size:13px; }
        td.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
        progress.campaign-bar { width:100%; height:14px; accent-color:var(--ok); }
        table { width:100%; border-collapse:collapse; background:var(--card); }
        th, td { text-align:left; padding:8px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#eef1f5; font-weight:600; font-size:14px; white-space:nowrap; }
        tbody tr:hover { background:#fafbfc; }
        .table-wrap { overflow-x:auto; }
        td.nowrap, th { white-space:nowrap; }
        dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:6px 16px; margin:0; }
        dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; }
        .field { display:flex; flex-direction:column; gap:4px; margin-bottom:12px; }
        .field label { font-weight:600; font-size:14px; }
        input[type=text], input[type=password], input[type=email], input[type=url], input[type=date], input[type=tel], select, textarea {
          font:inherit; padding:7px 9px; border:1px solid #b8c0cc; border-radius:4px; background:#fff; }
        .hint { color:var(--muted); font-size:12px; }
        .button, button { font:inherit; cursor:pointer; border:1px solid var(--accent); background:var(--accent);
          color:#fff; padding:7px 16px; border-radius:4px; }
        .button.secondary, button.secondary { background:#fff; color:var(--accent); }
        .button.danger, button.danger { background:#fff; color:var(--bad); border-color:var(--bad); }
        #case-import progress { width:100%; max-width:480px; height:14px; }
        .button.small, button.small { padding:3px 10px; font-size:13px; }
        button.link { background:none; border:0; padding:0; color:var(--blue); }
        .topbar button.link { color:#fff; }
        form.inline { display:inline; }
        .actions { display:flex; flex-wrap:wrap; gap:8px; align-items:center; }
        .problems { border:1px solid var(--bad); background:#fff5f5; color:#742a2a; padding:10px 14px; border-radius:4px; margin-bottom:14px; }
        .problems ul { margin:4px 0 0 18px; padding:0; }
        .field-error { color:var(--bad); margin:4px 0 0; font-size:.9em; }
        .field [aria-invalid=true], .field [aria-invalid=true]:focus { border-color:var(--bad); box-shadow:0 0 0 1px var(--bad); }
        .notice { border:1px solid #9ae6b4; background:#f0fff4; color:#22543d; padding:10px 14px; border-radius:4px; margin-bottom:14px; }
        .hidden { display:none; }
        .tag { display:inline-block; padding:0 8px; border-radius:10px; font-size:12px; background:#edf2f7; color:var(--muted); }
        .tag.ok { background:#e6f4ea; color:var(--ok); } .tag.bad { background:#fde8e8; color:var(--bad); }
        td.ok { color:var(--ok); } td.bad { color:var(--bad); font-weight:600; }
        .muted { color:var(--muted); } .small { font-size:12px; }
        .prewrap { white-space:pre-wrap; }
        .mark { display:inline-block; min-width:38px; text-align:center; padding:0 6px; border-radius:10px; font-size:12px; color:#fff; }
        .mark.green { background:var(--ok); } .mark.yellow { background:#d69e2e; } .mark.red { background:var(--bad); }
        .mark.grey { background:#cbd2d9; color:#3e4c59; }
        .filters { display:flex; flex-wrap:wrap; gap:8px; align-items:center; }
        .filters select, .filters input { max-width:200px; }
        td.latest { max-width:320px; font-size:13px; color:var(--muted); }
        .report { border-bottom:1px dashed var(--line); padding:8px 0; }
        .step { display:inline-flex; gap:4px; }
        .unit-picks { display:grid; grid-template-columns:repeat(auto-fill,minmax(220px,1fr)); gap:4px 12px; margin:8px 0 12px; }
        details.card > summary { cursor:pointer; font-weight:600; }
        .notice-card.unread { border-left:4px solid var(--accent); }
        svg.chart { max-width:100%; height:auto; }
        .mark.warn-yellow { background:#d69e2e; } .mark.warn-orange { background:#dd6b20; } .mark.warn-red { background:var(--bad); }
        input[type=number] { font:inherit; padding:7px 9px; border:1px solid #b8c0cc; border-radius:4px; width:90px; }
        input[type=search] { font:inherit; padding:7px 9px; border:1px solid #b8c0cc; border-radius:4px; }
        .secret { font-family:monospace; font-size:18px; background:#fffbea; border:1px dashed var(--warn); padding:8px 12px; display:inline-block; }
        .roster-row { display:grid; grid-template-columns:160px 1fr 1fr; gap:8px; margin-bottom:6px; }
        .member-row { display:grid; grid-template-columns:28px 1fr 160px 160px; gap:8px; align-items:center; padding:4px 0; border-bottom:1px dashed var(--line); }
        .pager { display:flex; gap:12px; margin-top:12px; }
        .foot { text-align:center; color:var(--muted); font-size:12px; padding:24px; }
        body.bare { display:flex; flex-direction:column; min-height:100vh; }
        .bare-main { width:100%; max-width:420px; margin:8vh auto 0; padding:0 16px; }
        .bare-brand { text-align:center; margin-bottom:20px; }
        .bare-brand strong { display:block; font-size:30px; color:var(--accent); letter-spacing:4px; }
        .bare-brand span { color:var(--muted); }
        .error-card h1 { color:var(--accent); }
        .home-cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(340px,1fr)); gap:0 18px; align-items:start; }
        .home-card h2 { display:flex; justify-content:space-between; gap:8px; }
        .home-card .count { font-size:22px; color:var(--accent); }
        .home-card.empty { padding:10px 20px; } .home-card.empty h2 { font-size:15px; margin:0 0 4px; }
        .home-card.empty p { margin:0; }
        ul.home-rows { list-style:none; margin:0; padding:0; }
        ul.home-rows li { padding:6px 0; border-bottom:1px dashed var(--line); overflow-wrap:anywhere; }
        ul.home-rows .note { display:block; color:var(--muted); font-size:13px; }
        .home-card .more { font-size:14px; }
        .review { display:grid; grid-template-columns:minmax(0,5fr) minmax(0,6fr); gap:18px; align-items:start; }
        .review-source { position:sticky; top:8px; max-height:92vh; overflow:auto; }
        ol.source-lines { margin:0; padding-left:3.2em; font-size:14px; line-height:1.7; }
        ol.source-lines li { white-space:pre-wrap; overflow-wrap:anywhere; color:var(--muted); }
        ol.source-lines li.sourced { color:var(--ink); background:#fffbea; }
        ol.source-lines li:target { background:#fde68a; outline:2px solid var(--warn); }
        fieldset.draft-item { border:1px solid var(--line); border-radius:6px; margin:0 0 14px; padding:10px 14px; }
        fieldset.draft-item legend { font-weight:600; padding:0 6px; }
        .field.check label { font-weight:normal; }
        @media (max-width:720px) { .content { padding:14px; } .roster-row, .member-row { grid-template-columns:1fr; }
          .review { grid-template-columns:1fr; } .review-source { position:static; max-height:none; }
          .region-switch { margin-left:0; } .topbar { padding:10px 14px; } .brand-sub { display:none; }
          .who { flex-wrap:wrap; gap:2px 12px; } .who a, .who .link, .who-name { white-space:nowrap; }
          .menu { padding:0 8px; } .menu a { padding:8px 10px; }
          .home-cards { grid-template-columns:1fr; } .filters select, .filters input { max-width:100%; flex:1 1 140px; }
          .content select, .content input, .content textarea { max-width:100%; }
          .content thead { display:none; }
          .content table, .content tbody, .content tr, .content td { display:block; }
          .content tr { border-bottom:2px solid var(--line); padding:6px 0; }
          .content td { border:0; padding:3px 10px; white-space:normal; overflow-wrap:anywhere; }
          .content td[data-label]::before { content:attr(data-label) "："; color:var(--muted); } }
        @media print { .topbar, .menu, .foot, .actions, form { display:none !important; } body { background:#fff; }
          .card { border:0; padding:0; } .mark { color:#000; border:1px solid #000; } }
        """
}
