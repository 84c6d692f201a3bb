"""A court lists what a bankruptcy case needs of the government; the department closes its matter through the
ledger's workflow, the office approves, and the court concludes the case once nothing is open."""
import csv
import datetime
import io
from zoneinfo import ZoneInfo

from conftest import BASE, sign_in, sign_out


def test_a_bankruptcy_matter_is_closed_through_the_ledger_and_the_case_concludes(page, browser):
    today = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    accepted = today - datetime.timedelta(days=30)
    sign_in(page, "weidong.court")
    page.goto("/regions/410403/bankruptcy")
    # The demo: the reorganisation with a late matter is marked red.
    assert page.locator("#bankruptcy-cases tr[data-mark=red]", has_text="某机械制造有限公司").count() == 1
    page.click("#new-bankruptcy-case")
    page.fill("#f-caseNumber", "(2026)豫0403破9号")
    page.fill("#f-debtor", "卫东区某纺织有限公司")
    page.select_option("#f-procedure", label="破产清算")
    page.fill("#f-acceptedOn", accepted.isoformat())
    page.click("#bankruptcy-form button[type=submit]")
    assert page.inner_text("[role=status]") == "已保存"
    assert page.inner_text("#bankruptcy-stage") == "已受理"
    assert page.inner_text("#days-run") == "30 日"
    case_url = page.url

    page.select_option("#f-kind", label="职工安置")
    page.select_option("#f-unitID", label="卫东区人力资源和社会保障局")
    page.fill("#f-deadline", (today + datetime.timedelta(days=30)).isoformat())
    page.fill("#f-content", "协调安置职工 58 人")
    page.click("#matter-form button[type=submit]")
    row = page.locator("#matters tbody tr", has_text="职工安置")
    assert row.get_attribute("data-mark") == "green"
    assert "卫东区人力资源和社会保障局" in row.inner_text()
    assert "已交办" in row.inner_text()
    # Not while the matter is open.
    page.click("#conclude-form button[type=submit]")
    assert "尚有 1 项协调事项未办结" in page.inner_text("[role=alert]")
    assert page.inner_text("#bankruptcy-stage") == "已受理"
    item_url = BASE + row.locator("a").get_attribute("href")
    sign_out(page)

    liaison = browser.new_context(base_url=BASE).new_page()
    sign_in(liaison, "weidong.rsj")
    liaison.goto(item_url)
    assert "卫东区某纺织有限公司破产案：职工安置" in liaison.inner_text("h1")
    liaison.click("button[data-action=signFor]")
    assert liaison.inner_text("#parts .part-state") == "办理中"
    liaison.click("button[data-action=requestClosure]")
    assert liaison.inner_text("#parts .part-state") == "申请销号"
    liaison.context.close()

    sign_in(page, "weidong.office")
    page.goto(item_url)
    page.click("button[data-action=approveClosure]")
    assert page.inner_text("#item-state") == "已销号"
    # A matter is the district's own: nothing to hand down.
    assert page.locator("#hand-down-form").count() == 0
    sign_out(page)

    sign_in(page, "weidong.court")
    page.goto(case_url)
    assert "已销号" in page.locator("#matters tbody tr", has_text="职工安置").inner_text()
    page.fill("#conclude-form [aria-label='终结日期']", today.isoformat())
    page.click("#conclude-form button[type=submit]")
    assert page.inner_text("#bankruptcy-stage") == "程序终结"
    assert page.inner_text("#concluded-on") == today.isoformat()
    assert page.locator("#matter-form").count() == 0
    page.goto("/regions/410403/bankruptcy?progress=concluded&q=纺织")
    assert page.inner_text("#bankruptcy-count") == "共 1 件"
    answer = page.request.get("/regions/410403/bankruptcy.csv?q=纺织")
    rows = list(csv.reader(io.StringIO(answer.body().decode("utf-8-sig"))))
    assert rows[0][:4] == ["案号", "债务人", "程序", "程序阶段"]
    assert rows[1][:4] == ["（2026）豫0403破9号", "卫东区某纺织有限公司", "破产清算", "程序终结"]
    assert rows[1][9:] == [today.isoformat(), "30", "1", "0"]
    sign_out(page)
