"""The ledger as the office and a unit use it: a new item walked from draft to closure, with a send-back and an
extension; the red / yellow / green marks; the filtered ledger and its export."""
import csv
import datetime
import io
import re
from zoneinfo import ZoneInfo

import openpyxl

from conftest import ARTIFACTS, BASE, sign_in


def day_after(days):
    """The day `days` after today in Asia/Shanghai, so that no deadline in these tests ever falls in the past."""
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date() + datetime.timedelta(days=days)


def chinese(day):
    return f"{day.year}年{day.month}月{day.day}日"


def test_marks_on_the_fangcheng_ledger(page):
    sign_in(page, "fangcheng.office")
    page.click("nav.menu >> text=工作台账")
    assert page.inner_text("#ledger-total") == "共 30 项"
    page.select_option("[aria-label='是否逾期']", "overdue")
    page.click("#ledger-filter button[type=submit]")
    assert page.inner_text("#ledger-total") == "共 11 项"
    marks = page.locator("#ledger tbody tr .mark")
    assert {marks.nth(i).inner_text() for i in range(marks.count())} == {"逾期"}
    assert page.locator("#ledger tbody tr[data-mark=red]").count() == 11
    # The export holds the same rows as the page.
    with page.expect_download() as download:
        page.click("#export-csv")
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert rows[0] == ["序号", "事项", "牵头单位", "责任单位", "完成时限", "办理状态", "最新进展", "是否逾期"]
    numbers = [page.locator("#ledger tbody tr").nth(i).locator("td").nth(1).inner_text() for i in range(11)]
    assert [r[0] for r in rows[1:]] == numbers
    # So does the .xlsx, read back by a real spreadsheet reader.
    with page.expect_download() as download:
        page.click("#export-xlsx")
    saved = ARTIFACTS / "ledger.xlsx"
    ARTIFACTS.mkdir(exist_ok=True)
    download.value.save_as(saved)
    assert re.fullmatch(r"方城县工作台账-\d{4}-\d{2}-\d{2}\.xlsx", download.value.suggested_filename)
    sheet = openpyxl.load_workbook(saved).active
    assert sheet.title == "工作台账"
    cells = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
    assert cells == rows


def test_an_item_from_draft_to_closure(page, browser):
    # The office drafts an item for 方城县司法局, then issues it; the bureau's liaison handles it.
    sign_in(page, "fangcheng.office")
    page.goto("/regions/411322/ledger/new")
    page.fill("#f-title", "建立行政审判白皮书定期通报制度")
    page.fill("#f-content", "每半年通报一次行政审判情况")
    page.select_option("#f-area", "trialOversight")
    page.fill("#f-deadline", chinese(day_after(5)))
    page.check("[aria-label='方城县司法局牵头单位']")
    page.click("#item-form button[type=submit]")
    page.wait_for_url(re.compile(r"/items/[0-9A-F-]+$"))
    item_url = page.url
    assert page.inner_text("#item-state") == "草稿"
    page.click("#issue-form button")
    assert page.inner_text("#item-state") == "已交办"
    # Due in five days: yellow.
    assert page.locator("#parts tr[data-mark=yellow]").count() == 1

    liaison = browser.new_context(base_url=BASE).new_page()
    sign_in(liaison, "fangcheng.sfj")
    liaison.goto(item_url)
    liaison.click("button[data-action=signFor]")
    assert liaison.inner_text("#parts .part-state") == "办理中"
    liaison.fill("#f-text", "已起草白皮书初稿")
    liaison.fill("#f-figures", "收案 59 件，结案 43 件")
    liaison.click("#report-form button[type=submit]")
    assert "已起草白皮书初稿" in liaison.inner_text("body")
    liaison.click("button[data-action=requestClosure]")
    assert liaison.inner_text("#parts .part-state") == "申请销号"

    page.goto(item_url)
    assert page.inner_text("#item-state") == "待审核"
    page.click("button[data-action=sendBack]")  # refused by the browser: the reason is required
    page.fill("[aria-label='方城县司法局退回理由']", "缺少结案数据的分析")
    page.click("button[data-action=sendBack]")
    assert page.inner_text("#item-state") == "推进中"

    liaison.goto(item_url)
    extended = day_after(60)
    liaison.fill("#extension-form [aria-label='延期至']", extended.isoformat())
    liaison.fill("#extension-form [aria-label='延期理由']", "等待年度数据")
    liaison.click("#extension-form button")
    page.goto(item_url)
    page.fill("[aria-label='审批意见']", "同意延期")
    page.click("#extensions button[value='1']")
    assert f"{chinese(extended)}（延期后的完成时限）" in page.inner_text("#parts")
    assert page.locator("#parts tr[data-mark=green]").count() == 1

    liaison.goto(item_url)
    liaison.click("button[data-action=requestClosure]")
    page.goto(item_url)
    page.click("button[data-action=approveClosure]")
    assert page.inner_text("#item-state") == "已销号"
    history = page.inner_text("#history")
    for line in ["交办", "签收：待签收 → 办理中", "退回：申请销号 → 办理中", "缺少结案数据的分析", f"同意延期至 {chinese(extended)}",
                 "审核销号：申请销号 → 已销号"]:
        assert line in history
    liaison.context.close()


