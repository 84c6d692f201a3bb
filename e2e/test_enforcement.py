"""Court staff enter an enforcement case in 元 and record the payments that complete it; an office starts a clean-up
campaign and, once its day has passed, supervises a late organ with one click."""
import datetime

import openpyxl

from conftest import ARTIFACTS, sign_in, sign_out
from test_office_files import libreoffice_xlsx


def test_a_payment_completes_a_case_and_the_money_stays_exact(page):
    sign_in(page, "lushan.court")
    page.goto("/regions/410423/enforcement")
    page.click("#new-enforcement-case")
    page.fill("#f-caseNumber", "(2026)豫0423执901号")
    page.select_option("#f-organID", label="鲁山县自然资源局")
    page.fill("#f-owed", "125072.39")
    page.fill("#f-filedOn", "2026-03-01")
    page.select_option("#f-campaignID", label="涉鲁山县党政机关未履行生效判决问题专项清理")
    page.click("#enforcement-form button[type=submit]")
    assert page.inner_text("[role=status]") == "已保存"
    assert page.inner_text("#owed") == "125072.39 元"
    assert page.inner_text("#enforcement-state") == "未履行"

    page.fill("[aria-label='金额（元）']", "50000")
    page.select_option("[aria-label='履行方式']", label="列入财政预算支付")
    page.click("#payment-form button[type=submit]")
    assert page.inner_text("#enforcement-state") == "部分履行"
    assert page.inner_text("#outstanding") == "75072.39 元"
    # More than is owed is refused, naming the amount, and nothing changes.
    page.fill("[aria-label='金额（元）']", "80000")
    page.click("#payment-form button[type=submit]")
    assert "金额：超过未履行金额 75072.39 元" in page.inner_text("[role=alert]")
    assert page.inner_text("#outstanding") == "75072.39 元"
    page.fill("[aria-label='金额（元）']", "75072.39")
    page.select_option("[aria-label='履行方式']", label="转入法院执行款专户")
    page.click("#payment-form button[type=submit]")
    assert page.inner_text("#enforcement-state") == "已履行到位"
    assert page.inner_text("#paid") == "125072.39 元"
    assert page.locator("#payment-form").count() == 0
    rows = page.locator("#payments tbody tr")
    assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())] == ["50000.00", "75072.39"]

    # The API says it in fen, the export in 元, exactly.
    answer = page.request.get("/api/v1/regions/410423/enforcement/cases?q=执901号").json()
    assert [(c["caseNumber"], c["owedFen"], c["paidFen"], c["state"]) for c in answer["cases"]] == [
        ("（2026）豫0423执901号", 12507239, 12507239, "performed")
    ]
    page.goto("/regions/410423/enforcement?q=执901号")
    with page.expect_download() as download:
        page.click("#export-xlsx")
    ARTIFACTS.mkdir(exist_ok=True)
    saved = ARTIFACTS / "enforcement.xlsx"
    download.value.save_as(saved)
    sheet = openpyxl.load_workbook(saved).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][0] == "（2026）豫0423执901号"
    assert values[1][6:10] == ["125072.39", "125072.39", "0.00", "已履行到位"]
    sign_out(page)


def test_the_office_starts_a_campaign_and_urges_a_late_organ(page):
    yesterday = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8) - datetime.timedelta(days=1)).date()
    sign_in(page, "weidong.office")
    page.goto("/regions/410403/enforcement/figures")
    page.click("#campaign-new summary")
    page.fill("[aria-label='专项清理名称']", "卫东区2026年执行案件专项清理")
    page.fill("[aria-label='清零时限']", yesterday.isoformat())
    page.click("#campaign-form button[type=submit]")
    assert page.url.endswith("/regions/410403/enforcement/figures")
    sign_out(page)

    sign_in(page, "weidong.court")
    page.goto("/regions/410403/enforcement/new")
    page.fill("#f-caseNumber", "(2026)豫0403执77号")
    page.select_option("#f-organID", label="卫东区审计局")
    page.fill("#f-owed", "30000")
    page.fill("#f-filedOn", "2026-03-01")
    page.select_option("#f-campaignID", label="卫东区2026年执行案件专项清理")
    page.click("#enforcement-form button[type=submit]")
    assert page.inner_text("[role=status]") == "已保存"
    sign_out(page)

    sign_in(page, "weidong.office")
    page.goto("/regions/410403/enforcement/figures")
    card = page.locator("[data-campaign='卫东区2026年执行案件专项清理']")
    assert "逾期未清零" in card.inner_text()
    assert "已清零 0 件 / 共 1 件（0%），未清零 1 件，已履行 0.00 元，未履行 30000.00 元" in card.inner_text()
    page.click("[aria-label='督办卫东区审计局']")
    assert page.url.endswith("/regions/410403/supervision")
    assert "卫东区审计局仍有 1 件未履行（如 （2026）豫0403执77号），未履行金额 30000.00 元" in page.inner_text("main")


def test_cases_typed_in_libreoffice_import_with_their_money(page, tmp_path):
    header = "案号,被执行单位,履行内容,标的金额（元）,已履行金额（元）,立案日期,专项清理\n"
    bad = libreoffice_xlsx(
        tmp_path, "执行案件有误",
        header + "(2026)豫0423执950号,县自然资源局,,1000.005,,2026-04-01,\n"
        + "(2026)豫0423执950号,县不存在局,,100,,2026-04-01,\n")
    sign_in(page, "lushan.court")
    page.goto("/regions/410423/enforcement")
    page.set_input_files("#enforcement-import input[type=file]", str(bad))
    page.click("#enforcement-import button[type=submit]")
    problems = page.inner_text("[role=alert]")
    assert "第 2 行“标的金额（元）”：“1000.005”的小数位过多：金额精确到分" in problems
    assert "第 3 行“案号”：与第 2 行重复" in problems
    assert "第 3 行“被执行单位”：“县不存在局”不是本区划或上级区划的单位" in problems
    page.goto("/regions/410423/enforcement?q=执950号")
    assert page.inner_text("#enforcement-count") == "共 0 件"

    good = libreoffice_xlsx(
        tmp_path, "执行案件",
        header + "(2026)豫0423执951号,县自然资源局,,125072.39,50000,2026-04-01,\n"
        + "(2026)豫0423执952号,张官营镇人民政府,恢复原状,,,2026/4/2,\n")
    page.goto("/regions/410423/enforcement")
    page.set_input_files("#enforcement-import input[type=file]", str(good))
    page.click("#enforcement-import button[type=submit]")
    assert page.inner_text("[role=status]") == "导入完成：新增 2 件，未变 0 件。"
    page.goto("/regions/410423/enforcement?q=执951号")
    cells = page.locator("#enforcement-cases tbody tr td")
    assert [cells.nth(i).inner_text() for i in [0, 1, 4, 5, 6, 7]] == [
        "（2026）豫0423执951号", "鲁山县自然资源局", "125072.39", "50000.00", "75072.39", "部分履行",
    ]
    # The same file again changes nothing.
    page.goto("/regions/410423/enforcement")
    page.set_input_files("#enforcement-import input[type=file]", str(good))
    page.click("#enforcement-import button[type=submit]")
    assert page.inner_text("[role=status]") == "导入完成：新增 0 件，未变 2 件。"
