"""The foundation as a person uses it: sign-in, lockout, sign-out, the roster, scope, accounts, audit."""
import base64
import hashlib
import hmac
import json
import re
import struct
import time
import urllib.request

from openapi_spec_validator import validate

from conftest import ARTIFACTS, BASE, PASSWORD, sign_in, sign_out


def test_sign_in_shows_the_region_home_and_sign_out_ends_the_session(page):
    sign_in(page, "lushan.office")
    page.wait_for_url(re.compile(r"/regions/410423$"))
    assert page.inner_text("h1") == "鲁山县 · 今日工作"
    assert "鲁山县联席办（演示）" in page.inner_text("header")
    page.click("nav.menu >> text=单位")
    assert page.inner_text("#stat-units .num") == "11"
    assert page.inner_text("#stat-members .num") == "9"
    sign_out(page)
    page.wait_for_url(re.compile(r"/login$"))
    page.goto("/regions/410423")
    assert re.search(r"/login\?next=/regions/410423$", page.url)


def test_wrong_password_then_lockout_message(page):
    for attempt in range(1, 5):
        sign_in(page, "anyang.leader", "Wrong#123")
        assert page.inner_text("[role=alert]").strip().endswith("用户名或密码错误")
    sign_in(page, "anyang.leader", "Wrong#123")
    assert "连续登录失败次数过多，账户已锁定，请 15 分钟后再试" in page.inner_text("[role=alert]")
    sign_in(page, "anyang.leader", PASSWORD)
    assert "账户已锁定" in page.inner_text("[role=alert]")


def test_office_views_and_changes_the_roster(page):
    sign_in(page, "weidong.office")
    page.click("nav.menu >> text=联席会议")
    assert page.inner_text("h1") == "卫东区府院联动联席会议"
    people = page.locator("#people tbody tr")
    assert people.count() == 4
    assert people.nth(0).inner_text().split("\t") == ["召集人", "宋建立", "区长"]
    assert page.inner_text("#office-host") == "卫东区司法局"
    assert page.locator("#members tbody tr").count() == 24

    page.click("#edit-roster")
    page.fill("[aria-label='第 4 行现任职务']", "区人民法院党组书记、院长")
    page.fill("[aria-label='卫东区司法局联络员']", "刘某")
    page.fill("[aria-label='卫东区司法局联系电话']", "0375-2345678")
    page.uncheck("label:text-is('卫东区审计局') >> xpath=preceding-sibling::input[@type='checkbox']")
    assert page.input_value("#f-approvedBy") == "宋建立"
    page.click("#roster-form button[type=submit]")

    page.wait_for_url(re.compile(r"/regions/410403/meeting\?saved=1$"))
    assert "联席会议组成已更新" in page.inner_text("[role=status]")
    assert page.locator("#members tbody tr").count() == 23
    row = page.locator("#members tbody tr", has_text="卫东区司法局")
    # The phone is stored sealed and shown masked.
    assert row.inner_text().split("\t")[2:] == ["刘某", "037*****5678"]
    latest = page.locator("#changes tbody tr").first.inner_text()
    assert "移出副召集人：武中立（区人民法院院长）" in latest
    assert "增加副召集人：武中立（区人民法院党组书记、院长）" in latest
    assert "移出成员单位：卫东区审计局" in latest
    assert "卫东区司法局联络员：（空） → 刘某 037*****5678" in latest
    assert "宋建立" in latest


def test_roster_without_approver_is_refused_and_nothing_changes(page):
    sign_in(page, "ruzhou.office")
    page.goto("/regions/410482/meeting/edit")
    page.fill("[aria-label='第 1 行姓名']", "某某")
    page.select_option("[aria-label='第 1 行职务']", "convener")
    page.fill("[aria-label='第 1 行现任职务']", "市长")
    page.fill("#f-approvedBy", "")
    page.eval_on_selector("#f-approvedBy", "el => el.removeAttribute('required')")
    page.click("#roster-form button[type=submit]")
    assert "批准人：不能为空（成员调整须报召集人批准）" in page.inner_text("[role=alert]")
    page.goto("/regions/410482/meeting")
    assert page.locator("#people tbody tr").count() == 0


