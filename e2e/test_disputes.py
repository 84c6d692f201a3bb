"""方城县's resolution centre (seed 004): the court registers a dispute during litigation, transfers it to the
司法局's mediators, assigns a handler, the 司法局 answers and the court closes it as a mediated withdrawal; the list,
the figures and the targets show it. Then last year's disputes, typed in LibreOffice, are imported. Everything it
leaves in 方城县 is closed, so the home pages test_home counts are as the demo makes them."""
import datetime

from conftest import ARTIFACTS, sign_in, sign_out
from test_office_files import libreoffice_xlsx

# Asia/Shanghai, as the product counts days.
TODAY = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
YEAR = TODAY.year


def state(page):
    return page.inner_text("#dispute-state")


def test_a_dispute_is_carried_to_a_mediated_withdrawal(page):
    sign_in(page, "fangcheng.court")
    page.goto("/regions/411322/disputes")
    page.click("#new-dispute")
    page.select_option("#f-source", label="诉中")
    page.fill("#f-applicant", "王某")
    page.select_option("#f-agencyID", label="方城县自然资源局")
    page.select_option("#f-actionType", label="行政登记")
    page.fill("#f-claim", "不服宅基地使用权登记，请求撤销。")
    # A case number without its year is refused, naming the field; what was typed stays.
    page.fill("#f-caseNumber", "豫1322行初901号")
    page.click("#dispute-form button[type=submit]")
    assert "案号" in page.inner_text("[role=alert]")
    assert page.input_value("#f-claim") == "不服宅基地使用权登记，请求撤销。"
    page.fill("#f-caseNumber", f"({YEAR})豫1322行初901号")
    page.click("#dispute-form button[type=submit]")
    assert page.inner_text("[role=status]") == "已保存"
    assert state(page) == "已登记"
    assert page.inner_text("h1 .mark") == "临期"
    number = page.inner_text("h1").split(" ")[1]
    assert number == f"方城县争〔{YEAR}〕1号"
    address = page.url.split("?")[0]

    # 2+N: a people's deputy joins the two parties.
    page.select_option("#participant-form select[name=role]", label="人大代表")
    page.fill("#participant-form input[name=name]", "李某")
    page.fill("#participant-form input[name=affiliation]", "县人大代表")
    page.click("#participant-form button[type=submit]")
    assert "人大代表：李某（县人大代表）" in page.inner_text("#dispute-participants")

    page.select_option("#f-unitID", label="方城县司法局")
    page.click("#transfer-form button[type=submit]")
    assert state(page) == "已移送"
    page.fill("#f-handler", "人民调解员张某")
    page.click("#assign-form button[type=submit]")
    assert state(page) == "已交办"
    assert page.locator("#close-form").count() == 0
    page.click("#urge-form button[type=submit]")
    assert "第 1 次催办" in page.inner_text("#dispute-history")
    sign_out(page)

    # The 司法局 finds it on its home page and answers.
    sign_in(page, "fangcheng.sfj")
    page.goto("/regions/411322")
    assert number in page.inner_text("#card-disputes-toAnswer")
    page.goto(address)
    assert page.locator("#transfer-form, #assign-form, #close-form, #dispute-form").count() == 0
    page.fill("#f-feedback", "经县人民调解委员会调解，双方达成一致，王某同意撤回起诉。")
    page.click("#answer-form button[type=submit]")
    assert state(page) == "已反馈"
    sign_out(page)

    sign_in(page, "fangcheng.court")
    page.goto(address)
    page.select_option("#f-outcome", label="调解后撤诉")
    page.fill("#f-result", "王某自愿撤诉，登记争议在调解中化解。")
    page.click("#close-form button[type=submit]")
    assert state(page) == "已办结"
    assert page.inner_text("#dispute-outcome") == "调解后撤诉"
    assert f"（{YEAR}）豫1322行初901号" in page.inner_text("#dispute-case")
    steps = [item.split("：", 1)[1] for item in page.locator("#dispute-history li").all_inner_texts()]
    assert steps[:3] == ["登记（诉中，王某与方城县自然资源局）", "增加参与方：人大代表李某（县人大代表）", "移送方城县司法局"]
    assert steps[3].startswith("交办人民调解员张某，") and steps[4].startswith("第 1 次催办（期限 ")
    assert steps[5:] == ["反馈", f"办结：调解后撤诉，案号（{YEAR}）豫1322行初901号"]
    page.screenshot(path=str(ARTIFACTS / "dispute-closed.png"), full_page=True)

    page.goto("/regions/411322/disputes?outcome=mediatedWithdrawal")
    assert page.inner_text("#dispute-count") == "共 1 件"
    # This year's figures: one registered, closed and resolved by a mediated withdrawal; no cases in the register.
    page.goto("/regions/411322/disputes/figures")
    figures = {
        key: page.inner_text(f"[data-figure={key}] .num")
        for key in ["registered", "closed", "resolved", "withdrawals", "resolutionRate", "averageDays", "newCasesChange"]
    }
    assert figures == {
        "registered": "1", "closed": "1", "resolved": "1", "withdrawals": "1", "resolutionRate": "100.0%",
        "averageDays": "0.0", "newCasesChange": "—",
    }
    assert page.get_attribute("[data-figure=resolutionRate]", "data-met") == "yes"
    sign_out(page)