def test_two_office_staff_edit_one_item(page, browser):
    # A draft's wording and deadline are corrected; of two people editing it at once, the second is shown the
    # first one's change next to their own and saves knowingly.
    sign_in(page, "fangcheng.office")
    page.goto("/regions/411322/ledger/new")
    page.fill("#f-title", "建立府院联动信息共享平台")
    page.fill("#f-deadline", chinese(day_after(30)))
    page.check("[aria-label='方城县司法局责任单位']")
    page.click("#item-form button[type=submit]")
    page.wait_for_url(re.compile(r"/items/[0-9A-F-]+$"))
    item_url = page.url
    page.click("#item-edit")
    month = day_after(120)
    page.fill("#f-deadline", f"{month.year}年{month.month}月")
    page.click("#item-edit-form button[type=submit]")
    assert page.inner_text("#item-deadline") == f"{month.year}年{month.month}月底前"

    other = browser.new_context(base_url=BASE).new_page()
    sign_in(other, "fangcheng.office")
    other.goto(item_url + "/edit")
    page.goto(item_url + "/edit")
    page.fill("#f-title", "建立府院联动信息共享平台（一期）")
    page.click("#item-edit-form button[type=submit]")
    assert page.inner_text("h1") == "建立府院联动信息共享平台（一期）"

    other.fill("#f-content", "打通法院与司法局的案件数据")
    other.click("#item-edit-form button[type=submit]")
    assert "已被他人修改" in other.inner_text("[role=alert]")
    rows = other.locator("#item-conflict tbody tr")
    assert [rows.nth(i).inner_text().split("\t") for i in range(rows.count())] == [
        ["事项", "建立府院联动信息共享平台（一期）", "建立府院联动信息共享平台"],
        ["具体内容", "", "打通法院与司法局的案件数据"],
    ]
    other.fill("#f-title", "建立府院联动信息共享平台（一期）")
    other.click("#item-edit-form button[type=submit]")
    assert other.inner_text("h1") == "建立府院联动信息共享平台（一期）"
    assert "打通法院与司法局的案件数据" in other.inner_text("body")
    assert "修改事项（具体内容）" in other.inner_text("#history")
    other.context.close()


def test_the_city_sees_how_its_counties_answered(page):
    sign_in(page, "pds.office")
    page.goto("/regions/410400/ledger")
    page.click("#ledger a:text-is('涉党政机关未履行生效判决问题')")
    assert page.inner_text("#roll-up-tally") == "待部署 2，已销号 1"
    row = page.locator("#roll-up tr[data-region='鲁山县']")
    assert "已销号" in row.inner_text()
    assert "125072.39 元" in row.inner_text()


def test_the_litigation_dashboard_and_bulletin(page):
    sign_in(page, "lushan.leader")
    page.click("nav.menu >> text=行政诉讼")
    page.fill("[aria-label='起始日期']", "2023-01-01")
    page.fill("[aria-label='截止日期']", "2023-07-24")
    page.click("#period-form button[type=submit]")
    assert page.inner_text("#fig-received .num") == "59"
    assert page.inner_text("#fig-pending .num") == "16"
    assert page.inner_text("#fig-concluded .num") == "43"
    assert page.inner_text("#fig-losses .num") == "6"
    assert page.inner_text("#fig-loss-rate .num") == "14.0%"
    assert "实现“双下降”" in page.inner_text("#double-decline")
    ranking = page.locator("#unit-ranking tbody tr")
    assert ranking.nth(0).locator("td").nth(0).inner_text() == "鲁山县自然资源局"
    assert ranking.nth(0).locator("td").nth(4).inner_text() == "4"
    assert ranking.nth(1).locator("td").nth(4).inner_text() == "2"
    assert ranking.nth(0).locator(".mark").inner_text() == "红色预警"
    page.click("text=出庭应诉情况通报 ›")
    page.fill("[aria-label='年度']", "2023")
    page.select_option("[aria-label='季度']", "2")
    page.click("#bulletin-form button[type=submit]")
    assert page.inner_text("#bulletin-title") == "鲁山县2023年第2季度行政机关负责人出庭应诉情况通报"
    assert "本季度开庭审理的行政案件 21 件，行政机关负责人出庭 19 件，出庭率 90.5%" in page.inner_text("main")