def test_a_county_cannot_open_another_countys_pages(page):
    sign_in(page, "lushan.office")
    for path in ["/regions/410403", "/regions/410403/meeting", "/regions/410403/units", "/regions/410400"]:
        response = page.goto(path)
        assert response.status == 404, path
        assert "不存在或无权查看" in page.inner_text("main")
    assert page.locator("#region-switch").count() == 0


def test_the_city_switches_to_a_county(page):
    sign_in(page, "pds.office")
    page.wait_for_url(re.compile(r"/regions/410400$"))
    assert page.locator("#card-ledger-lowerRegions li").count() == 3
    page.select_option("#region-switch", "410423")
    page.wait_for_url(re.compile(r"/regions/410423$"))
    assert page.inner_text("h1") == "鲁山县 · 今日工作"


def test_new_account_must_change_its_one_time_password(page, browser):
    sign_in(page, "sysadmin")
    page.goto("/admin/users/new")
    page.fill("#f-username", "Fangcheng.MZJ")
    page.fill("#f-displayName", "方城县民政局联络员")
    page.select_option("#f-role", "liaison")
    page.select_option("#f-unit", label="方城县 · 方城县民政局")
    page.click("#user-form button[type=submit]")
    password = page.inner_text("#one-time-password").strip()
    assert "已创建用户 fangcheng.mzj" in page.inner_text("[role=status]")

    other = browser.new_context(base_url=BASE).new_page()
    sign_in(other, "fangcheng.mzj", password)
    other.wait_for_url(re.compile(r"/account/password$"))
    other.goto("/regions/411322")
    assert other.url.endswith("/account/password")
    other.fill("#f-current", password)
    other.fill("#f-new", "Fangcheng#2026")
    other.fill("#f-confirm", "Fangcheng#2026")
    other.click("#password-form button[type=submit]")
    assert "密码已修改" in other.inner_text("[role=status]")
    other.goto("/")
    other.wait_for_url(re.compile(r"/regions/411322$"))
    other.context.close()


def test_units_page_adds_a_unit(page):
    sign_in(page, "fangcheng.office")
    page.click("nav.menu >> text=单位")
    before = page.locator("#units tbody tr").count()
    page.fill("[aria-label='单位名称']", "方城县教育局")
    page.select_option("[aria-label='单位类别']", "department")
    page.click("#unit-form button[type=submit]")
    assert "单位已添加" in page.inner_text("[role=status]")
    assert page.locator("#units tbody tr").count() == before + 1
    page.fill("[aria-label='单位名称']", "方城县教育局")
    page.click("#unit-form button[type=submit]")
    assert "单位名称：本区划已有“方城县教育局”" in page.inner_text("[role=alert]")


