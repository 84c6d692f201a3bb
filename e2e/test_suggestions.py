"""The court issues a judicial suggestion, the agency signs for it and replies late; the list, the figures and the
bulletin show it so."""
import datetime

from conftest import ARTIFACTS, sign_in, sign_out

# Asia/Shanghai, as the product counts days.
TODAY = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def day(offset):
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


def test_a_suggestion_answered_late_is_marked_and_counted(page):
    sign_in(page, "weidong.court")
    page.goto("/regions/410403/judicial-suggestions")
    page.click("#new-suggestion")
    page.select_option("#f-agencyID", label="卫东区人力资源和社会保障局")
    page.fill("#f-reference", "卫法司建〔2026〕901号")
    page.fill("#f-caseNumber", "(2026)豫0403行初77号")
    page.fill("#f-issuedOn", day(-70))
    # A reply due before the suggestion was issued is refused, naming the field, and nothing is stored.
    page.fill("#f-replyDue", day(-71))
    page.fill("#f-problem", "工伤认定决定未告知复议和诉讼的期限。")
    page.fill("#f-suggestion", "在工伤认定决定书中完整告知救济途径和期限。")
    page.click("#suggestion-form button[type=submit]")
    assert page.inner_text("#e-replyDue") == "不能早于发出日期"
    assert page.input_value("#f-problem") == "工伤认定决定未告知复议和诉讼的期限。"
    page.fill("#f-replyDue", day(-10))
    page.click("#suggestion-form button[type=submit]")
    assert page.inner_text("[role=status]") == "已保存"
    assert page.inner_text("#suggestion-state") == "待签收"
    assert page.inner_text("h1 .mark") == "逾期"
    assert "（2026）豫0403行初77号" in page.inner_text("#suggestion-facts")
    address = page.url.split("?")[0]
    sign_out(page)

    sign_in(page, "weidong.rsj")
    page.goto("/")
    card = page.locator("#card-suggestions-toAnswer")
    assert "卫法司建〔2026〕901号" in card.inner_text()
    page.goto(address)
    # Replying before signing is not offered; signing is.
    assert page.locator("#reply-form").count() == 0
    page.click("#sign-form button[type=submit]")
    assert page.inner_text("#suggestion-state") == "待回复"
    page.select_option("#f-adoption", label="部分采纳")
    page.fill("#f-measures", "已修订工伤认定决定书格式文本。")
    page.click("#reply-form button[type=submit]")
    assert page.inner_text("#e-reasons") == "部分采纳的，须说明理由"
    page.select_option("#f-adoption", label="部分采纳")
    page.fill("#f-measures", "已修订工伤认定决定书格式文本。")
    page.fill("#f-reasons", "历史案卷的补充告知需逐件核对，年底前完成。")
    page.click("#reply-form button[type=submit]")
    assert page.inner_text("#suggestion-state") == "已回复"
    assert page.inner_text("#late-reply") == "逾期回复 10 日"
    assert "回复（部分采纳，逾期 10 日）" in page.inner_text("#suggestion-history")
    sign_out(page)

    sign_in(page, "weidong.court")
    page.goto("/regions/410403/judicial-suggestions?state=late")
    rows = page.locator("#suggestions tbody tr")
    references = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())]
    assert references == ["卫法司建〔2026〕901号", f"卫法司建〔{(TODAY - datetime.timedelta(days=100)).year}〕1号"]

    # The demo's five and this one, issued within the last year: 卫东区 owes 4 replies (#1, #2, #4 and 901),
    # has given 3, one on time (#2), adopted all 3, and #4 is overdue.
    page.goto(f"/regions/410403/judicial-suggestions/figures?from={day(-365)}&to={day(0)}")
    figures = {
        key: page.inner_text(f"[data-figure={key}] .num")
        for key in ["issued", "due", "replied", "onTime", "adopted", "overdue", "replyRate", "onTimeRate"]
    }
    assert figures == {
        "issued": "6", "due": "4", "replied": "3", "onTime": "1", "adopted": "3", "overdue": "1",
        "replyRate": "75.0%", "onTimeRate": "25.0%",
    }
    hrss = page.locator("#by-agency tr[data-name='卫东区人力资源和社会保障局'] td")
    assert [hrss.nth(i).inner_text() for i in range(10)] == [
        "卫东区人力资源和社会保障局", "3", "2", "2", "0", "2", "0", "100.0%", "0.0%", "100.0%",
    ]
    assert page.locator("#overdue tbody tr").count() == 1

    page.goto(f"/regions/410403/judicial-suggestions/bulletin?from={day(-365)}&to={day(0)}")
    assert page.inner_text("#bulletin-title") == "卫东区司法建议及反馈情况通报"
    assert "本期共发出司法建议 6 件，应回复 4 件，已回复 3 件（按期回复 1 件），回复率 75.0%" in page.inner_text(
        "#bulletin-summary"
    )
    assert "逾期未回复" in page.inner_text("#bulletin-suggestions")

    page.goto("/regions/410403/judicial-suggestions")
    with page.expect_download() as download:
        page.click("#export-xlsx")
    saved = ARTIFACTS / "judicial-suggestions.xlsx"
    ARTIFACTS.mkdir(exist_ok=True)
    download.value.save_as(saved)
    assert saved.read_bytes()[:2] == b"PK"


def test_the_city_office_sees_its_counties_side_by_side(page):
    sign_in(page, "pds.office")
    page.goto(f"/regions/410400/judicial-suggestions/figures?from={day(-365)}&to={day(0)}")
    names = page.locator("#by-region tbody tr td:first-child")
    assert [names.nth(i).inner_text() for i in range(names.count())] == ["卫东区", "鲁山县", "汝州市"]
    # The office reads every suggestion below it but issues none.
    page.goto("/regions/410400/judicial-suggestions")
    assert page.locator("#new-suggestion").count() == 0
    # The demo's five of 卫东区 and the one the test above issued.
    assert page.inner_text("#suggestion-count") == "共 6 件"
