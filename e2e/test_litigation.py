"""Court staff enter a case by form and import a file with progress; the dashboard counts what they entered."""
from conftest import sign_in

HEADER = "案号,审理法院,审级,被告单位,区划代码,行政行为类别,原告类型,立案日期,结案日期,裁判结果,败诉原因,开庭日期,负责人出庭,出庭负责人职务,是否正职,是否出声\n"


def received(page):
    page.goto("/regions/410423/litigation?from=2026-01-01&to=2026-11-23")
    return int(page.inner_text("#fig-received .num"))


def test_the_court_enters_a_case_and_the_dashboard_counts_it(page):
    sign_in(page, "lushan.court")
    before = received(page)
    page.click("#cases-link")
    page.click("#new-case")
    page.fill("#f-number", "(2026)豫0423行初301号")
    page.select_option("#f-defendant", "鲁山县自然资源局")
    page.select_option("#f-actionType", "行政强制")
    page.fill("#f-filedOn", "2026-03-02")
    page.fill("[aria-label='第 1 次开庭日期']", "2026-04-15")
    page.select_option("[aria-label='第 1 次负责人出庭']", "是")
    page.fill("[aria-label='第 1 次出庭负责人职务']", "局长")
    page.select_option("[aria-label='第 1 次是否正职']", "是")
    page.select_option("[aria-label='第 1 次是否出声']", "是")
    page.click("#case-form button[type=submit]")
    assert page.inner_text("[role=status]") == "已保存"
    assert page.inner_text("h1") == "（2026）豫0423行初301号"
    assert received(page) == before + 1

    # A case number that is not administrative is refused on the form, naming the field.
    page.goto("/regions/410423/litigation/cases/new")
    page.fill("#f-number", "(2026)豫0423民初5号")
    page.select_option("#f-defendant", "鲁山县司法局")
    page.fill("#f-filedOn", "2026-03-02")
    page.click("#case-form button[type=submit]")
    assert "案号：类型代字“民初”不是行政案件" in page.inner_text("[role=alert]")

    page.goto("/regions/410423/litigation/cases?number=301")
    rows = page.locator("#cases tbody tr")
    assert rows.count() == 1
    assert rows.nth(0).locator("td").nth(1).inner_text() == "鲁山县自然资源局"
    assert rows.nth(0).locator("td").nth(7).inner_text() == "1 / 1"


def test_the_court_imports_a_file_and_sees_its_progress(page, tmp_path):
    sign_in(page, "lushan.court")
    before = received(page)
    good = tmp_path / "cases.csv"
    good.write_text(
        HEADER
        + "(2026)豫0423行初401号,鲁山县人民法院,一审,县人社局,410423,工伤认定,个人,2026/5/6,2026年8月1日,撤销,事实认定不清,2026-06-10,是,副局长,否,是\n"
        + "(2026)豫0423行初402号,鲁山县人民法院,一审,县政府,410423,信息公开,企业,2026-05-07,,,,,,,,\n",
        encoding="utf-8",
    )
    page.goto("/regions/410423/litigation/cases")
    page.set_input_files("#case-import-form input[type=file]", str(good))
    page.click("#case-import-form button[type=submit]")
    page.wait_for_selector("#case-import-result .notice")
    assert page.inner_text("#case-import-result .notice") == "导入完成：新增 2 件，更新 0 件，未变 0 件。"
    assert received(page) == before + 2

    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "(2026)豫0423行初403号,鲁山县人民法院,一审,县教育局,410423,行政处罚,个人,2026-05-08,,,,,,,,\n", encoding="utf-8")
    page.goto("/regions/410423/litigation/cases")
    page.set_input_files("#case-import-form input[type=file]", str(bad))
    page.click("#case-import-form button[type=submit]")
    page.wait_for_selector("#import-problems")
    assert page.inner_text("#case-import-result .problems") == "文件中有 1 处问题，未写入任何数据"
    cells = page.locator("#import-problems tbody tr td")
    assert cells.nth(0).inner_text() == "2"
    assert cells.nth(1).inner_text() == "被告单位"
    assert cells.nth(2).inner_text().startswith("鲁山县没有“县教育局”")
    assert received(page) == before + 2