def issue_new_item(page, region, title, deadline, units):
    """Drafts and issues an item from the new-item form: `units` maps each unit to its role (牵头单位, 责任单位)."""
    page.goto(f"/regions/{region}/ledger/new")
    page.fill("#f-title", title)
    page.fill("#f-deadline", deadline)
    for unit, role in units.items():
        page.check(f"[aria-label='{unit}{role}']")
    page.check("#f-issueNow")
    page.click("#item-form button[type=submit]")
    page.wait_for_url(re.compile(r"/items/[0-9A-F-]+$"))
    return page.url


def test_a_county_adds_its_own_items_to_its_own_lists(page):
    # 鲁山县's only list is the province's first batch handed down through 平顶山市: its numbers are the province's,
    # so the new-item form offers no list until the county makes one of its own.
    sign_in(page, "lushan.office")
    page.goto("/regions/410423/ledger/new")
    assert page.locator("#item-form select[name=listID] option").all_inner_texts() == []
    assert "本区划还没有本级清单" in page.inner_text("main")
    page.select_option("#list-form [name=kind]", "problem")
    page.fill("#list-form [name=title]", "鲁山县府院联动问题清单")
    page.click("#list-form button[type=submit]")
    page.goto("/regions/410423/ledger/new")
    options = page.locator("#item-form select[name=listID] option").all_inner_texts()
    assert options == ["问题清单 · 鲁山县府院联动问题清单"]


def test_closing_an_item_withdraws_its_pending_extension(page, browser):
    sign_in(page, "fangcheng.office")
    item_url = issue_new_item(page, "411322", "建立执行联动台账", chinese(day_after(90)), {"方城县司法局": "牵头单位"})

    liaison = browser.new_context(base_url=BASE).new_page()
    sign_in(liaison, "fangcheng.sfj")
    liaison.goto(item_url)
    assert liaison.locator("#report-form").count() == 0  # reports come after signing for the part
    liaison.click("button[data-action=signFor]")
    extended = day_after(180)
    liaison.fill("#extension-form [aria-label='延期至']", extended.isoformat())
    liaison.fill("#extension-form [aria-label='延期理由']", "等待年度数据")
    liaison.click("#extension-form button")
    liaison.click("button[data-action=requestClosure]")

    page.goto(item_url)
    assert page.locator("#extensions button[value='1']").count() == 1
    page.click("button[data-action=approveClosure]")
    assert page.inner_text("#item-state") == "已销号"
    assert page.locator("#extensions button[value='1']").count() == 0
    assert "已撤回" in page.inner_text("#extensions")
    assert f"延期至 {chinese(extended)} 的申请随已销号撤回" in page.inner_text("#history")
    # A closed item offers nothing more to do: no supervision, no upload.
    assert page.locator("text=督办本事项").count() == 0
    assert page.locator("#attachment-form").count() == 0
    liaison.goto(item_url)
    assert liaison.locator("#report-form").count() == 0
    liaison.context.close()


def test_awaiting_review_finds_an_item_with_one_unit_waiting(page, browser):
    sign_in(page, "fangcheng.office")
    issue_new_item(
        page, "411322", "两家单位共同办理的事项", chinese(day_after(90)),
        {"方城县司法局": "牵头单位", "方城县人民法院": "责任单位"})
    liaison = browser.new_context(base_url=BASE).new_page()
    sign_in(liaison, "fangcheng.sfj")
    liaison.goto(page.url)
    liaison.click("button[data-action=signFor]")
    liaison.click("button[data-action=requestClosure]")
    liaison.context.close()

    page.goto("/regions/411322/ledger?state=awaitingReview&q=两家单位共同办理")
    assert page.inner_text("#ledger-total") == "共 1 项"
    assert "方城县司法局：申请销号" in page.inner_text("#ledger")