def totp(key, step_offset=0):
    """RFC 6238 (HMAC-SHA1, 30 s, 6 digits), as the authenticator app computes it."""
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    counter = struct.pack(">Q", int(time.time() // 30) + step_offset)
    mac = hmac.new(secret, counter, hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def test_the_security_administrator_is_alerted_to_an_account_probing_what_it_may_not_see(page):
    sign_in(page, "weidong.rsj")
    page.wait_for_url(re.compile(r"/regions/410403$"))
    for _ in range(20):
        assert page.goto("/audit").status == 403
    page.goto("/")
    sign_out(page)
    sign_in(page, "secadmin")
    page.wait_for_url(re.compile(r"/regions/410000$"))
    # The home page counts the alerts not yet acknowledged; earlier tests lock accounts, which are alerts too.
    alerts = page.locator("#card-audit-alerts")
    assert int(alerts.get_attribute("data-count")) >= 1
    assert "疑似入侵告警 · weidong.rsj" in alerts.inner_text()
    page.goto("/admin/users")
    assert re.fullmatch(r"近 24 小时有 \d+ 条安全告警。查看安全告警", page.inner_text("#alerts-banner"))
    page.click("#alerts-banner a")
    page.wait_for_url(re.compile(r"/admin/alerts$"))
    row = page.locator("#alerts tbody tr:has-text('weidong.rsj')")
    assert row.count() == 1
    assert row.locator("td").nth(1).inner_text() == "紧急"
    assert row.locator("td").nth(2).inner_text() == "疑似入侵告警"
    assert row.locator("td").nth(3).inner_text() == "weidong.rsj"
    assert "1 分钟内被拒绝达 20 次" in row.locator("td").nth(5).inner_text()
    # Acknowledged with what was done: kept in the audit log and shown in place of the form.
    row.locator("[aria-label='处置情况']").fill("已核实为试探审计日志，账户已停用")
    row.locator("button:has-text('处置')").click()
    page.wait_for_url(re.compile(r"/admin/alerts$"))
    handled = page.locator("#alerts tbody tr:has-text('疑似入侵告警'):has-text('weidong.rsj')").locator("td").nth(6)
    assert handled.inner_text().startswith("已处置：处置疑似入侵告警（weidong.rsj）：已核实为试探审计日志，账户已停用（secadmin，")
    page.screenshot(path=str(ARTIFACTS / "security-alerts.png"), full_page=True)
    sign_out(page)


def test_the_security_administrator_sets_up_a_second_factor(page):
    sign_in(page, "secadmin")
    page.wait_for_url(re.compile(r"/regions/410000$"))
    page.click("header >> text=动态口令")
    page.wait_for_url(re.compile(r"/account/second-factor$"))
    assert "未启用" in page.inner_text("#second-factor-state")
    key = page.get_attribute("input[name=key]", "value")
    assert page.inner_text("#second-factor-key").replace(" ", "") == key
    page.fill("#second-factor-enable #f-password", PASSWORD)
    page.fill("#second-factor-enable #f-code", "000000")
    page.click("#second-factor-enable button[type=submit]")
    assert "与密钥不符或已过期" in page.inner_text(".problems")
    page.fill("#second-factor-enable #f-password", PASSWORD)
    page.fill("#second-factor-enable #f-code", totp(key))
    page.click("#second-factor-enable button[type=submit]")
    assert "已启用动态口令" in page.inner_text(".notice")
    assert "已启用" in page.inner_text("#second-factor-state")
    sign_out(page)
    page.wait_for_url(re.compile(r"/login$"))

    sign_in(page, "secadmin")
    assert "动态口令错误或已使用过" in page.inner_text(".problems")
    page.fill("#f-username", "secadmin")
    page.fill("#f-password", PASSWORD)
    page.fill("#f-code", totp(key, 1))
    page.click("#login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/regions/410000$"))
    page.goto("/admin/users")
    assert "动态口令" in page.inner_text("tr:has-text('安全管理员（演示）')")


def test_an_administrator_confirms_the_password_before_acting_on_other_accounts(page):
    sign_in(page, "sysadmin")
    page.wait_for_url(re.compile(r"/regions/410000$"))
    page.goto("/account/confirm?next=/admin/users")
    assert "确认身份" in page.inner_text("h1")
    page.fill("#confirm-form #f-password", "Wrong#2026x")
    page.click("#confirm-form button[type=submit]")
    assert "当前密码：不正确" in page.inner_text(".problems")
    page.fill("#confirm-form #f-password", PASSWORD)
    page.click("#confirm-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/users$"))


def test_the_auditor_reads_the_log(page):
    sign_in(page, "auditor")
    page.wait_for_url(re.compile(r"/regions/410000$"))
    chain = page.locator("#card-audit-chain")
    assert chain.locator("li").nth(0).inner_text().startswith("最近一次每日校验")
    page.click("#card-audit-chain h2 a")
    page.wait_for_url(re.compile(r"/audit$"))
    page.select_option("[aria-label='操作']", "auth.sign_in")
    page.click("#audit-filter button[type=submit]")
    rows = page.locator("#audit tbody tr")
    assert rows.count() >= 1
    assert all("登录" in rows.nth(i).inner_text() for i in range(rows.count()))
    page.click("#audit-verify button[type=submit]")
    verdict = page.inner_text("#audit-verdict")
    assert verdict.startswith("审计日志完整性校验通过：共 ")
    assert verdict.endswith("条，哈希链（SM3）首尾相接，无改动、无删除。")


def test_openapi_document_is_valid():
    with urllib.request.urlopen(BASE + "/api/v1/openapi.json") as response:
        document = json.load(response)
    validate(document)
    assert "/api/v1/regions/{code}/joint-meeting" in document["paths"]