def test_the_office_sets_its_targets(page):
    sign_in(page, "fangcheng.office")
    page.goto("/regions/411322/disputes/figures")
    # Seed 004's targets, set by the demo.
    assert page.input_value("#f-newCasesChange") == "-20"
    assert page.input_value("#f-mediatedWithdrawalRate") == "20"
    page.fill("#f-resolutionRate", "101")
    page.click("#targets-form button[type=submit]")
    assert "化解率目标：须在 0 至 100 之间" in page.inner_text("[role=alert]")
    page.goto("/regions/411322/disputes/figures")
    page.fill("#f-resolutionRate", "90")
    page.fill("#f-handlingDays", "8")
    page.click("#targets-form button[type=submit]")
    assert page.inner_text("[role=status]") == "目标已保存"
    assert "化解率（目标 ≥90%）" in page.inner_text("[data-figure=resolutionRate]")
    sign_out(page)


def test_last_years_disputes_typed_in_libreoffice_import(page, tmp_path):
    header = "登记编号,来源,申请人,被申请行政机关,行政行为类别,争议事项,登记日期,承办单位,承办人,办理期限,化解结果,办结日期\n"
    bad = libreoffice_xlsx(
        tmp_path, "行政争议有误",
        header + f",诉前,赵某,县公安局,行政处罚,请求撤销,{YEAR - 1}-03-01,,,,达成和解,\n"
        + f",诉前,钱某,县不存在局,行政处罚,请求撤销,{YEAR - 1}-03-02,,,,,\n")
    sign_in(page, "fangcheng.court")
    page.goto("/regions/411322/disputes")
    page.set_input_files("#dispute-import input[type=file]", str(bad))
    page.click("#dispute-import button[type=submit]")
    problems = page.inner_text("[role=alert]")
    assert "第 2 行“办结日期”：有化解结果的，须写办结日期" in problems
    assert "第 3 行“被申请行政机关”：“县不存在局”不是本区划的单位" in problems
    page.goto("/regions/411322/disputes")
    assert page.inner_text("#dispute-count") == "共 1 件"

    good = libreoffice_xlsx(
        tmp_path, "行政争议",
        header + f",诉前,赵某,县公安局,行政处罚,请求撤销,{YEAR - 1}-03-01,县司法局,调解员刘某,{YEAR - 1}-03-15,达成和解,{YEAR - 1}/3/20\n"
        + f",信访,钱某,县住建局,行政征收征用,请求补偿,{YEAR - 1}-04-02,县住建局,周某,{YEAR - 1}-04-16,未化解，进入诉讼,{YEAR - 1}-05-06\n")
    page.set_input_files("#dispute-import input[type=file]", str(good))
    page.click("#dispute-import button[type=submit]")
    assert page.inner_text("[role=status]") == "导入完成：新增 2 件，未变 0 件。"
    rows = page.locator("#disputes tbody tr")
    assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())] == [
        f"方城县争〔{YEAR}〕1号", f"方城县争〔{YEAR - 1}〕2号", f"方城县争〔{YEAR - 1}〕1号",
    ]
    assert rows.nth(2).locator("td").nth(10).inner_text() == "达成和解"
    # The same file again changes nothing: a row without its number is the dispute of the same applicant, agency,
    # day and claim.
    page.set_input_files("#dispute-import input[type=file]", str(good))
    page.click("#dispute-import button[type=submit]")
    assert page.inner_text("[role=status]") == "导入完成：新增 0 件，未变 2 件。"
    sign_out(page)