def test_form_errors_are_marked_where_they_are(page):
    sign_in(page, "fangcheng.office")
    page.goto("/regions/411322/ledger/new")
    # The browser's own bubble speaks the product's words.
    page.click("#item-form button[type=submit]")
    assert page.eval_on_selector("#f-title", "e => e.validationMessage") == "事项：不能为空"
    # The server's refusal marks each field, keeps what was typed and focuses the first.
    page.fill("#f-title", "建立府院联动信息共享机制")
    page.fill("#f-deadline", "下个月底")
    page.click("#item-form button[type=submit]")
    assert page.get_attribute("#f-deadline", "aria-invalid") == "true"
    assert page.inner_text("#e-deadline").startswith("无法识别“下个月底”")
    assert page.inner_text("#e-roles") == "至少指定一个牵头或责任单位"
    assert page.eval_on_selector("#f-title", "e => e.value") == "建立府院联动信息共享机制"
    assert page.evaluate("document.activeElement.id") == "f-deadline"


def test_the_walk_through_from_the_province_to_a_closed_item(page, browser):
    # The province adds its 11th key issue and hands it down to 平顶山市.
    sign_in(page, "henan.office")
    issue_new_item(page, "410000", "行政机关负责人出庭应诉专项督查", chinese(day_after(180)), {"河南省司法厅": "牵头单位"})
    assert page.inner_text("#item-facts dt:text-is('序号') + dd") == "11"
    for code in ["410500", "411300"]:
        page.uncheck(f"#hand-down-form input[value='{code}']")
    page.click("#hand-down-form button")
    assert page.inner_text("#roll-up-tally") == "待部署 1"

    # 平顶山市 deploys its copy to its justice bureau and hands it down to 鲁山县.
    city = browser.new_context(base_url=BASE).new_page()
    sign_in(city, "pds.office")
    city.goto("/regions/410400/ledger?q=行政机关负责人出庭应诉专项督查")
    city.click("#ledger a:text-is('行政机关负责人出庭应诉专项督查')")
    city_url = city.url
    assert "河南省下达（第 11 项）" in city.inner_text("#history")
    city.check("#assign-form [aria-label='平顶山市司法局牵头单位']")
    city.click("#assign-form button[type=submit]")
    for code in ["410403", "410482"]:
        city.uncheck(f"#hand-down-form input[value='{code}']")
    city.click("#hand-down-form button")

    # 鲁山县 deploys it to its natural resources bureau, which signs, reports and asks for closure.
    county = browser.new_context(base_url=BASE).new_page()
    sign_in(county, "lushan.office")
    county.goto("/regions/410423/ledger?q=行政机关负责人出庭应诉专项督查")
    county.click("#ledger a:text-is('行政机关负责人出庭应诉专项督查')")
    item_url = county.url
    assert county.inner_text("#item-facts dt:text-is('序号') + dd") == "11"
    county.check("#assign-form [aria-label='鲁山县自然资源局责任单位']")
    county.click("#assign-form button[type=submit]")
    assert county.inner_text("#item-state") == "已交办"

    bureau = browser.new_context(base_url=BASE).new_page()
    sign_in(bureau, "lushan.zrzy")
    bureau.goto(item_url)
    bureau.click("button[data-action=signFor]")
    bureau.fill("#f-text", "已对 2 起案件的负责人出庭情况开展自查")
    bureau.click("#report-form button[type=submit]")
    bureau.click("button[data-action=requestClosure]")
    assert bureau.inner_text("#parts .part-state") == "申请销号"

    county.goto(item_url)
    county.click("button[data-action=approveClosure]")
    assert county.inner_text("#item-state") == "已销号"
    history = county.inner_text("#history")
    for line in ["平顶山市下达（第 11 项）", "签收：待签收 → 办理中", "报送进展", "审核销号：申请销号 → 已销号"]:
        assert line in history

    # The city reads 鲁山县's answer in its roll-up.
    city.goto(city_url)
    assert "已销号" in city.inner_text("#roll-up tr[data-region='鲁山县']")
    assert "已对 2 起案件的负责人出庭情况开展自查" in city.inner_text("#roll-up tr[data-region='鲁山县']")
    for other in (city, county, bureau):
        other.context.close()

